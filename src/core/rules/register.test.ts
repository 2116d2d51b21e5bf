import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeLao, LaoRegister, parseRegisterCsv } from "./register";

const csv = readFileSync(join(__dirname, "../../../data/lao-registry.csv"), "utf8");
const register = new LaoRegister(parseRegisterCsv(csv));

describe("the LAO register", () => {
  it("holds all 7,849 LAOs with the official counts per type", () => {
    expect(register.size).toBe(7849);
    const counts: Record<string, number> = {};
    for (const l of register.all) counts[l.type] = (counts[l.type] ?? 0) + 1;
    expect(counts).toEqual({ pao: 76, city: 30, town: 195, subdistrict: 2247, sao: 5300, pattaya: 1 });
  });

  it("looks up by code, in ASCII or Thai digits, and keeps the type from the register", () => {
    expect(register.get("6810403")).toMatchObject({ type: "sao", name: "คลองท่อมเหนือ", provinceTh: "กระบี่" });
    expect(register.get("๖๘๑๐๔๐๓")?.code).toBe("6810403");
    expect(register.get("6130408")?.type).toBe("subdistrict");
    expect(register.get("6720123")?.type).toBe("subdistrict");
    expect(register.get("3200408")?.type).toBe("pattaya");
    expect(register.get("1234567")).toBeUndefined();
    expect(register.get("12")).toBeUndefined();
  });

  it("finds LAOs by name, with or without the type word", () => {
    expect(register.search("คลองท่อมเหนือ")[0]?.lao.code).toBe("6810403");
    expect(register.search("อบต.คลองท่อมเหนือ")[0]?.lao.code).toBe("6810403");
    const municipal = register.search("เทศบาลตำบลคลองท่อมใต้");
    expect(municipal[0]?.lao.code).toBe("5810401");
    expect(municipal.every((m) => m.lao.type === "subdistrict")).toBe(true);
  });

  it("finds by district and province, narrowing with more words", () => {
    const inDistrict = register.search("คลองท่อม", 100);
    expect(inDistrict.length).toBeGreaterThan(3);
    expect(inDistrict.every((m) => m.lao.districtTh === "คลองท่อม" || m.lao.name.includes("คลองท่อม"))).toBe(
      true,
    );
    const krabi = register.search("เมือง กระบี่", 100);
    expect(krabi.length).toBeGreaterThan(0);
    expect(krabi.every((m) => m.lao.provinceTh === "กระบี่")).toBe(true);
    expect(register.search("Krabi", 200).every((m) => m.lao.provinceEn === "Krabi")).toBe(true);
  });

  it("ranks an exact name before names that only contain it", () => {
    const results = register.search("ขอนแก่น", 50);
    expect(results[0]?.lao.name).toBe("ขอนแก่น");
  });

  it("describes an LAO for people", () => {
    expect(describeLao(register.get("6810403")!)).toBe("อบต.คลองท่อมเหนือ (6810403) อ.คลองท่อม จ.กระบี่");
    expect(describeLao(register.get("3200408")!)).toBe("เมืองพัทยา (3200408) อ.บางละมุง จ.ชลบุรี");
  });

  it("refuses a malformed register with the line number", () => {
    expect(() =>
      parseRegisterCsv(
        "dla_code,lao_type,name_th,province_code,province_th,province_en,district_code,district_th\n123,x",
      ),
    ).toThrow(/line 2/);
  });
});

describe("a register over the CSV text (LaoRegister.fromCsv)", () => {
  const HEADER = "dla_code,lao_type,name_th,province_code,province_th,province_en,district_code,district_th";

  it("finds every LAO by code as the parsed register does, before and after it needs them all", () => {
    const lazy = LaoRegister.fromCsv(csv);
    const first = register.all[0]!;
    const last = register.all.at(-1)!;
    expect(lazy.get("6810403")).toEqual(register.get("6810403"));
    expect(lazy.get("๖๘๑๐๔๐๓")).toBe(lazy.get("6810403"));
    expect(lazy.get(first.code)).toEqual(first);
    expect(lazy.get(last.code)).toEqual(last);
    expect(lazy.get("9999999")).toBeUndefined();
    const lookedUp = lazy.get("6810403");
    // A search needs every LAO: the ones looked up before stay the same objects.
    expect(lazy.search("คลองท่อมเหนือ")[0]?.lao).toBe(lookedUp);
    expect(lazy.all).toEqual(register.all);
    expect(lazy.get("6810403")).toBe(lookedUp);
    expect(lazy.get(last.code)).toEqual(last);
  });

  it("reads a row with Windows line ends, a byte-order mark, and no line end at the end", () => {
    const text = `\ufeff${HEADER}\r\n6810403,อบต.,คลองท่อมเหนือ,81,กระบี่,Krabi,8105,คลองท่อม`;
    expect(LaoRegister.fromCsv(text).get("6810403")).toMatchObject({ districtTh: "คลองท่อม", type: "sao" });
    expect(LaoRegister.fromCsv(`${text}\r\n`).get("6810403")?.districtTh).toBe("คลองท่อม");
  });

  it("refuses another header at once, and a malformed row when it reads it, with its line number", () => {
    expect(() => LaoRegister.fromCsv("code,name\n6810403,x")).toThrow(/unexpected header/);
    const bad = LaoRegister.fromCsv(`${HEADER}\n6810403,x\n`);
    expect(() => bad.get("6810403")).toThrow(/line 2/);
    expect(() => bad.all).toThrow(/line 2/);
  });
});
