import type { CompiledRound } from "../rules/compiledRound";
import { formatInputPath } from "../rules/inputPath";
import type { CellLocation } from "./spec";
import { problems as problemTexts } from "../rules/problems";
import type { CheckReport, DocumentProblem, IndicatorResult } from "../rules/submission";

/**
 * What an officer must fix or fill in, from a check report: the same list, codes and messages
 * wherever a report is shown or refused (the workbook check, the server, the CLI, the task pane),
 * each problem at its cell when the caller knows where its document path came from.
 */

/** A problem tied to a cell of the workbook, with what to fix. */
export interface CellProblem extends DocumentProblem {
  readonly sheet?: string;
  readonly cell?: string;
}

/** The cell behind a document path, when the document came from a workbook. */
export type LocatePath = (path: string) => Partial<CellLocation> | undefined;

/** The codes of problems about an indicator's result: the report's results carry them too. */
export const RESULT_PROBLEM_CODES: ReadonlySet<string> = new Set([
  "invalid-value",
  "incomplete-value",
  "not-entered",
]);

/**
 * Each invalid or unfinished indicator as a problem: an invalid input is an error; an input still
 * missing beside another, or nothing entered at all, is a warning at the indicator's first input.
 */
export function resultProblems(
  results: readonly IndicatorResult[],
  compiled: CompiledRound,
): DocumentProblem[] {
  const found: DocumentProblem[] = [];
  for (const r of results) {
    if (r.status !== "invalid" && r.status !== "incomplete") continue;
    if (r.problem === undefined) {
      const ind = compiled.byId.get(r.id);
      if (!ind) continue;
      const first = ind.kind === "ratio" || ind.kind === "satisfaction" ? "base" : "value";
      const problem = problemTexts.notEntered(r.id, ind.area.form, ind.def.no);
      found.push({
        path: formatInputPath({ indicatorId: r.id, field: first }),
        code: problem.code,
        problem,
        severity: "warning",
      });
      continue;
    }
    const problem = problemTexts.ofIndicator(r.status, r.id, r.problem);
    found.push({
      path: formatInputPath({ indicatorId: r.id, ...(r.field && { field: r.field }) }),
      code: problem.code,
      problem,
      severity: r.status === "invalid" ? "error" : "warning",
    });
  }
  return found;
}

/** Each problem at the cell its path came from, when `locate` knows it. */
export function locateProblems(found: readonly DocumentProblem[], locate?: LocatePath): CellProblem[] {
  return found.map((p) => ({ ...p, ...locate?.(p.path) }));
}

/** The indicators' problems, then the document's (แบบ 1, indicators not in the round), each at its cell. */
export function reportProblems(
  report: Pick<CheckReport, "results" | "problems">,
  compiled: CompiledRound,
  locate?: LocatePath,
): CellProblem[] {
  return locateProblems([...resultProblems(report.results, compiled), ...report.problems], locate);
}
