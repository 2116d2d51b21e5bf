import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeLao, LaoRegister, parseRegisterCsv } from "./register";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../../data/lao-registry.csv"), "utf8")),
);

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
