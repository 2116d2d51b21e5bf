import type { CellProblem } from "../core";
import type { WithEnglish } from "../i18n/problems";

/** The open workbook is not the collection workbook asked for; .problems say why, in Thai and English, at their cells. */
export class WorkbookRefused extends Error {
  constructor(readonly problems: readonly WithEnglish<CellProblem>[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "WorkbookRefused";
  }
}
