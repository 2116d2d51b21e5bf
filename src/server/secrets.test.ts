import {
  canonicalJson,
  contentHash,
  hashAccessCode,
  newAccessCode,
  newServerSecret,
  normaliseAccessCode,
  rekeyStoredHash,
  unkeyedCodeHash,
} from "./secrets";

const KEY = Buffer.from(newServerSecret(), "base64url");

describe("content hash", () => {
  it("is the same whatever the order of keys, and differs when a value does", () => {
    const a = { round: "2563", lao: "4220102", values: { x: { base: 1, served: 2 }, y: { value: "มี" } } };
    const b = { values: { y: { value: "มี" }, x: { served: 2, base: 1 } }, lao: "4220102", round: "2563" };
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash({ ...a, values: { ...a.values, x: { base: 1, served: 3 } } })).not.toBe(
      contentHash(a),
    );
    expect(canonicalJson([{ b: 1, a: 2 }, null, "x"])).toBe('[{"a":2,"b":1},null,"x"]');
  });
});

describe("access codes", () => {
  it("are typed back however the officer spaces or cases them", () => {
    const code = newAccessCode();
    expect(code).toMatch(/^[3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4}$/);
    expect(hashAccessCode(KEY, ` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(hashAccessCode(KEY, code));
    expect(normaliseAccessCode("ab-cd ef")).toBe("ABCDEF");
    expect(hashAccessCode(KEY, newAccessCode())).not.toBe(hashAccessCode(KEY, code));
  });

  it("take Thai digits for the digits of the code", () => {
    expect(normaliseAccessCode("๗kqm-x๓rt-๙hva")).toBe("7KQMX3RT9HVA");
    const code = newAccessCode();
    const thai = code.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
    expect(hashAccessCode(KEY, thai)).toBe(hashAccessCode(KEY, code));
  });

  it("are stored under the server's key: another key gives another hash, and old unkeyed hashes re-key to the same", () => {
    const code = newAccessCode();
    const otherKey = Buffer.from(newServerSecret(), "base64url");
    expect(hashAccessCode(KEY, code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccessCode(otherKey, code)).not.toBe(hashAccessCode(KEY, code));
    expect(hashAccessCode(KEY, code)).not.toBe(unkeyedCodeHash(code));
    expect(rekeyStoredHash(KEY, unkeyedCodeHash(code))).toBe(hashAccessCode(KEY, code));
  });
});
