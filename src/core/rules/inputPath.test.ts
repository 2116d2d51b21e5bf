import { isIsoDay, isLaoCode, isProvinceCode } from "./identifiers";
import { formatInputPath, parseDocumentPath, parseInputPath } from "./inputPath";
import { parseSubmission } from "./submission";

describe("document paths", () => {
  it("formats and parses an indicator's inputs, and the indicator as a whole", () => {
    expect(formatInputPath({ indicatorId: "2563-1-01", field: "served" })).toBe("values.2563-1-01.served");
    expect(parseInputPath("values.2563-1-01.served")).toEqual({ indicatorId: "2563-1-01", field: "served" });
    expect(parseInputPath("values.2563-1-01")).toEqual({ indicatorId: "2563-1-01" });
    expect(parseInputPath("values.a.b.base")).toEqual({ indicatorId: "a.b", field: "base" });
    for (const bad of ["values.", "values..base", "basic.population", "lao", ""])
      expect(parseInputPath(bad)).toBeUndefined();
  });

  it("tells แบบ 1's fields, the preparer's and notes apart", () => {
    expect(parseDocumentPath("basic.population")).toEqual({ kind: "basic", key: "population" });
    expect(parseDocumentPath("basic.preparer.phone")).toEqual({ kind: "preparer", key: "phone" });
    expect(parseDocumentPath("notes.2568-1-01")).toEqual({ kind: "notes", indicatorId: "2568-1-01" });
    expect(parseDocumentPath("basic.colour")).toBeUndefined();
    expect(parseDocumentPath("round")).toBeUndefined();
  });
});

describe("identifiers", () => {
  it("checks codes and calendar days", () => {
    expect([isLaoCode("4220102"), isLaoCode("422010"), isLaoCode("๔๒๒๐๑๐๒")]).toEqual([true, false, false]);
    expect([isProvinceCode("22"), isProvinceCode("2")]).toEqual([true, false]);
    expect(["2026-02-28", "2026-02-30", "2569-01-01", "2026-1-1"].map(isIsoDay)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("the results older clients send", () => {
  it("are accepted and dropped: the document carries what was typed only", () => {
    const typed = { round: "2563", lao: "4220102", values: { "2563-1-01": { base: 10, served: 5 } } };
    const parsed = parseSubmission({ ...typed, results: { "2563-1-01": { status: "pass", anything: 1 } } });
    expect(parsed).toEqual({ ok: true, document: typed });
  });
});
