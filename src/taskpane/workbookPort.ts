import type { InputField, Lao, Round, SubmissionDocument } from "../core";
import type { SummarySheetModel } from "../core/reports/summarySheet";
import type { CellNote } from "../excel/returnNotes";
import type { ReceiptSheet } from "../excel/receiptSheet";

export type { CellNote, ReceiptSheet };

/**
 * What the task pane needs from the open workbook. The pane never calls Office.js itself: the
 * Excel implementation lives with the collection-workbook writer/reader; component tests run it
 * on the Office.js test double (test/taskpane/excelPane.ts). Every method may be called at any time; none keeps the pane's state.
 */
export interface WorkbookPort {
  /** The Excel API this port needs is supported by the running Excel. */
  isAvailable(): boolean;
  /**
   * Reads the workbook in one round trip: which round and LAO it was built for, what is typed in
   * it and where each indicator's input cells are. Null when the workbook has not been set up yet.
   */
  readState(): Promise<WorkbookState | null>;
  /** Builds the collection workbook for this round and LAO in the open (empty) workbook. */
  createWorkbook(round: Round, lao: Lao): Promise<void>;
  /** Calls onChange after cells of the collection workbook change. Returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  /** Selects one cell and brings it into view, e.g. selectCell("แบบ 2-1", "F7"). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Adds (or replaces) the summary sheet: the results table, the counts per area and the pass-rate
   * chart. Resolves with the name of the sheet written (another name when the officer has a sheet of
   * that name).
   */
  insertSummarySheet(model: SummarySheetModel): Promise<string>;
  /**
   * Writes (or rewrites) the receipt sheet: the newest receipt and the history of versions.
   * Resolves with the sheet's name.
   */
  writeReceiptSheet(sheet: ReceiptSheet): Promise<string>;
  /** Shows the province's comments as notes on these cells, replacing the ones shown before (none: clears them). */
  showReturnNotes(notes: readonly CellNote[]): Promise<void>;
}

/** A cell of the workbook: the sheet name and an A1 address without the sheet ("F7"). */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** Where an indicator's inputs are typed: (1) and (2) for ratio and satisfaction, value otherwise. */
export type IndicatorCells = Readonly<Partial<Record<InputField, CellRef>>>;

export interface WorkbookState {
  /** The round id the workbook was built for, e.g. "2568". */
  readonly round: string;
  /** The 7-digit LAO code the workbook was built for; the LAO type always comes from the register. */
  readonly lao: string;
  /** Everything typed, as a submission document (values as typed: numbers or text, null when empty). */
  readonly document: SubmissionDocument;
  /** The input cells of every indicator row found in the workbook, by indicator id. */
  readonly cells: Readonly<Record<string, IndicatorCells>>;
  /** What the reader could not take in: a changed layout, a missing row, an unreadable แบบ 1 cell. */
  readonly problems: readonly WorkbookProblem[];
}

export interface WorkbookProblem {
  readonly indicatorId?: string;
  /** base/served/value for an indicator, or the แบบ 1 field (e.g. "population"). */
  readonly field?: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
  readonly messageEn: string;
  /** The cell is only empty: to fill in before submitting, not something to fix (e.g. แบบ 1's population). */
  readonly notFilled?: boolean;
}
