import type { CellProblem } from "../core";

/** The open workbook is not the collection workbook asked for; .problems say why, in Thai, at their cells. */
export class WorkbookRefused extends Error {
  constructor(readonly problems: readonly CellProblem[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "WorkbookRefused";
  }
}
