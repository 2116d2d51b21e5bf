/**
 * The collection workbook without the add-in, in a real second spreadsheet engine: templates made by
 * the .xlsx writer are opened in LibreOffice Calc, figures are typed as an officer would type them,
 * the workbook is recalculated in full, and every result, percentage and target cell is compared
 * with what core computes from the saved file as MinStd's own reader reads it.
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  compileRound,
  layoutRows,
  parseRound,
  reportedOnly,
  resultDisplay,
  scoreIndicator,
  shippedRound,
  statusLabel,
  collectionLayout,
  type CollectionLayout,
  type CompiledIndicator,
  type Lao,
  type LaoType,
  type Round,
  type RoundInput,
} from "../../src/core";
import { readCollectionWorkbookFile } from "../../src/xlsx/collectionWorkbookReader";
import { writeCollectionWorkbook } from "../../src/xlsx/collectionWorkbookWriter";
import { testRegister } from "../taskpane/fixtures";
import { libreOfficeAvailable, runCalc, type CalcCell, type CalcJob } from "./libreoffice";

const register = testRegister();
const laoOf = (type: LaoType): Lao => register.all.find((l) => l.type === type)!;

type Pair = readonly [base: string, served: string];

/** (1) and (2) as typed, covering every result of a ratio: the target is filled in per type. */
const RATIO_CASES = (target: number): Pair[] => [
  ["200", "190"], // pass
  ["100", String(target)], // exactly on target
  ["100", "10"], // below
  ["0", ""], // no such service
  ["0", "-"],
  ["0", "5"], // (2) without a base: invalid
  ["100", "-"], // not done: only the official dash
  ["100", ""], // (2) blank beside a (1) > 0: not entered yet, never not done
  ["100", "\u2013"], // an en dash is the official dash too
  ["๑๐๐", "๙๕"], // Thai digits
  ["๑,๐๐๐", "๑๐"], // Thai digits with a thousands comma (text)
  ["1,000", "950"], // typed with a thousands comma (a number once typed)
  ["'1,000", "'900"], // the same kept as text
  ["  ๒๐๐ ", "๑๙๐."],
  ["๔", ".๓"],
  ["１００", "９９"], // full-width digits
  ["3.5", "1.75"],
  ["100", "12 กม."], // a unit: invalid
  ["abc", "5"],
  ["'1,00", "5"], // commas out of place
  ["'1.2.3", "1"],
  ["100", "-5"], // negative
  ["100", "150"], // (2) over (1)
  ["", "5"], // (2) without (1): incomplete
  ["", ""], // nothing yet
  ["-", "5"], // (1) cannot be "-"
  ["100", "TRUE"],
  ["100", "1/2/2020"], // a date
  ["'1,000,000,000,000", "1"],
  ["10000000000000", "1"], // over 10^12
];

const SATISFACTION_CASES = (target: number): Pair[] => [
  ["100", "95"],
  ["100", String(target)],
  ["100", "10"],
  ["0", ""],
  ["-", ""],
  ["0", "3"],
  ["100", "-"],
  ["100", ""], // not entered yet
  ["10.5", "5"], // people are whole
  ["", "5"],
  ["", ""],
  ["๑๐๐", "๙๐"],
  ["100", "101"],
];

const COUNT_CASES = (target: number): string[] => [
  String(target + 1),
  String(target),
  "0",
  "-",
  "",
  "๓",
  "'๑,๐๐๐",
  "2.5", // counts are whole
  "abc",
  "-1",
  "TRUE",
  "  ๒  ",
];

const YESNO_CASES = ["มี", "ไม่มี", "-", "", "yes", "No", " มี ", "1", "0", "2", "อาจจะ", "TRUE", "ใช่", "'๑"];

/**
 * A round with one indicator per case, of every kind and comparison, with targets that differ by
 * LAO type, so every case meets every kind's portable formula.
 */
function casesRound(): Round {
  const targets = (d: number, city: number, sao: number) => ({
    default: { value: d, provisional: true },
    city: { value: city, provisional: true },
    sao: { value: sao, provisional: true },
  });
  const indicators: RoundInput["areas"][number]["missions"][number]["indicators"] = [];
  const add = (kind: "ratio" | "count" | "yesno" | "satisfaction", count: number, extra: object = {}) => {
    for (let i = 0; i < count; i++) {
      indicators.push({
        id: `T2599-${indicators.length + 1}`,
        no: String(indicators.length + 1),
        text: `ตัวชี้วัดทดสอบ ${kind} ของ {lao_type}`,
        kind,
        unit: kind === "count" ? "ครั้ง" : kind === "yesno" ? "มี/ไม่มี" : "ร้อยละ",
        ...(kind === "ratio" || kind === "satisfaction"
          ? { inputs: { base: "(1) ทั้งหมด", served: "(2) ที่ให้บริการ", unit: "หน่วย" } }
          : {}),
        targets: kind === "yesno" ? {} : kind === "count" ? targets(2, 4, 3) : targets(80, 90, 57),
        ...extra,
      });
    }
  };
  add("ratio", RATIO_CASES(0).length);
  add("ratio", RATIO_CASES(0).length, { comparison: "<=" });
  add("satisfaction", SATISFACTION_CASES(0).length);
  add("satisfaction", SATISFACTION_CASES(0).length, { targets: {} }); // no target: reported (แบบ 3)
  add("count", COUNT_CASES(0).length);
  add("count", COUNT_CASES(0).length, { integer: false, comparison: "<=" });
  add("yesno", YESNO_CASES.length);
  return parseRound({
    schemaVersion: 1,
    id: "T2599",
    year: 2599,
    fiscalYear: 2598,
    title: "รอบทดสอบทุกกรณี",
    laoTypes: ["city", "subdistrict", "sao", "pao"],
    window: { opens: "2055-06-01", closes: "2055-07-31" },
    areas: [
      { id: "1", title: "ด้านทดสอบ", form: "2-1", missions: [{ id: "1", title: "ภารกิจทดสอบ", indicators }] },
    ],
  });
}

/**
 * Text as officers type it, and mistype it: digits of three scripts, thousands commas and points in
 * and out of place, spaces, dashes, signs, units and words, TRUE, dates. Seeded, so a failure repeats.
 */
const typedText = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        ..."0123456789๐๑๒๓๔๕๖๗๘๙",
        "１",
        ",",
        ",",
        ".",
        " ",
        "\u00a0",
        "-",
        "\u2013",
        "+",
        "%",
        "e",
        " กม.",
        "มี",
        "ไม่มี",
      ),
      { minLength: 1, maxLength: 9 },
    )
    .map((parts) => parts.join("")),
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
  fc
    .tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat(3))
    .map(([n, decimals]) => n.toFixed(decimals)),
  fc.constantFrom("", "-", "TRUE", "1/2/2020", "มี", "ไม่มี", "yes", "0", "1", "'12", "'๑,๒๓๔.๕"),
);

function randomPlan(round: Round, lao: Lao, seed: number): Plan {
  const layout = collectionLayout(round, lao);
  const texts = fc.sample(typedText, { numRuns: layout.inputs.size, seed });
  const typed: Plan["typed"] = [];
  [...layout.inputs.values()]
    .filter((at) => at.spec.kind !== "text")
    .forEach((at, i) => {
      const text = texts[i] ?? "";
      if (text !== "" && !text.startsWith("=")) typed.push({ sheet: at.sheet, cell: at.cell, text });
    });
  return { round, lao, layout, typed };
}

/** The kind, with a satisfaction question without a target told apart: its formula differs. */
function kindOf(ind: CompiledIndicator, type: LaoType): string {
  return reportedOnly(ind, type) ? "survey" : ind.kind;
}

interface Plan {
  readonly round: Round;
  readonly lao: Lao;
  readonly layout: CollectionLayout;
  readonly typed: Array<{ sheet: string; cell: string; text: string }>;
}

/** Types each case into the rows of its kind, in order; rows left over get the first cases again. */
function plan(round: Round, lao: Lao): Plan {
  const layout = collectionLayout(round, lao);
  const compiled = compileRound(round);
  const typed: Plan["typed"] = [];
  const next = new Map<string, number>();
  const type = (sheet: string, cell: string, text: string) => {
    if (text !== "") typed.push({ sheet, cell, text });
  };
  for (const row of layoutRows(layout)) {
    const ind = compiled.byId.get(row.id)!;
    const target = ind.targets[lao.type]?.value ?? 80;
    const key = `${kindOf(ind, lao.type)}${ind.def.comparison}${ind.integer}`;
    const n = next.get(key) ?? 0;
    next.set(key, n + 1);
    if (ind.kind === "ratio" || ind.kind === "satisfaction") {
      const cases = ind.kind === "ratio" ? RATIO_CASES(target) : SATISFACTION_CASES(target);
      const [base, served] = cases[n % cases.length]!;
      type(row.sheet, row.base!, base);
      type(row.sheet, row.served!, served);
    } else {
      const cases = ind.kind === "count" ? COUNT_CASES(target) : YESNO_CASES;
      type(row.sheet, row.value!, cases[n % cases.length]!);
    }
  }
  return { round, lao, layout, typed };
}

const canRun = libreOfficeAvailable();
if (!canRun && process.env.CI) throw new Error("LibreOffice (soffice and python3-uno) is needed in CI");
const describeWithOffice = canRun ? describe : describe.skip;
if (!canRun) console.warn("LibreOffice is not installed: the portable-workbook test is skipped");

describeWithOffice("the collection workbook in LibreOffice, without the add-in", () => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-portable-"));
  const cases = casesRound();
  const plans: Plan[] = [
    plan(cases, laoOf("city")),
    plan(cases, laoOf("sao")),
    plan(cases, laoOf("subdistrict")),
    plan(cases, laoOf("pao")),
    plan(shippedRound("2563")!, laoOf("city")),
    plan(shippedRound("2563")!, laoOf("subdistrict")),
    plan(shippedRound("2568")!, laoOf("town")),
    randomPlan(cases, laoOf("city"), 2568),
    randomPlan(cases, laoOf("sao"), 2569),
  ];
  let results: Array<{ cells: CalcCell[] }>;

  beforeAll(async () => {
    const jobs: CalcJob[] = [];
    for (const [i, p] of plans.entries()) {
      const file = join(dir, `template-${i}.xlsx`);
      writeFileSync(file, await writeCollectionWorkbook(p.layout));
      jobs.push({
        file,
        out: join(dir, `filled-${i}.xlsx`),
        typed: p.typed,
        read: layoutRows(p.layout).flatMap((r) => [
          { sheet: r.sheet, cell: r.result },
          { sheet: r.sheet, cell: r.target },
          ...(r.percent ? [{ sheet: r.sheet, cell: r.percent }] : []),
        ]),
      });
    }
    results = await runCalc(jobs);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows no #NAME? and no error in any result, percentage or target cell", () => {
    const errors = results.flatMap((r) => r.cells).filter((c) => c.error !== 0 || c.string.startsWith("#"));
    expect(errors).toEqual([]);
  });

  it("shows core's result, percentage and target for every typed figure, for every LAO type", async () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const [i, p] of plans.entries()) {
      const shown = new Map(results[i]!.cells.map((c) => [`${c.sheet}!${c.cell}`, c]));
      const file = await readCollectionWorkbookFile(readFileSync(join(dir, `filled-${i}.xlsx`)), {
        round: async (id) => (id === p.round.id ? p.round : undefined),
        lao: (code) => register.get(code),
      });
      if (!file.ok) throw new Error(file.message);
      expect(file.problems).toEqual([]);
      const compiled = compileRound(p.round);
      for (const row of layoutRows(p.layout)) {
        const ind = compiled.byId.get(row.id)!;
        const input = file.read.document.values[row.id] ?? {};
        const score = scoreIndicator(ind, input, p.lao.type);
        seen.add(`${kindOf(ind, p.lao.type)}:${score.status}`);
        const expected = resultDisplay(score.status, score.problem !== undefined, p.round);
        const at = (cell: string) => shown.get(`${row.sheet}!${cell}`)!;
        const where = `${p.round.id} ${p.lao.type} ${row.id} ${JSON.stringify(input)}`;
        if (at(row.result).string !== expected)
          mismatches.push(`${where}: result “${at(row.result).string}”, core “${expected}”`);
        const target = ind.kind === "yesno" ? "มี" : String(ind.targets[p.lao.type]?.value ?? "-"); // no target: "-"
        if (at(row.target).string !== target)
          mismatches.push(`${where}: target ${at(row.target).string}, core ${target}`);
        if (row.percent) {
          const percent = at(row.percent);
          const ok =
            score.percent === undefined
              ? percent.string === "-"
              : percent.string !== "-" && Math.abs(percent.value - score.percent) < 1e-9;
          if (!ok) mismatches.push(`${where}: percent ${percent.string}, core ${score.percent ?? "-"}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every result of every kind was met, so none of the portable formulas' branches went untried.
    for (const kind of ["ratio", "satisfaction", "count", "yesno"])
      for (const status of ["pass", "below", "not-done", "incomplete", "invalid"])
        expect([...seen]).toContain(`${kind}:${status}`);
    expect([...seen]).toContain("ratio:no-service");
    for (const status of ["reported", "no-service", "incomplete", "invalid"])
      expect([...seen]).toContain(`survey:${status}`);
    expect(statusLabel("invalid", cases)).toBe("ข้อมูลไม่ถูกต้อง");
  });
});
