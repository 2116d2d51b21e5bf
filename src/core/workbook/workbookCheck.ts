import { compileRound, type CompiledRound } from "../rules/compiledRound";
import { locateInput, type CollectionRead } from "./collectionWorkbook";
import type { LaoType } from "../rules/laoTypes";
import type { CollectionLayout } from "./spec";
import { locateProblems, reportProblems, type CellProblem } from "./reportProblems";
import { evaluateSubmission, parseSubmission, type SubmissionDocument } from "../rules/submission";

/**
 * The check of an uploaded collection workbook: what the server answers when an LAO uploads its
 * filled .xlsx in the web app (POST /me/workbooks/check; its answer's shape is src/api/workbooks.ts,
 * where each problem has its English beside the Thai), and what the page reads. The server reads
 * the file (exceljs stays out of the browser), runs the checks of `minstd check` and stores nothing;
 * the page shows every problem with its sheet and cell, and sends the document with the same
 * submission protocol as the pane and the CLI.
 */

/** The largest .xlsx an LAO may upload: a filled collection workbook is well under 200 KB. */
export const WORKBOOK_UPLOAD_MAX_BYTES = 1024 * 1024;
/** What its parts may unpack to, and how many there may be: more is not a collection workbook. */
export const WORKBOOK_UNPACKED_MAX_BYTES = 32 * 1024 * 1024;
export const WORKBOOK_MAX_PARTS = 400;

/** The media type an upload is sent with. */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The check of a collection workbook, each problem in Thai with the arguments of its English. */
export interface CollectionCheck {
  readonly round: string;
  readonly lao: { readonly code: string; readonly type: LaoType; readonly name: string };
  /** Every value is readable: no invalid input, and the workbook matches its layout. */
  readonly readable: boolean;
  /** Readable and every input filled in: the document can be sent. */
  readonly complete: boolean;
  /** Errors first as the workbook lists them, then what is not filled in. */
  readonly problems: readonly CellProblem[];
  /** The submission document read from the workbook; null when the workbook's layout is broken. */
  readonly document: SubmissionDocument | null;
}

/**
 * Checks a collection workbook already read (by the .xlsx reader) the way `minstd check` does:
 * the file's own problems (renamed sheets, moved rows) stop the check; then the document's shape,
 * then the core's scoring, each problem at its cell (core's reportProblems).
 */
export function checkCollectionRead(
  layout: CollectionLayout,
  read: CollectionRead,
  fileProblems: readonly CellProblem[],
  compiled: CompiledRound = compileRound(layout.round),
): CollectionCheck {
  const head = {
    round: layout.round.id,
    lao: { code: layout.lao.code, type: layout.lao.type, name: layout.lao.name },
  };
  if (fileProblems.some((p) => p.severity === "error"))
    return { ...head, readable: false, complete: false, problems: [...fileProblems], document: null };
  const parsed = parseSubmission(read.document);
  if (!parsed.ok)
    return {
      ...head,
      readable: false,
      complete: false,
      problems: locateProblems(parsed.problems, read.locate),
      document: null,
    };
  const report = evaluateSubmission(parsed.document, compiled, layout.lao);
  return {
    ...head,
    readable: report.readable,
    complete: report.complete,
    problems: [...fileProblems, ...reportProblems(report, compiled, (path) => locateInput(layout, path))],
    document: parsed.document,
  };
}
