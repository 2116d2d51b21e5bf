import { readFileSync } from "node:fs";
import { extname } from "node:path";
import {
  cellReference,
  compileRound,
  describeLao,
  evaluateSubmission,
  formatInputPath,
  formatPercent,
  locateProblems,
  printedPercent,
  laoDisplayName,
  parseSubmission,
  STATUSES,
  type CellProblem,
  type CheckReport,
  type IndicatorResult,
  type Problem,
  problems,
  type Round,
  type Status,
  type SubmissionDocument,
} from "../core";
import { problemEn, resultShortText, resultText, withEnglish, type WithEnglish } from "../i18n";
import { loadRegister, resolveRound, RoundFileError } from "../dataFiles";
import { json, padEnd, type Lang, type Output } from "./output";

/** Where a value came from in a workbook, so a problem can name the sheet and cell to fix. */
export interface CellLocation {
  readonly sheet: string;
  readonly cell: string;
}

/** A submission read from a file, with a way to point at the cell behind each value when there is one. */
export interface LoadedSubmission {
  readonly document: unknown;
  /** `path` is a document path: "values.<id>.base", "basic.population", … */
  readonly locate?: (path: string) => CellLocation | undefined;
  /** Problems the reader found in the file itself (e.g. a workbook whose rows were moved); errors stop the check. */
  readonly problems?: readonly CellProblem[];
}

/** How a file's round is found: by default the shipped rounds and MINSTD_ROUNDS_DIR. */
export interface ReadOptions {
  /** Another source of rounds, e.g. the server's definition of a round loaded after this release. */
  readonly round?: (id: string) => Promise<Round | undefined>;
}

/** Readers by file extension. JSON is built in; others (such as .xlsx) register themselves. */
export type SubmissionReader = (
  data: Buffer,
  file: string,
  options?: ReadOptions,
) => Promise<LoadedSubmission>;
const readers = new Map<string, SubmissionReader>();

export function registerSubmissionReader(ext: string, reader: SubmissionReader): void {
  readers.set(ext.toLowerCase(), reader);
}

export class UnreadableFile extends Error {}

registerSubmissionReader(".json", async (data) => {
  const text = data.toString("utf8").replace(/^\ufeff/, "");
  try {
    return { document: JSON.parse(text) };
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const offset = pos ? Number(pos[1]) : undefined;
    const where =
      offset === undefined
        ? ""
        : ` ที่บรรทัด ${text.slice(0, offset).split("\n").length} ตัวอักษรที่ ${offset - text.lastIndexOf("\n", offset - 1)}`;
    throw new UnreadableFile(
      `ไฟล์ JSON ไม่ถูกต้อง${where} — ตรวจเครื่องหมายจุลภาค (,) วงเล็บ และเครื่องหมายคำพูด (") / invalid JSON: ${(e as Error).message}`,
    );
  }
});

/** A result as `check --json` writes it: what to fix in Thai (`message`) and English (`messageEn`). */
export interface LocatedResult extends Omit<IndicatorResult, "problem"> {
  readonly message?: string;
  readonly messageEn?: string;
  readonly sheet?: string;
  readonly cell?: string;
  /** The percentage as the round's printout writes it (its decimals, trailing zeros dropped): "76.67", "100". */
  readonly printed?: string;
}

/** A problem as `check --json` writes it, in Thai (`message`) and English (`messageEn`). */
export type LocatedProblem = WithEnglish<CellProblem>;

export interface FileCheck {
  readonly file: string;
  readonly round?: string;
  readonly lao?: CheckReport["lao"];
  readonly results: readonly LocatedResult[];
  readonly summary: CheckReport["summary"] | null;
  readonly problems: readonly LocatedProblem[];
  readonly readable: boolean;
  readonly complete: boolean;
}

function failed(file: string, problems: LocatedProblem[], extra: Partial<FileCheck> = {}): FileCheck {
  return { file, results: [], summary: null, problems, readable: false, complete: false, ...extra };
}

const fileProblem = (message: string, messageEn = message): LocatedProblem => ({
  path: "",
  code: "unreadable-file",
  message,
  messageEn,
  severity: "error",
});

const notForType = (problem: Problem, lao: string): LocatedProblem =>
  fileProblem(`${problem.th} (${lao})`, `${problemEn(problem)} (${lao})`);

/** Reads and scores a submission file the way the server would. Never throws for bad input. */
export async function checkFile(file: string): Promise<FileCheck> {
  return (await inspectFile(file)).check;
}

/** A file's check, with the document read from it and where each of its values came from. */
export interface InspectedFile {
  readonly check: FileCheck;
  /** The document as read, when the file could be read into one with a valid shape. */
  readonly document?: SubmissionDocument;
  readonly locate: (path: string) => Partial<CellLocation>;
}

export async function inspectFile(file: string, options: ReadOptions = {}): Promise<InspectedFile> {
  const result = await inspect(file, options);
  return { locate: () => ({}), ...result };
}

async function inspect(
  file: string,
  options: ReadOptions,
): Promise<Omit<InspectedFile, "locate"> & Partial<InspectedFile>> {
  const reader = readers.get(extname(file).toLowerCase());
  if (!reader) {
    const known = [...readers.keys()].join(", ");
    return {
      check: failed(file, [fileProblem(`ตรวจได้เฉพาะไฟล์ ${known} / only ${known} files can be checked`)]),
    };
  }
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return {
      check: failed(file, [
        fileProblem(`เปิดไฟล์ “${file}” ไม่ได้ — ตรวจชื่อไฟล์และโฟลเดอร์ / cannot read the file`),
      ]),
    };
  }
  let loaded: LoadedSubmission;
  try {
    loaded = await reader(data, file, options);
  } catch (e) {
    if (e instanceof UnreadableFile) return { check: failed(file, [fileProblem(e.message)]) };
    throw e;
  }
  const locate = (path: string): Partial<CellLocation> => loaded.locate?.(path) ?? {};
  if (loaded.problems?.some((p) => p.severity === "error"))
    return { check: failed(file, loaded.problems.map(withEnglish)), locate };
  const parsed = parseSubmission(loaded.document);
  if (!parsed.ok)
    return {
      check: failed(file, locateProblems(parsed.problems, locate).map(withEnglish)),
      locate,
    };
  const doc = parsed.document;

  let round: Round | undefined;
  try {
    round = (await resolveRound(doc.round)) ?? (await options.round?.(doc.round));
  } catch (e) {
    if (!(e instanceof RoundFileError)) throw e;
  }
  if (!round) {
    return {
      document: doc,
      locate,
      check: failed(file, [
        {
          ...fileProblem(
            `ไม่มีรอบการประเมิน “${doc.round}” — ดูรอบที่มีด้วย minstd round list`,
            `no round “${doc.round}”`,
          ),
          path: "round",
          ...locate("round"),
        },
      ]),
    };
  }
  const lao = loadRegister().get(doc.lao);
  const laoProblem = !lao
    ? fileProblem(
        `ไม่พบรหัส อปท. ${doc.lao} ในทะเบียน — ค้นรหัสด้วย minstd lao find ชื่อ อปท.`,
        `LAO ${doc.lao} is not in the register`,
      )
    : !round.laoTypes.includes(lao.type)
      ? notForType(problems.roundNotForType(round.id, lao.type), describeLao(lao))
      : undefined;
  if (!lao || laoProblem) {
    return {
      document: doc,
      locate,
      check: failed(file, [{ ...laoProblem!, path: "lao", ...locate("lao") }], { round: round.id }),
    };
  }
  const report = evaluateSubmission(doc, compileRound(round), lao);

  const check: FileCheck = {
    file,
    round: report.round,
    lao: report.lao,
    results: report.results.map(({ problem, field, ...r }) => ({
      ...r,
      ...(problem && { message: problem.th, messageEn: problemEn(problem) }),
      ...(field && { field }),
      ...(r.percent !== undefined && { printed: printedPercent(r.percent, round) }),
      ...(field ? locate(formatInputPath({ indicatorId: r.id, field })) : {}),
    })),
    summary: report.summary,
    // The indicators' problems stand on their results (the `check --json` contract).
    problems: locateProblems(report.problems, locate).map(withEnglish),
    readable: report.readable,
    complete: report.complete,
  };
  return { check, document: doc, locate };
}

const MARK: Record<Status, string> = {
  pass: "✓",
  below: "✗",
  "no-service": "–",
  "not-done": "✗",
  incomplete: "…",
  invalid: "!",
  reported: "·",
};

export function printCheck(check: FileCheck, lang: Lang, io: Output, roundForLabels?: Round): void {
  const msg = (p: { message?: string; messageEn?: string }): string =>
    (lang === "en" ? p.messageEn : p.message) ?? "";
  if (check.lao) {
    io.out(
      `${check.file} — รอบ ${check.round} · ${laoDisplayName(check.lao.type, check.lao.name)} (${check.lao.code})`,
    );
  } else {
    io.out(check.file);
  }
  for (const r of check.results) {
    const label = roundForLabels ? resultText(r.status, roundForLabels)[lang] : r.label;
    const detail =
      r.percent !== undefined
        ? `${r.printed ?? formatPercent(r.percent)}%`
        : r.value !== undefined
          ? String(r.value)
          : "";
    const target = r.target !== undefined ? ` (เป้าหมาย ${r.target}${r.provisional ? "*" : ""})` : "";
    io.out(`  ${MARK[r.status]} ${padEnd(r.id, 12)} ${padEnd(label, 36)} ${detail}${detail ? target : ""}`);
    if (r.message) io.out(`      → ${msg(r)}${cellReference(r)}`);
  }
  for (const p of check.problems) {
    io.out(`  ${p.severity === "error" ? "!" : "…"} ${msg(p)}${cellReference(p)}`);
  }
  if (check.summary) {
    const c = check.summary.overall.counts;
    const parts = STATUSES.filter((s) => c[s] > 0).map(
      (s) => `${(roundForLabels ? resultText(s, roundForLabels) : resultShortText(s))[lang]} ${c[s]}`,
    );
    const rate = check.summary.overall.passRate;
    io.out(
      `สรุป: ${parts.join(" · ")}${rate === null ? "" : ` · ผ่าน ${formatPercent(rate * 100)}% ของตัวชี้วัดที่ประเมิน`}`,
    );
  }
  io.out(
    !check.readable
      ? "ผล: มีข้อมูลที่ต้องแก้ไข (ดูรายการ ! ด้านบน) / some values must be fixed"
      : check.complete
        ? "ผล: ข้อมูลครบ พร้อมส่ง / complete, ready to submit"
        : "ผล: อ่านข้อมูลได้ทั้งหมด แต่ยังกรอกไม่ครบ (ดูรายการ … ด้านบน) / readable but not complete",
  );
}

export async function check(file: string, opts: { json?: boolean }, lang: Lang, io: Output): Promise<number> {
  const result = await checkFile(file);
  if (opts.json) {
    io.out(json(result));
  } else {
    printCheck(
      result,
      lang,
      io,
      result.round ? await resolveRound(result.round).catch(() => undefined) : undefined,
    );
  }
  return result.readable ? 0 : 1;
}

/** The submission document a file holds, read by its reader (call after checkFile found it readable). */
export async function readDocument(file: string): Promise<unknown> {
  const reader = readers.get(extname(file).toLowerCase());
  if (!reader) throw new UnreadableFile(file);
  return (await reader(readFileSync(file), file)).document;
}
