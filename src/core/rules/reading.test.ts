import fc from "fast-check";
import { readNumber, readYesNo, type Reading } from "./reading";

type Expected = number | "empty" | "not-given" | `invalid:${string}`;

function summarise(r: Reading): Expected {
  switch (r.kind) {
    case "value":
      return r.value;
    case "invalid":
      return `invalid:${r.problem.code}`;
    default:
      return r.kind;
  }
}

/** What officers type, and how it must be read. */
const NUMBER_TABLE: ReadonlyArray<readonly [unknown, Expected]> = [
  ["12", 12],
  ["0", 0],
  ["00012", 12],
  [" 12 ", 12],
  ["\u00a012\u00a0", 12],
  ["\t57.24\n", 57.24],
  ["\u200b29.767", 29.767],
  ["1,234", 1234],
  ["1,234,567", 1234567],
  ["1,234.5", 1234.5],
  ["1234.50", 1234.5],
  [".5", 0.5],
  ["5.", 5],
  ["๑๒", 12],
  ["๐", 0],
  ["๑,๒๓๔.๕", 1234.5],
  ["๕๗.๒๔", 57.24],
  ["๑๒๓๔๕๖๗๘๙๐", 1234567890],
  ["１２", 12],
  ["1๒3", 123],
  [12, 12],
  [0, 0],
  [57.24, 57.24],
  [1e6, 1e6],
  ["", "empty"],
  ["   ", "empty"],
  ["\u3000", "empty"],
  [null, "empty"],
  [undefined, "empty"],
  ["-", "not-given"],
  [" - ", "not-given"],
  ["–", "not-given"],
  ["—", "not-given"],
  ["−", "not-given"],
  ["12abc", "invalid:has-unit"],
  ["12 กม.", "invalid:has-unit"],
  ["1,250 ตร.ม.", "invalid:has-unit"],
  ["๑๒ ครั้ง", "invalid:has-unit"],
  ["abc", "invalid:not-a-number"],
  ["ไม่มี", "invalid:not-a-number"],
  ["twelve", "invalid:not-a-number"],
  ["1e3", "invalid:has-unit"],
  ["0x10", "invalid:has-unit"],
  ["12,34", "invalid:bad-thousands"],
  ["1,2345", "invalid:bad-thousands"],
  [",123", "invalid:bad-thousands"],
  ["1,,234", "invalid:bad-thousands"],
  ["12,", "invalid:bad-thousands"],
  ["1.234,5", "invalid:bad-thousands"],
  ["1.2.3", "invalid:too-many-points"],
  ["..5", "invalid:too-many-points"],
  ["-5", "invalid:negative"],
  ["- 5", "invalid:negative"],
  ["−5", "invalid:negative"],
  [-5, "invalid:negative"],
  [-0.01, "invalid:negative"],
  ["80%", "invalid:percent-sign"],
  ["80 %", "invalid:percent-sign"],
  ["1 234", "invalid:space-in-number"],
  ["๑ ๒๓๔.๕", "invalid:space-in-number"],
  ["+5", "invalid:not-a-number"],
  ["(5)", "invalid:not-a-number"],
  ["--", "invalid:not-a-number"],
  ["N/A", "invalid:not-a-number"],
  [Number.NaN, "invalid:not-a-number"],
  [Number.POSITIVE_INFINITY, "invalid:not-a-number"],
  [1e13, "invalid:too-large"],
  ["9,999,999,999,999", "invalid:too-large"],
  [true, "invalid:not-a-cell-number"],
  [new Date(2020, 1, 1), "invalid:not-a-cell-number"],
  [{}, "invalid:not-a-number"],
];

describe("reading what officers type into a numeric cell", () => {
  it.each(NUMBER_TABLE)("reads %p as %p", (input, expected) => {
    expect(summarise(readNumber(input))).toEqual(expected);
  });

  it("has at least 60 cases in the table", () => {
    expect(NUMBER_TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it("never reads a number with trailing letters as that number", () => {
    const r = readNumber("12abc");
    expect(r.kind).toBe("invalid");
  });

  it("tells the officer what to type, in Thai, quoting what they typed", () => {
    const r = readNumber("12 กม.");
    expect(r.kind === "invalid" && r.problem.th).toContain("“12 กม.”");
    expect(r.kind === "invalid" && r.problem.th).toContain("ไม่ต้องพิมพ์หน่วย");
  });

  it("requires whole numbers for counts", () => {
    expect(summarise(readNumber("2.5", { integer: true }))).toBe("invalid:not-whole");
    expect(summarise(readNumber("๓", { integer: true }))).toBe(3);
    expect(summarise(readNumber(3, { integer: true }))).toBe(3);
  });

  it("never throws, whatever it is given", () => {
    // An object whose toString is not a function cannot be turned into text by String().
    expect(readNumber({ toString: "" }).kind).toBe("invalid");
    expect(readYesNo({ toString: "" }).kind).toBe("invalid");
    fc.assert(
      fc.property(fc.anything(), (input) => {
        readNumber(input);
        readNumber(input, { integer: true });
        readYesNo(input);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const r = readNumber(text);
        expect(["empty", "not-given", "value", "invalid"]).toContain(r.kind);
      }),
    );
  });

  it("reads any non-negative number written with Thai digits and thousands commas as itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const grouped = whole.toLocaleString("en-US");
          const thai = grouped.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
          const r = readNumber(`${thai}.${String(cents).padStart(2, "0")}`);
          expect(r).toEqual({ kind: "value", value: Number(`${whole}.${String(cents).padStart(2, "0")}`) });
        },
      ),
    );
  });

  it("reads a string only as a number when the whole string is a number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.stringMatching(/^[a-zA-Zก-ฮ%]+$/), (n, suffix) => {
        expect(readNumber(`${n}${suffix}`).kind).toBe("invalid");
      }),
    );
  });
});

describe("reading มี/ไม่มี answers", () => {
  it.each([
    ["มี", 1],
    [" มี ", 1],
    ["ไม่มี", 0],
    ["ไม่ มี", 0],
    ["yes", 1],
    ["No", 0],
    [true, 1],
    [false, 0],
    [1, 1],
    [0, 0],
    ["๑", 1],
    ["", "empty"],
    [null, "empty"],
    ["-", "not-given"],
    ["บางส่วน", "invalid:not-yes-no"],
    [2, "invalid:not-yes-no"],
  ] as const)("reads %p as %p", (input, expected) => {
    expect(summarise(readYesNo(input))).toEqual(expected);
  });
});

describe("values that cannot even be printed", () => {
  // Found by the scoring property test: String({ toString: false }) throws.
  const unprintable = [{ toString: false }, Object.create(null) as object];

  it.each(unprintable)("are invalid numbers and invalid answers, without throwing (%#)", (input) => {
    expect(readNumber(input)).toMatchObject({ kind: "invalid", problem: { code: "not-a-number" } });
    expect(readYesNo(input)).toMatchObject({ kind: "invalid", problem: { code: "not-yes-no" } });
  });
});
