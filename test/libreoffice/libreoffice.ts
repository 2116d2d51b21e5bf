/**
 * LibreOffice Calc, the second real spreadsheet engine of the tests: where an officer without the
 * add-in would be. Needs Debian's libreoffice-calc-nogui and python3-uno (.ci/run installs them).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's python3, which has the uno module (another python3 may come first on PATH). */
const PYTHON = "/usr/bin/python3";

export function libreOfficeAvailable(): boolean {
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  if (soffice.status !== 0) return false;
  return spawnSync(PYTHON, ["-c", "import uno"]).status === 0;
}

export interface CalcJob {
  /** The workbook to open, and where to save it (.xlsx) once typed into and recalculated. */
  readonly file: string;
  readonly out: string;
  /** Texts typed into cells as on the keyboard (LibreOffice reads numbers, dates and TRUE as it would). */
  readonly typed: ReadonlyArray<{ readonly sheet: string; readonly cell: string; readonly text: string }>;
  readonly read: ReadonlyArray<{ readonly sheet: string; readonly cell: string }>;
}

export interface CalcCell {
  readonly sheet: string;
  readonly cell: string;
  /** What the cell shows. */
  readonly string: string;
  readonly value: number;
  /** LibreOffice's error code: 0 for none, 525 for #NAME?. */
  readonly error: number;
  readonly formula: string;
}

/** Types, recalculates in full and reads each job's workbook in one LibreOffice process. */
export async function runCalc(jobs: readonly CalcJob[]): Promise<Array<{ cells: CalcCell[] }>> {
  return runDriver("calc.py", jobs);
}

export interface PrintJob {
  /** A workbook (.xlsx) or a document (.docx), and the PDF to print it to. */
  readonly file: string;
  readonly pdf: string;
  /** The sheets whose rows to measure. */
  readonly sheets?: readonly string[];
}

/** A row's height as the file gives it, and the height LibreOffice finds its text needs, in points. */
export interface RowMeasure {
  readonly row: number;
  /** The row's cells' texts, run together ("" for an empty row). */
  readonly text: string;
  readonly given: number;
  readonly needed: number;
}

/** Prints each file to PDF as it opens and measures the rows of the sheets asked for, in one LibreOffice process. */
export async function runPrint(
  jobs: readonly PrintJob[],
): Promise<Array<{ sheets: Record<string, RowMeasure[]> }>> {
  return runDriver("print.py", jobs);
}

async function runDriver<T>(script: string, jobs: readonly unknown[]): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), "minstd-lo-"));
  try {
    const child = spawn(PYTHON, [join(__dirname, script), profile, `minstd${process.pid}`], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.stdin.end(JSON.stringify(jobs));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) throw new Error(`LibreOffice driver exited with ${code}: ${err}`);
    return JSON.parse(out) as T;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
