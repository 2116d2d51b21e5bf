import type { CompiledIndicator } from "../rules/compiledRound";
import { laoTypeIndex, type LaoType } from "../rules/laoTypes";
import { readNumber, readYesNo, type Reading } from "../rules/reading";
import type { Round } from "../rules/round";
import { statusLabel, type Status } from "../rules/scoring";

/**
 * Formulas that every spreadsheet program evaluates (Excel 2010 and later, LibreOffice, WPS, Google
 * Sheets), so that the collection workbook shows the official result where the add-in cannot run.
 *
 * Each input cell is read by a short chain of working cells into one cell, its *reading cell*, that holds
 * what core's reading gives (reading.ts): the number, "" (nothing typed), "-" (the official dash) or "!"
 * (anything core calls invalid). The result, percentage and target cells then show the add-in's
 * MINSTD.* answer when the add-in answers, and the answer computed from the reading cells otherwise.
 * Nothing here decides a rule of its own: it restates core's reading and scoring in spreadsheet
 * formulas, and the LibreOffice test compares the two on every kind of input.
 */

/** What a reading cell holds for nothing typed, the official dash, and input core calls invalid. */
export const READING_EMPTY = "";
export const READING_DASH = "-";
export const READING_INVALID = "!";

/** The reading cell's value for what core reads: the number, or one of the three codes. */
export function readingCode(reading: Reading): number | string {
  switch (reading.kind) {
    case "empty":
      return READING_EMPTY;
    case "not-given":
      return READING_DASH;
    case "invalid":
      return READING_INVALID;
    case "value":
      return reading.value;
  }
}

/** How an input cell is read: a number (whole or not) or a มี/ไม่มี answer. */
export type ReadingRule = { readonly kind: "number"; readonly integer: boolean } | { readonly kind: "yesno" };

/** What core reads from a cell under a rule, as the reading cell holds it (the cached value of a file). */
export function readingOf(raw: unknown, rule: ReadingRule): number | string {
  return readingCode(rule.kind === "yesno" ? readYesNo(raw) : readNumber(raw, { integer: rule.integer }));
}

/** A text literal in a formula. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number literal in a formula: at most 15 significant digits (what Excel keeps), no exponent surprises. */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const [mantissa = "0", exponent = "0"] = n.toExponential(14).split("e");
  const trimmed = mantissa.replace(/\.?0+$/, "");
  return `${trimmed}E${Number(exponent) >= 0 ? "+" : "-"}${Math.abs(Number(exponent))}`;
}

/** Characters core trims from the edges of typed text (reading.ts EDGE_SPACE and \s), by code point. */
const SPACE_CODES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];
/** The dashes core reads as the official "-" (reading.ts DASH_ONLY). */
const DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"];
const DIGITS = "0123456789";
const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
const FULLWIDTH_DIGITS = "０１２３４５６７８９";
const YES = ["มี", "ใช่", "yes", "y", "true", "1", "✓", "✔"];
const NO = ["ไม่มี", "ไม่ใช่", "no", "n", "false", "0"];

/** A character as a formula text: ASCII control characters through CHAR(), the same in every code page. */
function charLiteral(code: number): string {
  return code < 0x20 ? `CHAR(${code})` : textLiteral(String.fromCodePoint(code));
}

function substituteAll(expr: string, pairs: ReadonlyArray<readonly [from: string, to: string]>): string {
  return pairs.reduce((inner, [from, to]) => `SUBSTITUTE(${inner},${from},${to})`, expr);
}

/** The formulas of the working cells that read one input cell, in the order they sit in a row. */
export interface ReadingFormulas {
  /** The typed text with spaces trimmed and Thai and full-width digits made ASCII; "" for a non-text cell. */
  readonly text: string;
  /** The text before the decimal point. */
  readonly whole: string;
  /** The text after the decimal point. */
  readonly fraction: string;
  /** Whether the text is a plain number: digits, thousands commas in their places, at most one point. */
  readonly plain: string;
  /** The number the plain text spells. */
  readonly number: string;
  /** The reading: the number, "", "-" or "!". */
  readonly reading: string;
}

/** The addresses of a reading row's working cells, as the formulas refer to them. */
export interface ReadingCells {
  readonly text: string;
  readonly whole: string;
  readonly fraction: string;
  readonly plain: string;
  readonly number: string;
}

/** Thousands commas in their places: "1,234,567" but not "1,23" or "12,3456". Up to 4 commas; more is > 10^12. */
function commasInPlace(whole: string): string {
  const commas = `(LEN(${whole})-LEN(SUBSTITUTE(${whole},",","")))`;
  const lead = `(LEN(${whole})-4*${commas})`;
  const at = (k: number): string => `IF(${commas}>=${k},MID(${whole},LEN(${whole})-${4 * k - 1},1)=",",TRUE)`;
  return `IF(${commas}=0,TRUE,AND(${commas}<=4,${lead}>=1,${lead}<=3,${at(1)},${at(2)},${at(3)},${at(4)}))`;
}

function outOfRange(n: string, integer: boolean): string {
  return `OR(${n}<0,${n}>1E+12${integer ? `,${n}<>INT(${n})` : ""})`;
}

/** A number cell that shows a date (Excel and LibreOffice; Google Sheets cannot tell, and says no). */
function isDate(cell: string): string {
  return `IFERROR(LEFT(CELL("format",${cell}),1)="D",FALSE)`;
}

function isDash(text: string): string {
  return `OR(${DASHES.map((d) => `${text}=${textLiteral(d)}`).join(",")})`;
}

/** The working-cell formulas that read the input cell `input` (a sheet-qualified reference) under `rule`. */
export function readingFormulas(input: string, rule: ReadingRule, at: ReadingCells): ReadingFormulas {
  const spaced = substituteAll(
    input,
    SPACE_CODES.map((code) => [charLiteral(code), '" "']),
  );
  const digits = substituteAll(`TRIM(${spaced})`, [
    ...[...THAI_DIGITS].map((d, i) => [textLiteral(d), textLiteral(DIGITS[i]!)] as const),
    ...[...FULLWIDTH_DIGITS].map((d, i) => [textLiteral(d), textLiteral(DIGITS[i]!)] as const),
  ]);
  const t = at.text;
  const point = `FIND(".",${t})`;
  const stripped = substituteAll(
    t,
    [...DIGITS, ".", ","].map((c) => [textLiteral(c), '""']),
  );
  const plain =
    `IFERROR(AND(${t}<>"",LEN(${stripped})=0,LEN(${t})-LEN(SUBSTITUTE(${t},".",""))<=1,` +
    `ISERROR(FIND(",",${at.fraction})),OR(${at.whole}<>"",${at.fraction}<>""),${commasInPlace(at.whole)}),FALSE)`;
  const number =
    `IFERROR(IF(${at.whole}="",0,VALUE(SUBSTITUTE(${at.whole},",","")))` +
    `+IF(${at.fraction}="",0,VALUE(${at.fraction})/10^LEN(${at.fraction})),-1)`;
  const empty = textLiteral(READING_EMPTY);
  const dash = textLiteral(READING_DASH);
  const invalid = textLiteral(READING_INVALID);
  let reading: string;
  if (rule.kind === "number") {
    const n = at.number;
    reading =
      `IF(ISBLANK(${input}),${empty},IF(ISLOGICAL(${input}),${invalid},` +
      `IF(ISNUMBER(${input}),IF(OR(${outOfRange(input, rule.integer)},${isDate(input)}),${invalid},${input}),` +
      `IF(ISTEXT(${input}),IF(${t}="",${empty},IF(${isDash(t)},${dash},` +
      `IF(AND(${at.plain},${n}>=0),IF(${outOfRange(n, rule.integer)},${invalid},${n}),${invalid}))),${invalid}))))`;
  } else {
    const key = `LOWER(SUBSTITUTE(${t}," ",""))`;
    const oneOf = (words: readonly string[]): string =>
      `OR(${words.map((w) => `${key}=${textLiteral(w)}`).join(",")})`;
    reading =
      `IF(ISBLANK(${input}),${empty},IF(ISLOGICAL(${input}),IF(${input},1,0),` +
      `IF(ISNUMBER(${input}),IF(${isDate(input)},${invalid},IF(OR(${input}=0,${input}=1),${input},${invalid})),` +
      `IF(ISTEXT(${input}),IF(${t}="",${empty},IF(${isDash(t)},${dash},` +
      `IF(${oneOf(YES)},1,IF(${oneOf(NO)},0,${invalid})))),${invalid}))))`;
  }
  return {
    text: `IF(ISTEXT(${input}),${digits},"")`,
    whole: `IF(ISERROR(${point}),${t},LEFT(${t},${point}-1))`,
    fraction: `IF(ISERROR(${point}),"",MID(${t},${point}+1,1000))`,
    plain,
    number,
    reading,
  };
}

/** What the result cell of an indicator shows for a score: "" until anything is typed, else the official label. */
export function resultDisplay(
  status: Status,
  hasProblem: boolean,
  round: Pick<Round, "passLabel" | "fiscalYear">,
): string {
  return status === "incomplete" && !hasProblem ? "" : statusLabel(status, round);
}

/** The reading cells of an indicator's inputs: base and served for ratio and satisfaction, value otherwise. */
export type IndicatorReadings =
  { readonly base: string; readonly served: string } | { readonly value: string };

function thresholdTest(ind: CompiledIndicator, type: LaoType, value: string): string {
  const threshold = ind.passThresholds[laoTypeIndex(type)]!;
  return `${value}${ind.lowerIsBetter ? "<=" : ">="}${numberLiteral(threshold)}`;
}

/**
 * The result label an indicator's row shows without the add-in, from its reading cells: the same
 * result as core's scoreIndicator, shown as resultDisplay shows it ("ข้อมูลไม่ถูกต้อง" for invalid input).
 */
export function resultFormula(
  ind: CompiledIndicator,
  type: LaoType,
  round: Pick<Round, "passLabel" | "fiscalYear">,
  at: IndicatorReadings,
): string {
  const label = (status: Status): string => textLiteral(statusLabel(status, round));
  const [pass, below, noService, notDone, incomplete, invalid, reported] = [
    label("pass"),
    label("below"),
    label("no-service"),
    label("not-done"),
    label("incomplete"),
    label("invalid"),
    label("reported"),
  ];
  const bad = textLiteral(READING_INVALID);
  if ("value" in at) {
    const v = at.value;
    return `IF(${v}=${bad},${invalid},IF(${v}="","",IF(${v}="-",${notDone},IF(${thresholdTest(ind, type, v)},${pass},${below}))))`;
  }
  const { base: b, served: s } = at;
  const servedGiven = `AND(ISNUMBER(${s}),${s}>0)`;
  const start = `IF(OR(${b}=${bad},${s}=${bad}),${invalid},IF(${b}="",IF(${s}="","",${incomplete}),`;
  if (ind.kind === "satisfaction" && ind.targets[type] === undefined) {
    // No target (แบบ 3): reported, never passed or failed; no respondents is nothing to report; the
    // number satisfied cannot be "-".
    const survey = `IF(NOT(ISNUMBER(${s})),IF(${s}="-",${invalid},${incomplete}),IF(${s}>${b},${invalid},${reported}))`;
    return `${start}IF(OR(${b}="-",${b}=0),IF(${servedGiven},${invalid},${noService}),${survey})))`;
  }
  // A blank (2) next to a (1) > 0 is "not entered yet"; only the official "-" is ไม่ได้ดำเนินการ.
  const compared = `IF(NOT(ISNUMBER(${s})),IF(${s}="-",${notDone},${incomplete}),IF(${s}>${b},${invalid},IF(${thresholdTest(ind, type, `${s}*100/${b}`)},${pass},${below})))`;
  if (ind.kind === "satisfaction") {
    return `${start}IF(OR(${b}="-",${b}=0),IF(${servedGiven},${invalid},${notDone}),${compared})))`;
  }
  return `${start}IF(${b}="-",${invalid},IF(${b}=0,IF(${servedGiven},${invalid},${noService}),${compared}))))`;
}

/** The percentage (2) ÷ (1) × 100 without the add-in, "-" where it does not apply (as on the printouts). */
export function percentFormula(at: { readonly base: string; readonly served: string }): string {
  const { base: b, served: s } = at;
  return `IF(AND(ISNUMBER(${b}),ISNUMBER(${s})),IF(AND(${b}>0,${s}<=${b}),${s}*100/${b},"-"),"-")`;
}
