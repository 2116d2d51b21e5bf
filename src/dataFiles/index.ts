import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import {
  LaoRegister,
  parseRegisterCsv,
  parseRound,
  RoundError,
  shippedRound,
  shippedRounds,
  type Round,
} from "../core";
import { roundIssueText } from "../i18n";
import { describeWorkbookProblem, importRoundWorkbook } from "../xlsx/roundWorkbook";

/** The project's data files on disk (the LAO register, round files), for the CLI and the server. */

export const DATA_DIR = resolve(__dirname, "../../data");
export const REGISTER_FILE = join(DATA_DIR, "lao-registry.csv");

let register: LaoRegister | undefined;

export function loadRegister(): LaoRegister {
  register ??= new LaoRegister(parseRegisterCsv(readFileSync(REGISTER_FILE, "utf8")));
  return register;
}

export class RoundFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "RoundFileError";
  }
}

/** Reads a round from a .json file or a round workbook (.xlsx); throws RoundFileError with every problem. */
export async function loadRoundFile(file: string): Promise<Round> {
  const ext = extname(file).toLowerCase();
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new RoundFileError(file, [`เปิดไฟล์ไม่ได้ (ไม่มีไฟล์นี้ หรือไม่มีสิทธิ์อ่าน) / cannot read the file`]);
  }
  if (ext === ".xlsx") {
    const result = await importRoundWorkbook(data);
    if (!result.ok) throw new RoundFileError(file, result.problems.map(describeWorkbookProblem));
    return result.round;
  }
  if (ext !== ".json") throw new RoundFileError(file, ["ใช้ไฟล์ .json หรือ .xlsx / use a .json or .xlsx file"]);
  let json: unknown;
  try {
    json = JSON.parse(data.toString("utf8"));
  } catch (e) {
    throw new RoundFileError(file, [`ไฟล์ JSON ไม่ถูกต้อง: ${(e as Error).message}`]);
  }
  try {
    return parseRound(json);
  } catch (e) {
    if (e instanceof RoundError) throw new RoundFileError(file, e.issues.map(roundIssueText));
    throw e;
  }
}

/** Extra rounds loaded from a folder of round JSON files (MINSTD_ROUNDS_DIR), e.g. the real list of a year. */
function extraRoundsDir(): string | undefined {
  return process.env.MINSTD_ROUNDS_DIR || undefined;
}

async function extraRounds(): Promise<Round[]> {
  const dir = extraRoundsDir();
  if (!dir || !existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return Promise.all(files.map((f) => loadRoundFile(join(dir, f))));
}

/** Every known round: the shipped ones, then those of MINSTD_ROUNDS_DIR (which replace a shipped round of the same id). */
export async function allRounds(): Promise<Round[]> {
  const byId = new Map(shippedRounds().map((r) => [r.id, r]));
  for (const r of await extraRounds()) byId.set(r.id, r);
  return [...byId.values()];
}

/** A round by id (e.g. "2563") or by the path of a round file. Undefined when there is no such round. */
export async function resolveRound(ref: string): Promise<Round | undefined> {
  if (/\.(json|xlsx)$/i.test(ref)) return loadRoundFile(ref);
  const extra = (await extraRounds()).find((r) => r.id === ref);
  return extra ?? shippedRound(ref);
}
