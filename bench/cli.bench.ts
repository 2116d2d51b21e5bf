/**
 * How fast the `minstd` command starts, as a person runs it (node bin/minstd.js, the bundled
 * dist/cli/minstd.js), next to baselines measured in the same run, interleaved:
 * - `minstd --version` against `node -e 0` (goal ≤ 2×);
 * - `minstd check` of a filled 214-indicator collection workbook (generatedRound(214), written by
 *   the real writer) against `node -e 0` and a Node script that only reads the same file with
 *   exceljs (goal ≤ 3 × `node -e 0` + the exceljs script's own reading time, i.e. its time less
 *   `node -e 0`).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectionLayout, compileRound, LaoRegister, parseRegisterCsv, type Lao } from "../src/core";
import { generatedRound } from "../src/core/rules/generatedRound";
import { REGISTER_FILE } from "../src/dataFiles";
import { writeCollectionWorkbook } from "../src/xlsx/collectionWorkbookWriter";
import { ROOT } from "../test/browser/support/build";
import { completeDocument } from "../test/server/documents";
import { printTable } from "./harness";
import { readFileSync } from "node:fs";

const RUNS = 11;
const LAO = "6810403"; // อบต.คลองท่อมเหนือ: a sub-district LAO, assessed on every indicator of its type
const CLI = join(ROOT, "bin/minstd.js");

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The value at a document path such as "values.A1.base" or "basic.population". */
function valueAt(document: unknown, path: string): string | number | undefined {
  let at: unknown = document;
  for (const key of path.split(".")) at = (at as Record<string, unknown> | undefined)?.[key];
  return typeof at === "string" || typeof at === "number" ? at : undefined;
}

/** A collection workbook of `lao` for the 214-indicator round, every input filled. */
async function filledWorkbook(lao: Lao): Promise<Buffer> {
  const round = generatedRound(214, "G214");
  const layout = collectionLayout(round, lao);
  const document = completeDocument(compileRound(round), lao, 3);
  const inputs = new Map<string, string | number>();
  for (const path of layout.inputs.keys()) {
    const value = valueAt(document, path);
    if (value !== undefined) inputs.set(path, value);
  }
  return writeCollectionWorkbook(layout, { inputs });
}

/** Wall-clock ms of one run of `node args`, from spawn to exit; throws unless it exits with one of `codes`. */
function timeNode(args: readonly string[], env: NodeJS.ProcessEnv, codes: readonly number[] = [0]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === null || !codes.includes(run.status))
    throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr || run.stdout}`);
  return ms;
}

export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "minstd-bench-cli-"));
  try {
    const register = new LaoRegister(parseRegisterCsv(readFileSync(REGISTER_FILE, "utf8")));
    const lao = register.get(LAO)!;
    const rounds = join(dir, "rounds");
    mkdirSync(rounds);
    writeFileSync(join(rounds, "G214.json"), JSON.stringify(generatedRound(214, "G214")));
    const workbook = join(dir, "G214-filled.xlsx");
    writeFileSync(workbook, await filledWorkbook(lao));
    const exceljsOnly = join(dir, "exceljs-read.js");
    writeFileSync(
      exceljsOnly,
      `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs", { paths: [ROOT] }))});
       const { readFileSync } = require("node:fs");
       new ExcelJS.Workbook().xlsx.load(readFileSync(process.argv[2])).then((wb) => {
         if (wb.worksheets.length === 0) process.exitCode = 1;
       });`,
    );
    const env = { ...process.env, MINSTD_ROUNDS_DIR: rounds };

    // Once, to know the check reads the workbook (exit 0: no problems, 1: problems in the data).
    const checked = spawnSync(process.execPath, [CLI, "check", "--json", workbook], {
      env,
      encoding: "utf8",
    });
    const report = JSON.parse(checked.stdout) as { results?: unknown[] };
    if (!Array.isArray(report.results) || report.results.length === 0)
      throw new Error(
        `minstd check did not read the workbook: ${checked.stdout.slice(0, 300)}${checked.stderr}`,
      );

    const runs = {
      node: [] as number[],
      version: [] as number[],
      exceljs: [] as number[],
      check: [] as number[],
    };
    for (let i = 0; i < RUNS + 1; i++) {
      const node = timeNode(["-e", "0"], env);
      const version = timeNode([CLI, "--version"], env);
      const exceljs = timeNode([exceljsOnly, workbook], env);
      const check = timeNode([CLI, "check", workbook], env, [0, 1]);
      if (i === 0) continue; // warms the file cache
      runs.node.push(node);
      runs.version.push(version);
      runs.exceljs.push(exceljs);
      runs.check.push(check);
    }
    const m = {
      node: median(runs.node),
      version: median(runs.version),
      exceljs: median(runs.exceljs),
      check: median(runs.check),
    };
    const versionGoal = 2 * m.node;
    const checkGoal = 3 * m.node + (m.exceljs - m.node);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const verdict = (x: number, goal: number) => (x <= goal ? "ok" : "MISSED");
    printTable(`CLI start-up (median of ${RUNS}, wall clock from spawn to exit)`, [
      ["command", "time", "goal"],
      ["node -e 0", ms(m.node), "—"],
      [
        "minstd --version",
        `${ms(m.version)} (${(m.version / m.node).toFixed(2)}×)`,
        `≤ 2× = ${ms(versionGoal)}: ${verdict(m.version, versionGoal)}`,
      ],
      ["exceljs alone reads the 214-indicator .xlsx", ms(m.exceljs), "—"],
      [
        "minstd check of that .xlsx",
        ms(m.check),
        `≤ 3×node + (exceljs − node) = ${ms(checkGoal)}: ${verdict(m.check, checkGoal)}`,
      ],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
