import { absoluteCell, cellAddress } from "../a1";
import { readingFormulas, type ReadingRule } from "../portableFormulas";
import type { InputField } from "../../rules/scoring";
import type { CellSpec, ReadingCell } from "../spec";
import { META_SHEET } from "../workbookNames";

/** The first row of the working cells that read each input for the portable formulas. */
export const READING_FIRST_ROW = 12;
/** The working cells of a reading row, from column B: text, whole part, fraction, plain?, number, reading. */
const READING_COLUMNS = ["text", "whole", "fraction", "plain", "number", "reading"] as const;

export interface Readings {
  /** Adds the working cells that read `input`; returns the reading cell's reference for formulas. */
  add(indicatorId: string, field: InputField, input: string, rule: ReadingRule): string;
  readonly cells: CellSpec[];
  readonly list: ReadingCell[];
}

/**
 * The rows of working cells on the metadata sheet, one per input of an indicator, that read what was
 * typed the way core/rules/reading does, so the portable formulas score without the add-in.
 */
export function readingRows(): Readings {
  const cells: CellSpec[] = [];
  const list: ReadingCell[] = [];
  const col = (key: (typeof READING_COLUMNS)[number]): number => READING_COLUMNS.indexOf(key) + 2;
  return {
    cells,
    list,
    add(indicatorId, field, input, rule) {
      const row = READING_FIRST_ROW + list.length;
      const at = (key: (typeof READING_COLUMNS)[number]): string => absoluteCell(cellAddress(row, col(key)));
      const formulas = readingFormulas(input, rule, {
        text: at("text"),
        whole: at("whole"),
        fraction: at("fraction"),
        plain: at("plain"),
        number: at("number"),
      });
      const label = `${indicatorId} ${field}`;
      cells.push({ address: cellAddress(row, 1), style: "meta", value: label, numberFormat: "@" });
      for (const key of READING_COLUMNS)
        cells.push({
          address: cellAddress(row, col(key)),
          style: "meta",
          formula: { portable: formulas[key] },
        });
      const reading = cellAddress(row, col("reading"));
      list.push({ indicatorId, field, cell: reading, rule });
      return `${META_SHEET}!${absoluteCell(reading)}`;
    },
  };
}
