/**
 * The pane's real workbook port (src/taskpane/excelWorkbookPort.ts) over the Office.js double, for
 * the component tests: a workbook built by the real writer, filled in by typing as an officer
 * would, read and watched by the real reader. Tests act on the workbook (type, break a cell, plan a
 * failure with `book.excel.faults`) and look at it (cells, sheets, notes, the selection), never at
 * calls made to the port.
 */
import {
  collectionLayout,
  layoutRows,
  META_CELLS,
  META_SHEET,
  parseDocumentPath,
  type Lao,
  type Round,
  type SubmissionDocument,
} from "../../src/core";
import { knownRounds } from "../../src/addin/roundRegistry";
import { createWorkbook } from "../../src/excel/create";
import { associateAddinFunctions } from "../office-double/addinFunctions";
import golden from "../../src/functions/functions.golden.json";
import { REQUIREMENT_SETS } from "../../src/excel/requirements";
import { ExcelWorkbookPort } from "../../src/taskpane/excelWorkbookPort";
import type { CellRef, IndicatorCells } from "../../src/taskpane/workbookPort";
import { cellName, parseRange } from "../office-double/address";
import { nodeWorkbook, type NodeWorkbook } from "../office-double/nodeWorkbook";
import { testRegister } from "./fixtures";

type IndicatorValues = SubmissionDocument["values"][string];

export interface PaneWorkbook {
  readonly book: NodeWorkbook;
  readonly port: ExcelWorkbookPort;
  /** Types an indicator's values into its input cells as the officer would (null or "" clears a cell). */
  type(indicatorId: string, values: IndicatorValues): Promise<void>;
  /** The input cells of an indicator in the workbook built. */
  cells(indicatorId: string): IndicatorCells;
  /** The selected cell, as the pane's port names cells. */
  selection(): CellRef | undefined;
}

export interface PaneWorkbookOptions {
  /** The requirement sets the Excel has (all by default); the port is available when ExcelApi is high enough. */
  readonly requirementSets?: Readonly<Record<string, string>>;
  /** The rounds the port knows; core's round registry by default. */
  readonly rounds?: () => readonly Round[];
}

const open: ExcelWorkbookPort[] = [];

// Every port of a test stops watching its workbook and the round registry when the test ends.
afterEach(async () => {
  await Promise.all(open.splice(0).map((port) => port.dispose()));
});

/** A blank workbook (one empty Sheet1) in an Excel with the MINSTD.* functions, and the pane's port over it. */
export function emptyWorkbook(options: PaneWorkbookOptions = {}): PaneWorkbook {
  const book = nodeWorkbook({
    metadata: golden,
    ...(options.requirementSets && { requirementSets: options.requirementSets }),
  });
  associateAddinFunctions(book.win);
  const rounds = options.rounds ?? knownRounds;
  const set = REQUIREMENT_SETS.workbookApi;
  const port = new ExcelWorkbookPort({
    host: book.host,
    loadRegister: async () => testRegister(),
    supported: () => book.win.Office.context.requirements.isSetSupported(set.name, set.version),
    rounds,
  });
  open.push(port);

  /** The input cells of an indicator, where the workbook's round and LAO put them. */
  const cells = (indicatorId: string): IndicatorCells => {
    const meta = (key: keyof typeof META_CELLS) => String(book.content(META_SHEET, META_CELLS[key]));
    const round = rounds().find((r) => r.id === meta("round"));
    const lao = testRegister().get(meta("lao"));
    if (!round || !lao) throw new Error("the workbook is not built for a known round and LAO");
    const found = layoutCells(round, lao)[indicatorId];
    if (!found) throw new Error(`no row for ${indicatorId}`);
    return found;
  };

  return {
    book,
    port,
    cells,
    async type(indicatorId, values) {
      const inputs = cells(indicatorId);
      for (const [field, value] of Object.entries(values)) {
        const at = inputs[field as keyof IndicatorCells];
        if (!at) throw new Error(`no ${field} cell for ${indicatorId}`);
        await book.type(at.sheet, at.cell, value === null ? "" : String(value));
      }
    },
    selection() {
      const shown = book.excel.selection();
      const ref = shown === undefined ? undefined : parseRange(shown);
      return ref?.sheet === undefined ? undefined : { sheet: ref.sheet, cell: cellName(ref.top, ref.left) };
    },
  };
}

/** The input cells of every indicator row of the round's workbook for this LAO, as the port reports them. */
export function layoutCells(round: Round, lao: Lao): Record<string, IndicatorCells> {
  const cells: Record<string, IndicatorCells> = {};
  for (const row of layoutRows(collectionLayout(round, lao))) {
    const at = (cell: string) => ({ sheet: row.sheet, cell });
    cells[row.id] = {
      ...(row.base !== undefined && { base: at(row.base) }),
      ...(row.served !== undefined && { served: at(row.served) }),
      ...(row.value !== undefined && { value: at(row.value) }),
    };
  }
  return cells;
}

/** What the document holds for an input cell's path ("values.<id>.base", "basic.population", …). */
function valueAt(document: SubmissionDocument, path: string): unknown {
  const at = parseDocumentPath(path);
  if (at?.kind === "values") return at.field && document.values[at.indicatorId]?.[at.field];
  if (at?.kind === "basic") return document.basic?.[at.key];
  if (at?.kind === "preparer") return document.basic?.preparer?.[at.key];
  return undefined;
}

/**
 * The collection workbook of this round and the document's LAO, built by the real writer, with
 * everything the document holds (indicator values, แบบ 1) typed in.
 */
export async function filledWorkbook(
  round: Round,
  document: SubmissionDocument,
  options: PaneWorkbookOptions = {},
): Promise<PaneWorkbook> {
  const lao = testRegister().get(document.lao);
  if (!lao) throw new Error(`no LAO ${document.lao} in the register`);
  const pane = emptyWorkbook(options);
  await createWorkbook(round, lao, pane.book.host);
  for (const sheet of collectionLayout(round, lao).sheets) {
    for (const cell of sheet.cells) {
      const value = cell.input && valueAt(document, cell.input.path);
      if (value !== undefined && value !== null && value !== "")
        await pane.book.type(sheet.name, cell.address, String(value));
    }
  }
  return pane;
}

/** Rewrites the metadata sheet's round or LAO, as a workbook made elsewhere would have them. */
export function rewriteMeta(pane: PaneWorkbook, key: "round" | "lao", value: string): void {
  const ref = parseRange(META_CELLS[key])!;
  pane.book.model.cell(pane.book.sheet(META_SHEET), ref.top, ref.left).value = value;
}
