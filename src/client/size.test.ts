import { jsonBytes, largestFields } from "./size";

describe("the size of what is sent", () => {
  it("counts bytes of UTF-8 JSON, as the server does: a Thai letter is three", () => {
    expect(jsonBytes({ a: "ก" })).toBe('{"a":""}'.length + 3);
    expect(jsonBytes("abc")).toBe(5);
  });

  it("names the field that makes a document large, and only fields that matter beside it", () => {
    const document = {
      round: "2563",
      values: { "2563-1-01": { base: 12, served: 3 } },
      basic: { preparer: { name: "ก".repeat(10_000), position: "ปลัด" } },
    };
    expect(largestFields(document)).toEqual([{ path: "basic.preparer.name", bytes: 30_002 }]);
  });

  it("names up to three fields, largest first, when several make it large", () => {
    const document = {
      notes: { a: "x".repeat(300), b: "x".repeat(500), c: "x".repeat(400), d: "x".repeat(200) },
    };
    expect(largestFields(document).map((f) => f.path)).toEqual(["notes.b", "notes.c", "notes.a"]);
  });
});
