/**
 * A fake of the pane's own WorkbookPort (src/taskpane/workbookPort.ts), not of Office.js: the
 * component tests in jsdom talk to the pane through it. It keeps what was "typed" as a submission
 * document over a made-up layout, records every call the pane makes, and can fail a read, a build
 * or a summary once, or report any problem the reader could find.
 *
 * Why not the real port (excelWorkbookPort) on the Office.js double: it runs there, and not much
 * slower (about +0.2 s a test, the building of the workbook; the rendering costs about 1 s either
 * way), but these tests are about how the pane handles what the port answers, and most of those
 * answers the double cannot give without breaking a workbook by hand: a read, a build or a summary
 * that fails once and then works, a reader problem at any cell, what the pane passed to the port
 * (the summary model, the receipt sheet). The real port on the double is tested in
 * src/taskpane/excelWorkbookPort.test.ts, the pane's startup on it in src/taskpane/startPane.test.tsx,
 * and the whole pane on it in Chromium in test/browser/.
 */
import {
  compileRound,
  indicatorsFor,
  type Lao,
  type LaoType,
  type Round,
  type SubmissionDocument,
} from "../../src/core";
import type { SummarySheetModel } from "../../src/core/reports/summarySheet";
import type {
  CellNote,
  CellRef,
  ReceiptSheet,
  IndicatorCells,
  WorkbookPort,
  WorkbookProblem,
  WorkbookState,
} from "../../src/taskpane/workbookPort";

type IndicatorValues = SubmissionDocument["values"][string];

/**
 * The layout this port pretends to have: one sheet per area named "แบบ <form>", indicator rows
 * from row 6 in form order, (1) in column D, (2) and single values in column E.
 */
export function fakeLayout(round: Round, type: LaoType): Record<string, IndicatorCells> {
  const cells: Record<string, IndicatorCells> = {};
  const rowInArea = new Map<string, number>();
  for (const ind of indicatorsFor(compileRound(round), type)) {
    const row = (rowInArea.get(ind.area.id) ?? 5) + 1;
    rowInArea.set(ind.area.id, row);
    const sheet = `แบบ ${ind.area.form}`;
    cells[ind.def.id] =
      ind.kind === "ratio" || ind.kind === "satisfaction"
        ? { base: { sheet, cell: `D${row}` }, served: { sheet, cell: `E${row}` } }
        : { value: { sheet, cell: `E${row}` } };
  }
  return cells;
}

export class FakeWorkbookPort implements WorkbookPort {
  available = true;
  readonly created: Array<{ round: Round; lao: Lao }> = [];
  readonly selected: CellRef[] = [];
  readonly summaries: SummarySheetModel[] = [];
  readonly receiptSheets: ReceiptSheet[] = [];
  /** The notes shown now, as the last showReturnNotes left them. */
  notes: readonly CellNote[] = [];
  readCount = 0;
  /** The next call of that method rejects with this error. */
  failNext: { read?: Error; create?: Error; insert?: Error } = {};
  private state: WorkbookState | null;
  private readonly listeners = new Set<() => void>();

  constructor(state: WorkbookState | null = null) {
    this.state = state;
  }

  static filled(
    round: Round,
    laoType: LaoType,
    document: SubmissionDocument,
    problems: WorkbookProblem[] = [],
  ) {
    return new FakeWorkbookPort({
      round: document.round,
      lao: document.lao,
      document,
      cells: fakeLayout(round, laoType),
      problems,
    });
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  isAvailable(): boolean {
    return this.available;
  }

  async readState(): Promise<WorkbookState | null> {
    this.readCount += 1;
    const error = this.failNext.read;
    if (error) {
      delete this.failNext.read;
      throw error;
    }
    return this.state === null ? null : (JSON.parse(JSON.stringify(this.state)) as WorkbookState);
  }

  async createWorkbook(round: Round, lao: Lao): Promise<void> {
    const error = this.failNext.create;
    if (error) {
      delete this.failNext.create;
      throw error;
    }
    this.created.push({ round, lao });
    this.state = {
      round: round.id,
      lao: lao.code,
      document: { round: round.id, lao: lao.code, values: {} },
      cells: fakeLayout(round, lao.type),
      problems: [],
    };
    this.emit();
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
    };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push({ sheet, cell });
  }

  async insertSummarySheet(model: SummarySheetModel): Promise<string> {
    const error = this.failNext.insert;
    if (error) {
      delete this.failNext.insert;
      throw error;
    }
    this.summaries.push(model);
    return model.sheetName;
  }

  async writeReceiptSheet(sheet: ReceiptSheet): Promise<string> {
    this.receiptSheets.push(sheet);
    return sheet.name;
  }

  async showReturnNotes(notes: readonly CellNote[]): Promise<void> {
    this.notes = notes;
  }

  /** What an officer typing into an indicator's cells does: the workbook changes, listeners hear of it. */
  type(indicatorId: string, values: IndicatorValues): void {
    if (!this.state) throw new Error("the workbook is not set up");
    const doc = this.state.document;
    this.state = {
      ...this.state,
      document: {
        ...doc,
        values: { ...doc.values, [indicatorId]: { ...doc.values[indicatorId], ...values } },
      },
    };
    this.emit();
  }

  setProblems(problems: WorkbookProblem[]): void {
    if (!this.state) throw new Error("the workbook is not set up");
    this.state = { ...this.state, problems };
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
