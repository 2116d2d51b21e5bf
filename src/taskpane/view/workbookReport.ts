import {
  compileRound,
  evaluateSubmission,
  type CheckReport,
  type CompiledRound,
  type Lao,
  type LaoRegister,
  type Round,
} from "../../core";
import type { CellRef, IndicatorCells, WorkbookState } from "../workbookPort";
import { buildIndicatorGroups, type AreaGroup, type IndicatorRow } from "./indicatorRows";

export type WorkbookReport =
  | {
      readonly ok: true;
      readonly round: Round;
      readonly compiled: CompiledRound;
      readonly lao: Lao;
      readonly report: CheckReport;
      readonly groups: readonly AreaGroup[];
    }
  | { readonly ok: false; readonly reason: "unknown-round" | "unknown-lao" | "type-not-covered" };

/**
 * Scores what the workbook holds with the core: the round by its id, the LAO (and so its type)
 * from the register by its code, never from the workbook.
 */
export function workbookReport(
  state: WorkbookState,
  rounds: readonly Round[],
  register: LaoRegister,
): WorkbookReport {
  const round = rounds.find((r) => r.id === state.round);
  if (!round) return { ok: false, reason: "unknown-round" };
  const lao = register.get(state.lao);
  if (!lao) return { ok: false, reason: "unknown-lao" };
  if (!round.laoTypes.includes(lao.type)) return { ok: false, reason: "type-not-covered" };
  const compiled = compileRound(round);
  const report = evaluateSubmission(state.document, compiled, lao);
  return { ok: true, round, compiled, lao, report, groups: buildIndicatorGroups(compiled, lao.type, report) };
}

const INPUT_ORDER = ["base", "served", "value"] as const;

/**
 * The cell to select for an indicator: the input the core found a problem in, else the first
 * input cell of its row. Undefined when the workbook has no row for it.
 */
export function cellForIndicator(
  row: Pick<IndicatorRow, "field">,
  cells: IndicatorCells | undefined,
): CellRef | undefined {
  if (!cells) return undefined;
  if (row.field && cells[row.field]) return cells[row.field];
  for (const field of INPUT_ORDER) {
    const ref = cells[field];
    if (ref) return ref;
  }
  return undefined;
}
