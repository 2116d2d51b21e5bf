import {
  collectionLayout,
  layoutRows,
  parseDocumentPath,
  RESULT_PROBLEM_CODES,
  type CellProblem,
  type CollectionLayout,
  type Lao,
  type LaoRegister,
  type Round,
  type WorkbookMeta,
} from "../core";
import { problemEn } from "../i18n/problems";
import { knownRounds, onRoundsChanged } from "../addin/roundRegistry";
import type { SummarySheetModel } from "../core/reports/summarySheet";
import { officeHost, type ExcelHost } from "../excel/host";
import { lacksPortableFormulas, readWorkbookMeta } from "../excel/meta";
import { selectCell } from "../excel/navigate";
import type { WorkbookScan } from "../excel/reader";
import { WorkbookRefused } from "../excel/refused";
import { hostSupports, REQUIREMENT_SETS } from "../excel/requirements";
import { watchWorkbook, type Watch } from "../excel/watch";
import type {
  CellNote,
  IndicatorCells,
  ReceiptSheet,
  WorkbookPort,
  WorkbookProblem,
  WorkbookState,
} from "./workbookPort";

/**
 * The pane's WorkbookPort over the open Excel workbook (src/excel). The first readState finds which
 * round and LAO the workbook belongs to (its metadata sheet; the LAO from the register the pane
 * loads anyway), scans it once and starts watching it: from then on readState answers from what
 * the watch keeps, which re-reads only the cells that change, and subscribers hear of each change.
 * A change the watch cannot take in, a new workbook or newly registered rounds start over.
 *
 * The writers (building the workbook, the summary sheet) are loaded when first used, not with the pane.
 */

/** An error with a Thai and an English text, as the pane shows errors (errorText). */
export class WorkbookError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "WorkbookError";
  }
}

/** WorkbookRefused (Thai and English per problem) as one error the pane can show in either language. */
function readable(error: unknown): unknown {
  if (!(error instanceof WorkbookRefused)) return error;
  return new WorkbookError(
    error.problems.map((p) => p.message).join("\n"),
    error.problems.map((p) => p.messageEn).join("\n"),
  );
}

export interface ExcelWorkbookPortOptions {
  /** The LAO register loader the pane uses (fetched once, on demand). */
  readonly loadRegister: () => Promise<LaoRegister>;
  /** The rounds the pane knows; core's round registry by default. */
  readonly rounds?: () => readonly Round[];
  readonly host?: ExcelHost;
  /** Whether the running Excel has the API the port uses. */
  readonly supported?: () => boolean;
}

/** The Excel API the writer, reader and watch use (src/excel/requirements.ts). */
export function excelApiSupported(): boolean {
  return hostSupports(REQUIREMENT_SETS.workbookApi);
}

interface Session {
  state: WorkbookState;
  readonly watch?: Watch;
  stopped?: Promise<void>;
}

/** Stops a session's watch, once however often it is asked. */
function stop(session: Session | null | undefined): Promise<void> {
  if (!session?.watch) return Promise.resolve();
  session.stopped ??= session.watch.stop();
  return session.stopped;
}

/** The input cells of every indicator row of the layout. */
function indicatorCells(layout: CollectionLayout): Record<string, IndicatorCells> {
  const cells: Record<string, IndicatorCells> = {};
  for (const row of layoutRows(layout)) {
    const at = (cell: string | undefined) => (cell === undefined ? undefined : { sheet: row.sheet, cell });
    const base = at(row.base);
    const served = at(row.served);
    const value = at(row.value);
    cells[row.id] = { ...(base && { base }), ...(served && { served }), ...(value && { value }) };
  }
  return cells;
}

/**
 * What the reader found that the pane's own scoring does not show: the แบบ 1 data and anything the
 * core reports beyond the indicators' results (those the pane scores and shows on each indicator).
 */
function workbookProblems(layout: CollectionLayout, problems: readonly CellProblem[]): WorkbookProblem[] {
  return problems
    .filter((p) => !RESULT_PROBLEM_CODES.has(p.code))
    .map((p) => {
      const at = parseDocumentPath(p.path);
      const indicatorId = at?.kind === "values" ? at.indicatorId : undefined;
      const field =
        at?.kind === "values"
          ? at.field
          : at?.kind === "basic" || at?.kind === "preparer"
            ? at.key
            : undefined;
      return {
        ...(indicatorId !== undefined && { indicatorId }),
        ...(field !== undefined && { field }),
        sheet: p.sheet ?? layout.sheets[0]!.name,
        cell: p.cell ?? "A1",
        message: p.problem.th,
        messageEn: problemEn(p.problem),
        ...(p.code === "missing-field" && { notFilled: true }),
      };
    });
}

function stateOf(meta: WorkbookMeta, layout: CollectionLayout, scan: WorkbookScan): WorkbookState {
  return {
    round: meta.round,
    lao: meta.lao,
    document: scan.document,
    cells: indicatorCells(layout),
    problems: workbookProblems(layout, scan.problems),
  };
}

/** A workbook of a round or LAO the pane cannot score: the pane says so from the ids alone. */
function unscored(meta: WorkbookMeta): WorkbookState {
  return {
    round: meta.round,
    lao: meta.lao,
    document: { round: meta.round, lao: meta.lao, values: {} },
    cells: {},
    problems: [],
  };
}

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly host: ExcelHost;
  private readonly rounds: () => readonly Round[];
  private readonly listeners = new Set<() => void>();
  private readonly stopWatchingRounds: () => void;
  /** The session being opened or open; undefined before the first read and after a reset. */
  private opening: Promise<Session | null> | undefined;
  /** Bumped by every reset, so a watch of an earlier session is ignored. */
  private generation = 0;

  constructor(private readonly options: ExcelWorkbookPortOptions) {
    this.host = options.host ?? officeHost;
    this.rounds = options.rounds ?? knownRounds;
    // A round registered now may be the one the open workbook was built for.
    this.stopWatchingRounds = onRoundsChanged(() => this.restart());
  }

  isAvailable(): boolean {
    return (this.options.supported ?? excelApiSupported)();
  }

  async readState(): Promise<WorkbookState | null> {
    let opening = this.opening;
    if (!opening) {
      const started = this.open(this.generation);
      this.opening = opening = started;
      const forget = (): void => {
        if (this.opening === started) this.opening = undefined;
      };
      // An empty workbook is looked at again next time; so is one that could not be read.
      started.then((session) => session === null && forget(), forget);
    }
    try {
      return (await opening)?.state ?? null;
    } catch (error) {
      throw readable(error);
    }
  }

  async createWorkbook(round: Round, lao: Lao): Promise<void> {
    try {
      const { createWorkbook } = await import(/* webpackChunkName: "workbook-writer" */ "../excel/create");
      await createWorkbook(round, lao, this.host);
    } catch (error) {
      throw readable(error);
    }
    this.restart();
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
    };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await selectCell(sheet, cell, this.host);
  }

  async insertSummarySheet(model: SummarySheetModel): Promise<string> {
    const { insertSummarySheet } = await import(
      /* webpackChunkName: "summary-writer" */ "../excel/summarySheet"
    );
    return insertSummarySheet(model, this.host);
  }

  async writeReceiptSheet(sheet: ReceiptSheet): Promise<string> {
    const { writeReceiptSheet } = await import(
      /* webpackChunkName: "receipt-writer" */ "../excel/receiptSheet"
    );
    return writeReceiptSheet(sheet, this.host);
  }

  async showReturnNotes(notes: readonly CellNote[]): Promise<void> {
    const { showReturnNotes } = await import(/* webpackChunkName: "return-notes" */ "../excel/returnNotes");
    await showReturnNotes(notes, this.host);
  }

  /** Stops watching the workbook and the rounds. */
  async dispose(): Promise<void> {
    this.stopWatchingRounds();
    this.listeners.clear();
    await this.reset();
  }

  private async open(generation: number): Promise<Session | null> {
    const meta = await readWorkbookMeta(this.host);
    if (meta === null) return null;
    const round = this.rounds().find((r) => r.id === meta.round);
    if (!round) return { state: unscored(meta) };
    const lao = (await this.options.loadRegister()).get(meta.lao);
    if (!lao || !round.laoTypes.includes(lao.type)) return { state: unscored(meta) };
    await this.upgrade(round, lao);
    const layout = collectionLayout(round, lao);
    const holder: { session?: Session } = {};
    // The layout the scan reads by is the one the state is built from: laid out once.
    const watch = await watchWorkbook(
      this.host,
      layout,
      (scan) => {
        if (generation !== this.generation || !holder.session) return;
        holder.session.state = stateOf(meta, layout, scan);
        this.emit();
      },
      // The workbook no longer reads as it should (e.g. an id typed over): read it again, in full,
      // so that the pane shows what is wrong.
      () => {
        if (generation === this.generation) this.restart();
      },
    );
    const session: Session = { state: stateOf(meta, layout, watch.scan), watch };
    holder.session = session;
    // Reset while the scan was under way: this session is already forgotten.
    if (generation !== this.generation) await stop(session);
    return session;
  }

  /**
   * A workbook built by an earlier MinStd, whose cells show #NAME? without the add-in, gets the
   * current template applied again, every typed value kept, so it works on the next computer too.
   * One whose rows no longer match the round is left as it is: the read shows what is wrong.
   */
  private async upgrade(round: Round, lao: Lao): Promise<void> {
    if (!(await lacksPortableFormulas(this.host))) return;
    try {
      const { createWorkbook } = await import(/* webpackChunkName: "workbook-writer" */ "../excel/create");
      await createWorkbook(round, lao, this.host);
    } catch (error) {
      if (!(error instanceof WorkbookRefused)) throw error;
    }
  }

  /** Forgets the session (stopping its watch) and tells subscribers to read again. */
  private restart(): void {
    void this.reset().catch(() => undefined);
    this.emit();
  }

  private async reset(): Promise<void> {
    this.generation += 1;
    const opening = this.opening;
    this.opening = undefined;
    await stop(await opening?.catch(() => null));
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
