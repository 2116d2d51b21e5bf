import { areaSheet } from "./sheets/areaSheet";
import { basicSheet } from "./sheets/basicSheet";
import { compileRound, indicatorsFor } from "../rules/compiledRound";
import { fnv1a } from "../rules/fingerprint";
import { LAO_TYPE_INFO, type LaoType } from "../rules/laoTypes";
import { problems, type Problem } from "../rules/problems";
import { metaSheet } from "./sheets/metaSheet";
import { readingRows } from "./sheets/readingRows";
import type { Lao } from "../rules/register";
import type { Round } from "../rules/round";
import type {
  CellLocation,
  CollectionLayout,
  IndicatorRow,
  InputSpec,
  NamedItemSpec,
  SheetSpec,
} from "./spec";
import { LAYOUT_VERSION, META_SHEET } from "./workbookNames";

/**
 * The collection workbook (แบบรวบรวมข้อมูล) of one LAO for one round, assembled from its sheets: แบบ 1
 * (basicSheet), one sheet per area (areaSheet) and the very hidden metadata sheet (metaSheet). The
 * spec it gives (spec.ts) is what the Office.js and .xlsx writers and readers work from.
 */

/** A collection workbook that cannot be made: its problem, whose Thai is the message. */
export class LayoutError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.th);
    this.name = "LayoutError";
  }
}

const MAX_SHEET_NAME = 31;

/** The sheet name of an official form: "แบบ อบต. 2-1", "แบบเทศบาล 1". */
export function formSheetName(type: LaoType, form: string): string {
  const full = `${LAO_TYPE_INFO[type].form} ${form}`;
  return full.length <= MAX_SHEET_NAME ? full : `แบบ ${form}`.slice(0, MAX_SHEET_NAME);
}

/**
 * The collection workbook of `lao` for `round`. Throws a LayoutError (its problem) when the
 * round does not assess the LAO's type.
 */
export function collectionLayout(round: Round, lao: Lao): CollectionLayout {
  if (!round.laoTypes.includes(lao.type)) {
    throw new LayoutError(problems.roundNotForType(round.id, lao.type));
  }
  const compiled = compileRound(round);
  const applicable = indicatorsFor(compiled, lao.type);
  const basicName = formSheetName(lao.type, "1");
  const basic = basicSheet(basicName, round, lao);
  const used = new Set([basicName, META_SHEET]);
  const readings = readingRows();
  const areas: SheetSpec[] = [];
  for (const area of round.areas) {
    const indicators = applicable.filter((i) => i.area === area);
    if (indicators.length === 0) continue;
    let name = formSheetName(lao.type, area.form);
    for (let n = 2; used.has(name); n++) name = `${formSheetName(lao.type, area.form).slice(0, 26)} (${n})`;
    used.add(name);
    areas.push(areaSheet(name, `MinStd_Area_${area.id}`, area, indicators, round, lao, readings));
  }
  const fingerprint = fnv1a(
    JSON.stringify([
      LAYOUT_VERSION,
      basicName,
      areas.map((s) => [s.name, s.rows.map((r) => [r.id, r.kind, r.row])]),
    ]),
  );
  const probe = areas[0]?.rows[0]?.id ?? applicable[0]?.def.id ?? "";
  const meta = metaSheet(round, lao, fingerprint, probe, readings);
  const sheets = [basic.sheet, ...areas, meta.sheet];
  const names: NamedItemSpec[] = [...basic.names, ...meta.names];
  const inputs = new Map<string, CellLocation & { spec: InputSpec }>();
  for (const sheet of sheets)
    for (const cell of sheet.cells)
      if (cell.input)
        inputs.set(cell.input.path, { sheet: sheet.name, cell: cell.address, spec: cell.input });
  return {
    version: LAYOUT_VERSION,
    round,
    lao,
    fingerprint,
    sheets,
    names,
    inputs,
    readings: readings.list,
  };
}

/** Every indicator row of the layout with its sheet, in form order. */
export function layoutRows(layout: CollectionLayout): Array<IndicatorRow & { readonly sheet: string }> {
  return layout.sheets.flatMap((s) => s.rows.map((r) => ({ ...r, sheet: s.name })));
}

export function sheetByName(layout: CollectionLayout, name: string): SheetSpec | undefined {
  return layout.sheets.find((s) => s.name === name);
}
