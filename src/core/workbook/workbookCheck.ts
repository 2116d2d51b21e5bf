import * as z from "zod";
import { compileRound, type CompiledRound } from "../rules/compiledRound";
import { locateInput, type CollectionRead } from "./collectionWorkbook";
import { LAO_TYPES } from "../rules/laoTypes";
import type { ProblemEnglish } from "../rules/problems";
import type { CollectionLayout } from "./spec";
import { locateProblems, reportProblems, type CellProblem } from "./reportProblems";
import { evaluateSubmission, parseSubmission, submissionSchema } from "../rules/submission";

/**
 * The check of an uploaded collection workbook: what the server answers when an LAO uploads its
 * filled .xlsx in the web app (POST /me/workbooks/check), and what the page reads. The server reads
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

export const workbookProblemSchema = z.object({
  /** Where in the document: "values.<id>.served", "basic.population", or "" for the file itself. */
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  severity: z.enum(["error", "warning"]),
  /** The sheet and cell to fix, when the problem has one. */
  sheet: z.string().optional(),
  cell: z.string().optional(),
});

export const workbookCheckSchema = z.object({
  round: z.string(),
  lao: z.object({ code: z.string(), type: z.enum(LAO_TYPES), name: z.string() }),
  /** Every value is readable: no invalid input, and the workbook matches its layout. */
  readable: z.boolean(),
  /** Readable and every input filled in: the document can be sent. */
  complete: z.boolean(),
  /** Errors first as the workbook lists them, then what is not filled in. */
  problems: z.array(workbookProblemSchema),
  /** The submission document read from the workbook; null when the workbook's layout is broken. */
  document: submissionSchema.nullable(),
});

export type WorkbookCheck = z.infer<typeof workbookCheckSchema>;

/**
 * Checks a collection workbook already read (by the .xlsx reader) the way `minstd check` does:
 * the file's own problems (renamed sheets, moved rows) stop the check; then the document's shape,
 * then the core's scoring, each problem at its cell (core's reportProblems).
 */
export function checkCollectionRead(
  layout: CollectionLayout,
  read: CollectionRead,
  fileProblems: readonly CellProblem[],
  english: ProblemEnglish,
  compiled: CompiledRound = compileRound(layout.round),
): WorkbookCheck {
  const head = {
    round: layout.round.id,
    lao: { code: layout.lao.code, type: layout.lao.type, name: layout.lao.name },
  };
  if (fileProblems.some((p) => p.severity === "error"))
    return { ...head, readable: false, complete: false, problems: [...fileProblems], document: null };
  const parsed = parseSubmission(read.document, english);
  if (!parsed.ok)
    return {
      ...head,
      readable: false,
      complete: false,
      problems: locateProblems(parsed.problems, read.locate),
      document: null,
    };
  const report = evaluateSubmission(parsed.document, compiled, layout.lao, english);
  return {
    ...head,
    readable: report.readable,
    complete: report.complete,
    problems: [
      ...fileProblems,
      ...reportProblems(report, compiled, english, (path) => locateInput(layout, path)),
    ],
    document: parsed.document,
  };
}
