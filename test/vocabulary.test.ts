import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { main } from "../src/cli/main";
import { FIELD_NAMES, STATUSES, shippedRound, villagesField, type Problem } from "../src/core";
import {
  FIELD_NAMES_EN,
  LAO_TYPE_EN,
  LINE_TEXT_NAMES_EN,
  OPEN_DATA_EN,
  PROBLEM_EN,
  RESULT_WORDS_EN,
  ROUND_INVALID_EN,
  resultShortText,
  resultText,
  VILLAGES_FIELD_EN,
} from "../src/i18n";

/**
 * One vocabulary: a result is named by its official label or its one agreed short form
 * (src/core/rules/vocabulary.ts, in Thai; their English in src/i18n/results.ts), and so are the
 * fields of แบบ 1. Every place a user reads text from is scanned for the wordings that crept in
 * before; the two vocabulary modules are the only places allowed to define a label.
 */

const ROOT = join(__dirname, "..");

/** Where the words officers read come from: every source file outside the tests, and the guides. */
const SOURCES = ["src", "docs", "README.md"];
const VOCABULARY = ["src/core/rules/vocabulary.ts", "src/i18n/results.ts"];

interface Variant {
  /** What must not name a result or a field. */
  readonly pattern: RegExp;
  /** What to write instead. */
  readonly use: string;
}

const FORBIDDEN: readonly Variant[] = [
  { pattern: /ต่ำกว่า(ค่า)?เป้าหมาย/g, use: "การพัฒนาในอนาคต" },
  { pattern: /ไม่มีบริการ(?!สาธารณะ)/g, use: "ไม่มีบริการสาธารณะ" },
  { pattern: /ไม่ผ่าน/g, use: "การพัฒนาในอนาคต (a result), or say what was not met" },
  { pattern: /ไม่มีเป้าหมาย/g, use: "ไม่มีค่าเป้าหมาย" },
  { pattern: /หมู่บ้าน\/ชุมชน/g, use: "villagesField(type) for the LAO's type" },
  { pattern: /\(2\) การจัดบริการ(?!สาธารณะ)/g, use: FIELD_NAMES.served },
  { pattern: /No such service/g, use: "No such public service" },
  {
    pattern: /Not carried out(?! in fiscal year)/g,
    use: "Not done (short) or Not carried out in fiscal year …",
  },
];

function filesUnder(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|md|json)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Core's code, without its comments (which are English). */
const coreCode = filesUnder(join(ROOT, "src/core")).map((path) =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, ""),
);

/**
 * The English names of the fields and of the texts people type, longest first; those spelled as
 * their own key in code ("value", "villages") are not told apart from it, and left out.
 */
const ENGLISH_NAMES = [
  ...Object.entries(FIELD_NAMES_EN),
  ...Object.entries(VILLAGES_FIELD_EN),
  ...Object.entries(LINE_TEXT_NAMES_EN),
  ...Object.entries(LAO_TYPE_EN),
]
  .map(([, en]) => en)
  .filter((en) => !/^[a-z]+$/.test(en))
  .sort((a, b) => b.length - a.length);

const scanned = SOURCES.flatMap((dir) => filesUnder(join(ROOT, dir)))
  .map((path) => relative(ROOT, path))
  .filter((path) => !VOCABULARY.includes(path));

describe("the vocabulary of results and fields", () => {
  it("scans the sources officers read (and finds the places that name results)", () => {
    const texts = scanned.map((path) => readFileSync(join(ROOT, path), "utf8"));
    expect(scanned).toEqual(
      expect.arrayContaining([
        "src/taskpane/i18n/th.ts",
        "src/taskpane/i18n/en.ts",
        "src/dashboard/i18n/th.ts",
        "src/dashboard/i18n/en.ts",
        "src/i18n/laoTypes.ts",
        "src/cli/checkCommand.ts",
        "src/core/workbook/sheets/areaSheet.ts",
        "src/core/workbook/sheets/indicatorInputs.ts",
        "src/core/reports/summarySheet.ts",
        "src/core/reports/memo.ts",
        "src/server/exports.ts",
        "src/taskpane/components/IndicatorFilters.tsx",
      ]),
    );
    expect(texts.some((t) => t.includes("การพัฒนาในอนาคต"))).toBe(true);
  });

  it.each(FORBIDDEN)("nowhere names a result or field $pattern (use $use)", ({ pattern }) => {
    const found = scanned.flatMap((path) =>
      readFileSync(join(ROOT, path), "utf8")
        .split("\n")
        .flatMap((line, i) => (line.match(pattern) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("gives every result one official label and one short form, the short one never longer", () => {
    const round = shippedRound("2567")!;
    for (const status of STATUSES) {
      const official = resultText(status, round);
      const short = resultShortText(status);
      for (const lang of ["th", "en"] as const) {
        expect(official[lang].length).toBeGreaterThan(0);
        expect(short[lang].length).toBeLessThanOrEqual(official[lang].length);
      }
      for (const { pattern } of FORBIDDEN) {
        expect(`${official.th} ${short.th} ${official.en} ${short.en}`).not.toMatch(pattern);
      }
    }
    expect(resultText("below", round).th).toBe("การพัฒนาในอนาคต");
    expect(resultText("no-service", round).th).toBe("ไม่มีบริการสาธารณะ");
    expect(resultText("not-done", round).th).toBe(`ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. ${round.fiscalYear}`);
    expect(resultText("pass", round).th).toBe(round.passLabel);
    expect(resultText("no-service", round).en).toBe("No such public service");
    expect(resultText("not-done", round).en).toBe(`Not carried out in fiscal year B.E. ${round.fiscalYear}`);
  });

  it("has an English word for every result and LAO type, and the English only in src/i18n", () => {
    expect(Object.keys(RESULT_WORDS_EN).sort()).toEqual([...STATUSES].sort());
    for (const en of Object.values(LAO_TYPE_EN)) expect(en).toMatch(/^[A-Z][A-Za-z ]+$/);
    const core = filesUnder(join(ROOT, "src/core")).map((path) => readFileSync(path, "utf8"));
    const english = [
      ...STATUSES.map((s) => resultText(s, shippedRound("2567")!).en),
      ...Object.values(LAO_TYPE_EN),
    ];
    for (const en of english) for (const text of core) expect(text).not.toContain(en);
  });

  it("keeps the English of every problem in src/i18n only", () => {
    const args = {
      typed: "@",
      number: "@",
      joined: "@",
      holds: "date",
      served: 0,
      base: 0,
      id: "@",
      round: "@",
    };
    const inner: Problem = { code: "base-missing", th: "", args: {} };
    const more = {
      typeTh: "@",
      field: "budget",
      laoType: "sao",
      form: "@",
      no: "@",
      what: "user-name",
      max: 0,
      sheet: "@",
      problem: inner,
      slot: "@",
    };
    // What each entry writes around its arguments and the names it looks up (phrases, not single
    // words, which code names things by too): none of it may be written in core.
    const fixedParts = Object.values(PROBLEM_EN).flatMap((en) =>
      ENGLISH_NAMES.reduce(
        (text, name) => text.replaceAll(name, "@"),
        (en as (a: object) => string)({ ...args, ...more }),
      )
        .split(/“@”|\(@\)|@|\(0\)|\b0\b|\bsao\b|—|;|,/)
        .map((part) => part.trim())
        .filter((part) => part.length >= 12 || (part.length >= 9 && part.includes(" "))),
    );
    expect(fixedParts).toEqual(
      expect.arrayContaining([
        "enter the",
        "is longer than",
        "is not filled in",
        // The refusals of identifiers, days, rounds, documents and layouts.
        "the LAO code has 7 digits",
        "the province code has 2 digits",
        "must be a YYYY-MM-DD date (Common Era)",
        "no such calendar day",
        "use the Common Era year",
        "the window closes before it opens",
        "indicator ids start with the round id",
        "duplicate id",
        "continues names an indicator of an earlier round",
        "the only slot allowed is",
        "ratio indicators describe (1) and (2) in inputs",
        "is not covered by the round",
        "no target for",
        "and no default",
        "more than",
        "does not assess",
      ]),
    );
    expect(fixedParts.length).toBeGreaterThan(Object.keys(PROBLEM_EN).length);
    for (const part of fixedParts) for (const text of coreCode) expect(text).not.toContain(part);
  });

  it("keeps the English of the fields, the texts people type and the open data in src/i18n only", () => {
    const english = [
      ...ENGLISH_NAMES,
      OPEN_DATA_EN.title,
      OPEN_DATA_EN.row,
      OPEN_DATA_EN.formulaGuard,
      ...Object.values(OPEN_DATA_EN.fields),
    ];
    expect(english).toEqual(expect.arrayContaining(["annual budget", "user's name", "round id"]));
    // A short name could be part of other English (core's round schema speaks of a "round id"):
    // it is looked for as a string of its own.
    const written = (en: string) =>
      en.length >= 20 ? en : new RegExp(`["'\`]${en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["'\`]`);
    for (const en of english) for (const text of coreCode) expect(text).not.toMatch(written(en));
  });

  it("keeps the English header of a refused round in src/i18n only", () => {
    expect(ROUND_INVALID_EN).toBe("invalid round");
    for (const text of coreCode) expect(text).not.toContain(ROUND_INVALID_EN);
  });

  it("leaves core without English or a way to reach it: problems leave core as code, arguments and Thai", () => {
    // Core's tests too: a problem's English is tested in src/i18n.
    const everyFile = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? everyFile(join(dir, name)) : [join(dir, name)],
      );
    const found = everyFile(join(ROOT, "src/core")).flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /\bmessageEn\b|\bProblemEnglish\b|from\s+["'](\.\.\/)+i18n(\/|["'])/.test(line)
            ? [`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it("names แบบ 1's count of villages or communities by the LAO type, as the workbook does", () => {
    expect(villagesField("sao").th).toBe("จำนวนหมู่บ้าน");
    expect(villagesField("town").th).toBe("จำนวนชุมชน");
    expect(villagesField("city").th).toBe("จำนวนชุมชน");
  });
});

describe("the labels used at run time come from the vocabulary", () => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-vocabulary-"));

  async function cli(...args: string[]): Promise<string> {
    const out: string[] = [];
    await main(["node", "minstd", ...args], { out: (t) => out.push(t), err: () => undefined });
    return out.join("\n");
  }

  const round = shippedRound("2567")!;
  // An อบต.: one indicator of each result the check can give.
  const file = join(dir, "sao2567.json");
  writeFileSync(
    file,
    JSON.stringify({
      round: "2567",
      lao: "6810403",
      values: {
        "2567-1-01": { base: 12, served: 12 }, // pass
        "2567-1-02": { base: 3, served: 2 }, // below
        "2567-1-03": { base: 0 }, // no service
        "2567-1-04a": { value: "-" }, // not done
      },
      basic: { villages: "หลายหมู่" },
    }),
  );
  const shown = ["pass", "below", "no-service", "not-done"] as const;

  it.each(["th", "en"] as const)(
    "minstd check (--lang %s) prints each result's official label",
    async (lang) => {
      const out = await cli("check", file, "--lang", lang);
      const lines = out.split("\n");
      for (const [id, status] of [
        ["2567-1-01", "pass"],
        ["2567-1-02", "below"],
        ["2567-1-03", "no-service"],
        ["2567-1-04a", "not-done"],
      ] as const) {
        const line = lines.find((l) => l.includes(id));
        expect(line).toContain(resultText(status, round)[lang]);
      }
      const summary = lines.find((l) => l.startsWith("สรุป:"))!;
      for (const status of shown) expect(summary).toContain(`${resultText(status, round)[lang]} 1`);
    },
  );

  it("minstd check names แบบ 1's villages as the อบต.'s workbook does", async () => {
    const out = await cli("check", file);
    expect(out).toContain(`${villagesField("sao").th} (${FIELD_NAMES.form1})`);
  });
});
