import { compileRound, indicatorText, indicatorsFor } from "./compiledRound";
import { parseRound, roundJsonSchema, RoundError } from "./round";
import { generatedRound } from "./generatedRound";
import { shippedRound, shippedRounds, SHIPPED_ROUND_IDS } from "./shippedRounds";

describe("the shipped rounds", () => {
  it("are the rounds 2563 to 2568, each valid against the schema", () => {
    expect(SHIPPED_ROUND_IDS).toEqual(["2563", "2564", "2565", "2566", "2567", "2568"]);
    for (const round of shippedRounds()) expect(() => parseRound(round)).not.toThrow();
  });

  it("mark every target without a source as provisional", () => {
    for (const round of shippedRounds()) {
      for (const ind of compileRound(round).indicators) {
        for (const target of Object.values(ind.targets)) {
          expect(target.provisional || Boolean(target.source)).toBe(true);
        }
      }
    }
  });

  it("carry the basic set of 2565–2567 as its printouts show it", () => {
    for (const id of ["2565", "2566", "2567"]) {
      const round = shippedRound(id)!;
      expect(round.passLabel).toBe("สูงกว่าค่าเป้าหมาย");
      expect(round.printout).toEqual({ percentDecimals: 2, trailingZeros: "drop", dash: "-" });
      expect(round.areas.map((a) => [a.title, a.missions.map((m) => m.title)])).toEqual([
        ["ด้านที่ 1 โครงสร้างพื้นฐาน และ ด้านที่ 2 ผังเมือง", ["1.ด้านโครงสร้างพื้นฐาน"]],
      ]);
      const compiled = compileRound(round);
      const ind = (n: string) => compiled.byId.get(`${id}-1-${n}`)!;
      for (const [n, target] of [
        ["01", 80],
        ["02", 80],
        ["03", 75],
      ] as const) {
        for (const type of ["sao", "subdistrict"] as const)
          expect(ind(n).targets[type]).toMatchObject({ value: target, provisional: false });
        expect(ind(n).targets.city).toMatchObject({ value: target, provisional: true });
        expect(ind(n).def.kind).toBe("ratio");
      }
      expect(indicatorText(ind("01").def, "sao")).toBe(
        "ร้อยละของจำนวนถนนลาดยางในความรับผิดชอบทั้งหมดของ อบต. ที่ได้รับการบำรุงรักษาให้อยู่ในสภาพที่ใช้งานได้ปกติ",
      );
      expect(indicatorText(ind("03").def, "subdistrict")).toContain("ในเขต เทศบาล ที่ได้รับการพัฒนา");
      // Indicator 4 reads differently for an อบต. and a เทศบาล: one indicator each.
      expect(indicatorsFor(compiled, "sao").map((i) => i.def.id)).toEqual(
        ["01", "02", "03", "04a"].map((n) => `${id}-1-${n}`),
      );
      expect(indicatorsFor(compiled, "subdistrict").map((i) => i.def.id)).toEqual(
        ["01", "02", "03", "04b"].map((n) => `${id}-1-${n}`),
      );
      expect(indicatorText(ind("04a").def, "sao")).toMatch(/^จำนวนโครงการหรือกิจกรรม ของ อบต\. /);
      expect(indicatorText(ind("04b").def, "town")).toMatch(/^จำนวนครั้งที่เทศบาลดำเนินการจัดกิจ/);
      expect(ind("04a").targets.sao?.provisional).toBe(true);
    }
    expect(shippedRound("2566")!.window).toMatchObject({ opens: "2023-06-01", closes: "2023-07-21" });
    expect(shippedRound("2566")!.window.provisional).toBeUndefined();
    expect(shippedRound("2565")!.window).toMatchObject({
      opens: "2022-07-01",
      closes: "2022-08-31",
      provisional: true,
    });
    expect(shippedRound("2567")!.window.provisional).toBe(true);
    expect(shippedRound("2563")!.printout.percentDecimals).toBe(5);
    expect(shippedRound("2568")!.printout).toEqual({ percentDecimals: 2, trailingZeros: "drop", dash: "-" });
  });

  it("carry the per-type targets of the 2563 printouts", () => {
    const asphalt = compileRound(shippedRound("2563")!).byId.get("2563-1-01")!;
    expect(asphalt.targets.city).toMatchObject({ value: 85, provisional: false });
    expect(asphalt.targets.subdistrict).toMatchObject({ value: 75, provisional: false });
    expect(asphalt.targets.sao?.provisional).toBe(true);
    expect(asphalt.targetsDiffer).toBe(true);
    const concrete = compileRound(shippedRound("2563")!).byId.get("2563-1-02")!;
    expect([concrete.targets.city?.value, concrete.targets.subdistrict?.value]).toEqual([90, 85]);
  });

  it("cover only municipalities in the 2568 municipal round, with its three areas", () => {
    const round = shippedRound("2568")!;
    expect(round.laoTypes).toEqual(["city", "town", "subdistrict"]);
    expect(round.areas.map((a) => a.title)).toEqual([
      "ด้านการศึกษา",
      "ด้านการส่งเสริมเศรษฐกิจชุมชน อาชีพ และการท่องเที่ยว",
      "ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    ]);
    expect(indicatorsFor(compileRound(round), "sao")).toHaveLength(0);
  });

  it("fill the LAO type into the indicator text", () => {
    const road = compileRound(shippedRound("2564")!).byId.get("2564-1-01")!.def;
    expect(indicatorText(road, "sao")).toContain("ในความรับผิดชอบของ อบต. ที่ลงทะเบียน");
    expect(indicatorText(road, "subdistrict")).toContain("ในความรับผิดชอบของ เทศบาล ที่ลงทะเบียน");
    expect(indicatorText(road, "sao")).not.toContain("{");
  });
});

describe("validating a round", () => {
  const valid = () => JSON.parse(JSON.stringify(shippedRound("2563"))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("reports every problem with where it is", () => {
    const bad = valid();
    bad.areas[0].missions[0].indicators[1].id = "2563-1-01";
    bad.areas[0].missions[0].indicators[2].id = "9999-1-03";
    bad.areas[0].missions[0].indicators[3].targets = { city: { value: 90, provisional: false } };
    bad.window.closes = "2020-04-01";
    try {
      parseRound(bad);
      throw new Error("expected a RoundError");
    } catch (e) {
      expect(e).toBeInstanceOf(RoundError);
      const issues = (e as RoundError).issues;
      expect(issues.map((i) => i.path)).toEqual(
        expect.arrayContaining([
          "areas[1].missions[1].indicators[2].id",
          "areas[1].missions[1].indicators[3].id",
          "areas[1].missions[1].indicators[4].targets",
          "window",
        ]),
      );
      expect(issues.find((i) => i.path.endsWith("indicators[2].id"))?.message).toContain("ซ้ำ");
    }
  });

  it("refuses a target with no source that is not marked provisional", () => {
    const bad = valid();
    bad.areas[0].missions[0].indicators[0].targets.default = { value: 75, provisional: false };
    expect(() => parseRound(bad)).toThrow(/แหล่งที่มา/);
  });

  it("refuses Buddhist Era dates in the window, which must be Common Era", () => {
    const bad = valid();
    bad.window.opens = "2563-05-15";
    expect(() => parseRound(bad)).toThrow(/ค\.ศ\./);
  });

  it("exports a JSON Schema", () => {
    const schema = roundJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["id", "year", "areas", "window"]));
    expect(schema.required).toEqual(expect.arrayContaining(["id", "year", "areas"]));
  });

  it("generates a 214-indicator round for tests", () => {
    const round = compileRound(generatedRound());
    expect(round.indicators).toHaveLength(214);
    expect(new Set(round.indicators.map((i) => i.def.kind))).toEqual(
      new Set(["ratio", "count", "yesno", "satisfaction"]),
    );
  });
});
