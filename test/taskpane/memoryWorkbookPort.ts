/**
 * An in-memory WorkbookPort for component tests in jsdom: it stands in for Excel, keeps what was
 * "typed" as a submission document and records every call the pane makes. The end-to-end test
 * drives the real Office.js port against the Excel test double instead (test/office-double).
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
export function memoryLayout(round: Round, type: LaoType): Record<string, IndicatorCells> {
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

export class MemoryWorkbookPort implements WorkbookPort {
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
    return new MemoryWorkbookPort({
      round: document.round,
      lao: document.lao,
      document,
      cells: memoryLayout(round, laoType),
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
      cells: memoryLayout(round, lao.type),
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
