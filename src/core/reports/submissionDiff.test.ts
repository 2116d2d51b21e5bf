import { canonicalJson } from "../rules/canonicalJson";
import type { SubmissionDocument } from "../rules/submission";
import { diffSubmissions } from "./submissionDiff";

const v1: SubmissionDocument = {
  round: "2563",
  lao: "4220102",
  values: {
    "2563-1-10": { value: 3 },
    "2563-1-02": { base: 100, served: 40 },
    "2563-1-01": { base: "1,250", served: "-" },
  },
  basic: {
    population: 12000,
    households: 3000,
    preparer: { name: "นางสาวทดสอบ ใจดี", phone: "039-000000" },
  },
};

describe("diffSubmissions", () => {
  it("finds nothing between a document and a copy with its keys in another order", () => {
    const copy = JSON.parse(canonicalJson(v1)) as SubmissionDocument;
    const diff = diffSubmissions(v1, copy);
    expect(diff).toEqual({ changes: [], indicators: [], basicChanged: false, first: false, unchanged: true });
  });

  it("lists added, cleared and changed inputs with both contents, แบบ 1 first, indicators by number", () => {
    const v2: SubmissionDocument = {
      ...v1,
      values: {
        "2563-1-01": { base: "1,250", served: 600 }, // "-" → 600
        "2563-1-02": { base: 100 }, // served cleared
        "2563-1-10": { value: 3 },
        "2563-1-03": { value: "มี" }, // new indicator
      },
      basic: { ...v1.basic, households: "3,100", villages: 12, preparer: { name: "นางสาวทดสอบ ใจดี" } },
    };
    const diff = diffSubmissions(v1, v2);
    expect(diff.changes.map((c) => [c.path, c.kind, c.before, c.after])).toEqual([
      ["basic.households", "changed", 3000, "3,100"],
      ["basic.villages", "added", null, 12],
      ["basic.preparer.phone", "removed", "039-000000", null],
      ["values.2563-1-01.served", "changed", "-", 600],
      ["values.2563-1-02.served", "removed", 40, null],
      ["values.2563-1-03.value", "added", null, "มี"],
    ]);
    expect(diff.indicators).toEqual(["2563-1-01", "2563-1-02", "2563-1-03"]);
    expect(diff.basicChanged).toBe(true);
    expect(diff.unchanged).toBe(false);
    expect(diff.changes[3]).toMatchObject({ indicatorId: "2563-1-01", field: "served" });
    expect(diff.changes[2]).toMatchObject({ field: "preparer.phone" });
    expect(diff.changes[2]!.indicatorId).toBeUndefined();
  });

  it("treats an absent cell, null and spaces as the same empty cell", () => {
    const a: SubmissionDocument = {
      round: "2563",
      lao: "4220102",
      values: { x: { base: null, served: "  " } },
    };
    const b: SubmissionDocument = { round: "2563", lao: "4220102", values: { x: {} } };
    expect(diffSubmissions(a, b).unchanged).toBe(true);
    expect(diffSubmissions(b, { ...b, values: { x: { base: 0 } } }).changes).toEqual([
      { path: "values.x.base", field: "base", indicatorId: "x", kind: "added", before: null, after: 0 },
    ]);
  });

  it("counts every filled input as added when there is no earlier version", () => {
    const diff = diffSubmissions(null, v1);
    expect(diff.first).toBe(true);
    expect(diff.changes.every((c) => c.kind === "added")).toBe(true);
    expect(diff.changes.map((c) => c.path)).toEqual([
      "round",
      "lao",
      "basic.population",
      "basic.households",
      "basic.preparer.name",
      "basic.preparer.phone",
      "values.2563-1-01.base",
      "values.2563-1-01.served",
      "values.2563-1-02.base",
      "values.2563-1-02.served",
      "values.2563-1-10.value",
    ]);
  });

  it("shows a change of LAO or round, which makes the documents different submissions", () => {
    const diff = diffSubmissions(v1, { ...v1, lao: "4220103" });
    expect(diff.changes).toEqual([
      { path: "lao", field: "lao", kind: "changed", before: "4220102", after: "4220103" },
    ]);
  });
});
