import { readFileSync } from "node:fs";
import { LAO_TYPES, parseRegisterCsv } from "../core";
import { REGISTER_FILE } from "../dataFiles";
import { GENERATED_MODULE, laoCodesModule } from "../../scripts/generate-lao-codes";
import { decodeLaoCodeTable, encodeLaoCodeTable, lookupLaoType } from "./laoCodeTable";
import { LAO_CODE_COUNT, LAO_CODE_TABLE } from "./laoCodes.generated";
import { laoTypeOfCode } from "./laoTypeArgument";

const csv = readFileSync(REGISTER_FILE, "utf8");
const register = parseRegisterCsv(csv);

describe("the LAO code → type table shipped in the functions bundle", () => {
  it("gives the register's type for every one of the 7,849 codes", () => {
    expect(register).toHaveLength(7849);
    expect(LAO_CODE_COUNT).toBe(7849);
    const wrong = register.filter((lao) => laoTypeOfCode(lao.code) !== lao.type);
    expect(wrong).toEqual([]);
  });

  it("keeps the type of the two เทศบาลตำบล whose codes start with 6, like an อบต.", () => {
    expect(laoTypeOfCode("6130408")).toBe("subdistrict");
    expect(laoTypeOfCode("6720123")).toBe("subdistrict");
    expect(laoTypeOfCode("3200408")).toBe("pattaya");
  });

  it("knows no code the register does not have", () => {
    const known = new Set(register.map((l) => l.code));
    for (const code of ["0000000", "1000000", "2110100", "2110102", "6961304", "9999999"]) {
      expect(known.has(code)).toBe(false);
      expect(laoTypeOfCode(code)).toBeUndefined();
    }
  });

  it("is up to date with data/lao-registry.csv (run npm run generate:lao-codes after a register change)", () => {
    expect(readFileSync(GENERATED_MODULE, "utf8")).toBe(laoCodesModule(csv));
  });

  it("round-trips any set of codes and types", () => {
    const entries = [
      { code: "1000001", type: LAO_TYPES[5] },
      { code: "9999999", type: LAO_TYPES[0] },
      { code: "5000000", type: LAO_TYPES[3] },
    ];
    const table = decodeLaoCodeTable(encodeLaoCodeTable(entries));
    expect([...table.codes]).toEqual([1000001, 5000000, 9999999]);
    for (const e of entries) expect(lookupLaoType(table, Number(e.code))).toBe(e.type);
    expect(lookupLaoType(table, 5000001)).toBeUndefined();
  });

  it("refuses a code given twice", () => {
    expect(() =>
      encodeLaoCodeTable([
        { code: "1000001", type: "sao" },
        { code: "1000001", type: "pao" },
      ]),
    ).toThrow(/repeated/);
  });

  it("stays small: under 20,000 characters for the whole register", () => {
    expect(LAO_CODE_TABLE.length).toBeLessThan(20_000);
  });
});
