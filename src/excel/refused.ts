import { META_SHEET, type CellProblem, type MetaProblem } from "../core";
import { withEnglish, type WithEnglish } from "../i18n/problems";

/** The open workbook is not the collection workbook asked for; .problems say why, in Thai and English, at their cells. */
export class WorkbookRefused extends Error {
  constructor(readonly problems: readonly WithEnglish<CellProblem>[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "WorkbookRefused";
  }
}

/** Refuses a workbook whose metadata sheet says it is not a MinStd collection workbook (or not this one). */
export function notOurWorkbook(meta: MetaProblem): WorkbookRefused {
  return new WorkbookRefused([
    withEnglish({ path: "", code: "not-ours", problem: meta.problem, severity: "error", sheet: META_SHEET }),
  ]);
}
