import {
  appliesTo,
  compileRound,
  gapToTarget,
  indicatorText,
  LAO_TYPE_INFO,
  LAO_TYPES,
  scoreIndicator,
  shippedRound,
  shippedRounds,
  statusLabel,
  type CompiledIndicator,
  type IndicatorInput,
  type LaoType,
} from "../core";
import { registerRounds, unregisterRounds } from "../addin/roundRegistry";
import { generatedRound } from "../core/rules/generatedRound";
import { check, gap, name, pass, percent, target } from "./functions";
import { excelErrorOf, installCustomFunctionsStandIn } from "./testing/customFunctionsStub";

installCustomFunctionsStandIn();

const indicators: CompiledIndicator[] = shippedRounds().flatMap((r) => compileRound(r).indicators);
const percentLike = (i: CompiledIndicator): boolean => i.kind === "ratio" || i.kind === "satisfaction";

/** One LAO of each type from the register, named by its 7-digit code. */
const CODE_OF: Record<LaoType, string> = {
  pao: "2110101",
  city: "3110102",
  town: "4110103",
  subdistrict: "6130408", // a เทศบาลตำบล whose code starts with 6
  sao: "6810403",
  pattaya: "3200408",
};

/** Excel passes omitted optional arguments as null. */
const OMITTED = null;

/** Arguments for value and base, and the core input they stand for. */
function args(ind: CompiledIndicator, base: unknown, served: unknown): [unknown, unknown, IndicatorInput] {
  return percentLike(ind) ? [served, base, { base, served }] : [served, OMITTED, { value: served }];
}

/** Inputs that reach every result: pass, below, no service, not done, nothing entered. */
const SAMPLES: ReadonlyArray<readonly [unknown, unknown]> = [
  [100, 100],
  [100, 95],
  [100, 50],
  [100, 0],
  ["1,000", "๙๐๐"],
  [0, OMITTED],
  [0, 0],
  [12, "-"],
  [12, OMITTED],
  [OMITTED, OMITTED],
  ["", ""],
  [10, 3],
  [10, 1],
  [OMITTED, 5],
];

describe("MINSTD.CHECK and its family on every shipped indicator, for every LAO type", () => {
  it("covers the shipped rounds: 37 indicators of 2563, 2564, the basic set of 2565–2567 and 2568", () => {
    expect(new Set(indicators.map((i) => i.round.id))).toEqual(
      new Set(["2563", "2564", "2565", "2566", "2567", "2568"]),
    );
    expect(indicators).toHaveLength(37);
  });

  for (const ind of indicators) {
    const id = ind.def.id;
    describe(`${id} (${ind.kind})`, () => {
      for (const type of LAO_TYPES) {
        const applies = appliesTo(ind, type);
        const typeName = LAO_TYPE_INFO[type].th;

        if (!applies) {
          it(`is not applicable to ${typeName}: #N/A with the reason`, () => {
            for (const laoType of [typeName, CODE_OF[type]]) {
              for (const call of [
                () => check(id, 1, 1, laoType),
                () => pass(id, 1, 1, laoType),
                () => target(id, laoType),
                () => gap(id, 1, 1, laoType),
              ]) {
                expect(excelErrorOf(call)).toEqual({
                  code: "#N/A",
                  message: `ตัวชี้วัด ${id} ไม่ได้ใช้ประเมิน ${typeName}`,
                });
              }
            }
          });
          continue;
        }

        it(`gives the core's result for ${typeName}, by type name and by LAO code`, () => {
          for (const [base, served] of SAMPLES) {
            const [value, baseArg, input] = args(ind, base, served);
            const score = scoreIndicator(ind, input, type);
            for (const laoType of [typeName, CODE_OF[type], Number(CODE_OF[type])]) {
              switch (score.status) {
                case "pass":
                case "below":
                case "no-service":
                case "not-done":
                case "reported":
                  expect(check(id, value, baseArg, laoType)).toBe(statusLabel(score.status, ind.round));
                  break;
                case "incomplete":
                  expect(check(id, value, baseArg, laoType)).toBe(score.problem ? "ยังไม่ได้กรอกข้อมูล" : "");
                  break;
                case "invalid":
                  expect(excelErrorOf(() => check(id, value, baseArg, laoType))).toEqual({
                    code: "#VALUE!",
                    message: score.problem!.th,
                  });
              }
              if (score.status === "pass" || score.status === "below" || score.status === "not-done") {
                expect(pass(id, value, baseArg, laoType)).toBe(score.status === "pass");
                expect(gap(id, value, baseArg, laoType)).toBe(gapToTarget(ind, input, score));
              } else {
                const code = score.status === "invalid" ? "#VALUE!" : "#N/A";
                expect(excelErrorOf(() => pass(id, value, baseArg, laoType)).code).toBe(code);
                expect(excelErrorOf(() => gap(id, value, baseArg, laoType)).code).toBe(code);
              }
            }
          }
        });

        it(`gives the target and the text for ${typeName}`, () => {
          const t = ind.targets[type];
          if (t) {
            expect(target(id, typeName)).toBe(t.value);
            expect(target(id, CODE_OF[type])).toBe(t.value);
          } else {
            // A satisfaction question without a target (แบบ 3): #N/A saying there is none.
            expect(excelErrorOf(() => target(id, typeName))).toMatchObject({
              code: "#N/A",
              message: expect.stringContaining("ไม่มีค่าเป้าหมาย"),
            });
          }
          expect(name(id, typeName)).toBe(indicatorText(ind.def, type));
          expect(name(id, CODE_OF[type])).toBe(indicatorText(ind.def, type));
        });
      }

      it(ind.targetsDiffer ? "needs the LAO type: #VALUE! saying so" : "needs no LAO type", () => {
        if (ind.targetsDiffer) {
          for (const call of [
            () => check(id, 1, 1),
            () => check(id, 1, 1, OMITTED),
            () => pass(id, 1, 1, ""),
            () => target(id),
            () => gap(id, 1, 1, OMITTED),
          ]) {
            const error = excelErrorOf(call);
            expect(error.code).toBe("#VALUE!");
            expect(error.message).toContain(`ตัวชี้วัด ${id} มีค่าเป้าหมายต่างกันตามประเภท อปท.`);
          }
        } else {
          const type = LAO_TYPES.find((t) => appliesTo(ind, t))!;
          const [value, baseArg, input] = args(ind, 100, 99);
          expect(check(id, value, baseArg)).toBe(
            statusLabel(scoreIndicator(ind, input, type).status, ind.round),
          );
          if (ind.targets[type]) expect(target(id)).toBe(ind.targets[type].value);
        }
        expect(name(id)).toBe(indicatorText(ind.def, undefined));
      });
    });
  }
});

describe("MINSTD.CHECK on known cases", () => {
  it("passes 85 of 100 km of asphalt road for a เทศบาลนคร (target 85) and not for 80", () => {
    expect(check("2563-1-01", 85, 100, "เทศบาลนคร")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2563-1-01", 80, 100, "เทศบาลนคร")).toBe("การพัฒนาในอนาคต");
    expect(check("2563-1-01", 80, 100, "อบต.")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
  });

  it("gives the official labels for no service and not carried out", () => {
    expect(check("2563-1-01", "-", 0, "อบต.")).toBe("ไม่มีบริการสาธารณะ");
    expect(check("2563-1-01", "-", 12.5, "อบต.")).toBe("ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2562");
  });

  it("is empty while nothing is entered, however Excel passes the empty cells", () => {
    expect(check("2563-1-01", null, null, "อบต.")).toBe("");
    expect(check("2563-1-01", "", "", "อบต.")).toBe("");
    expect(check("2568-1-01", null)).toBe("");
  });

  it("says the row is not complete when (2) is there without (1)", () => {
    expect(check("2563-1-01", 5, null, "อบต.")).toBe("ยังไม่ได้กรอกข้อมูล");
  });

  it("reads a blank (2) next to a (1) > 0 as not entered yet, and only - as not carried out", () => {
    for (const blank of [null, "", " "]) {
      expect(check("2563-1-01", blank, 12.5, "อบต.")).toBe("ยังไม่ได้กรอกข้อมูล");
      expect(excelErrorOf(() => pass("2563-1-01", blank, 12.5, "อบต."))).toMatchObject({
        code: "#N/A",
        message: expect.stringContaining("พิมพ์ -"),
      });
      expect(excelErrorOf(() => percent(blank, 12.5))).toMatchObject({
        code: "#N/A",
        message: expect.stringContaining("ยังไม่ได้กรอกช่อง (2)"),
      });
    }
    expect(pass("2563-1-01", "-", 12.5, "อบต.")).toBe(false);
  });

  it("reads what officers type: Thai digits, commas, - and มี/ไม่มี", () => {
    expect(check("2563-1-01", "๘๕", "๑๐๐", "ทน.")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2568-1-01", "๒", null, "เทศบาลเมือง")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2568-1-01", 1)).toBe("การพัฒนาในอนาคต");
    expect(check("2568-1-01", "-")).toBe("ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567");
  });

  it("takes the type from the register for a 7-digit code, as text, number or Thai digits", () => {
    // 2563-1-01: target 75 for อบต., 85 for เทศบาลนคร; 80 % passes only the first.
    expect(check("2563-1-01", 80, 100, "6810403")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2563-1-01", 80, 100, 6810403)).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2563-1-01", 80, 100, "๖๘๑๐๔๐๓")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2563-1-01", 80, 100, "3110102")).toBe("การพัฒนาในอนาคต");
    // A เทศบาลตำบล with a 6-prefixed code is scored as เทศบาลตำบล, not as an อบต.
    expect(target("2563-1-02", "6130408")).toBe(85);
    expect(name("2564-1-01", "6130408")).toContain("เทศบาล");
  });

  it("finds ids typed with Thai digits, lower case or spaces", () => {
    expect(target(" ๒๕๖๔-1-0๒ ")).toBe(80);
    expect(name(" ๒๕๖๔-s-01 ")).toContain("ความพึงพอใจ");
  });

  it("ignores a base given to an indicator that takes a single value (Excel passes empty cells as 0 on Windows)", () => {
    expect(check("2568-1-01", 3, 0)).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("2568-1-01", 3, "anything")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
  });

  it("treats a 0 for the type as not given (an empty type cell on Windows)", () => {
    expect(check("2568-1-01", 3, null, 0)).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
  });
});

describe("bad input gives real Excel errors with Thai messages", () => {
  it("names an unknown id with #N/A", () => {
    expect(excelErrorOf(() => check("2563-9-99", 1, 1, "อบต."))).toEqual({
      code: "#N/A",
      message: "ไม่มีตัวชี้วัดรหัส “2563-9-99” ในรอบการประเมิน 2563 — ตรวจสอบรหัสตัวชี้วัดอีกครั้ง",
    });
    const other = excelErrorOf(() => target("ROAD-1"));
    expect(other.code).toBe("#N/A");
    expect(other.message).toContain("“ROAD-1”");
    expect(other.message).toContain("2563, 2564, 2565, 2566, 2567, 2568");
    for (const fn of [() => pass("X-1", 1), () => name("X-1"), () => gap("X-1", 1)]) {
      expect(excelErrorOf(fn)).toMatchObject({ code: "#N/A", message: expect.stringContaining("“X-1”") });
    }
  });

  it("asks for an id when none is given", () => {
    expect(excelErrorOf(() => check("", 1))).toEqual({
      code: "#N/A",
      message: "ยังไม่ได้ใส่รหัสตัวชี้วัด — ใส่รหัส เช่น 2563-1-01",
    });
  });

  it("says what to type for an unreadable value, with #VALUE!", () => {
    expect(excelErrorOf(() => check("2563-1-01", "12 กม.", 100, "อบต."))).toEqual({
      code: "#VALUE!",
      message: "“12 กม.” มีตัวอักษรปนอยู่ — พิมพ์เฉพาะตัวเลข ไม่ต้องพิมพ์หน่วย เช่น 12",
    });
    expect(excelErrorOf(() => check("2563-1-01", 120, 100, "อบต.")).message).toContain(
      "(2) การจัดบริการสาธารณะ (120) มากกว่า (1) กรอบการประเมิน (100) ไม่ได้",
    );
    expect(excelErrorOf(() => check("2568-1-01", 2.5)).message).toContain("ให้พิมพ์จำนวนเต็ม");
    expect(excelErrorOf(() => pass("2563-1-01", true, 100, "อบต.")).code).toBe("#VALUE!");
  });

  it("says which LAO types can be typed when the type is unreadable", () => {
    const error = excelErrorOf(() => check("2563-1-01", 1, 1, "อำเภอ"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "ประเภท อปท. “อำเภอ” ไม่ถูกต้อง — ใส่ชื่อประเภท (อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต., เมืองพัทยา) หรือรหัส อปท. 7 หลัก",
    );
    expect(excelErrorOf(() => target("2563-1-01", 12345)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => target("2563-1-01", true)).code).toBe("#VALUE!");
  });

  it("says when a 7-digit code is not in the register", () => {
    expect(excelErrorOf(() => target("2563-1-01", "9999999"))).toEqual({
      code: "#VALUE!",
      message: "ไม่พบรหัส อปท. 9999999 ในทะเบียน อปท. — ตรวจสอบรหัส 7 หลักอีกครั้ง หรือใส่ชื่อประเภท อปท. แทน",
    });
  });

  it("checks a type given to NAME even though the text needs none", () => {
    expect(excelErrorOf(() => name("2563-1-01", "อำเภอ")).code).toBe("#VALUE!");
  });
});

describe("MINSTD.PASS", () => {
  it("is TRUE or FALSE, with not carried out as FALSE", () => {
    expect(pass("2563-1-01", 75, 100, "อบต.")).toBe(true);
    expect(pass("2563-1-01", 74.99, 100, "อบต.")).toBe(false);
    expect(pass("2563-1-01", "-", 100, "อบต.")).toBe(false);
  });

  it("gives #N/A with the reason when there is no such service or nothing is entered", () => {
    expect(excelErrorOf(() => pass("2563-1-01", 0, 0, "อบต."))).toEqual({
      code: "#N/A",
      message: "ไม่มีบริการสาธารณะ — (1) กรอบการประเมินเป็น 0 ตัวชี้วัดนี้จึงไม่นำมาประเมิน",
    });
    expect(excelErrorOf(() => pass("2563-1-01", null, null, "อบต."))).toEqual({
      code: "#N/A",
      message: "ยังไม่ได้กรอกข้อมูล",
    });
    expect(excelErrorOf(() => pass("2563-1-01", 5, null, "อบต."))).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("ยังไม่ได้กรอกช่อง (1)"),
    });
  });
});

describe("MINSTD.TARGET and MINSTD.NAME", () => {
  it("gives the per-type targets of 2563-1-01", () => {
    expect(target("2563-1-01", "อบต.")).toBe(75);
    expect(target("2563-1-01", "เทศบาลนคร")).toBe(85);
    expect(target("2563-1-01", "เมืองพัทยา")).toBe(85);
    expect(target("2568-2-04")).toBe(50);
  });

  it("fills the LAO type into the indicator text", () => {
    expect(name("2564-1-01", "อบต.")).toContain("ในความรับผิดชอบของ อบต.");
    expect(name("2564-1-01", "เทศบาลเมือง")).toContain("ในความรับผิดชอบของ เทศบาล");
    expect(name("2564-1-01")).toContain("ในความรับผิดชอบของ อปท.");
    expect(name("2564-1-01")).not.toContain("{lao_type}");
  });
});

describe("MINSTD.* on the basic set of 2565–2567", () => {
  it("gives the printout's label สูงกว่าค่าเป้าหมาย, with the targets 80 / 80 / 75 of an อบต. and a เทศบาลตำบล", () => {
    for (const round of ["2565", "2566", "2567"]) {
      expect(check(`${round}-1-01`, 12, 12, "อบต.")).toBe("สูงกว่าค่าเป้าหมาย");
      expect(check(`${round}-1-02`, 2, 3, "เทศบาลตำบล")).toBe("การพัฒนาในอนาคต");
      expect(check(`${round}-1-03`, 3, 4, "อบต.")).toBe("สูงกว่าค่าเป้าหมาย"); // 75 = 75
      expect(check(`${round}-1-03`, "-", 4, "อบต.")).toBe(
        `ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. ${Number(round) - 1}`,
      );
      expect([
        target(`${round}-1-01`, "อบต."),
        target(`${round}-1-02`, "ทต."),
        target(`${round}-1-03`, "ทต."),
      ]).toEqual([80, 80, 75]);
    }
  });

  it("words each indicator for the LAO type, and indicator 4 differently for an อบต. and a เทศบาล", () => {
    expect(name("2567-1-01", "อบต.")).toContain("ในความรับผิดชอบทั้งหมดของ อบต. ที่ได้รับ");
    expect(name("2567-1-01", "ทต.")).toContain("ในความรับผิดชอบทั้งหมดของ เทศบาล ที่ได้รับ");
    expect(name("2567-1-04a", "อบต.")).toMatch(/^จำนวนโครงการหรือกิจกรรม ของ อบต\. ในการ/);
    expect(name("2567-1-04b", "ทต.")).toMatch(/^จำนวนครั้งที่เทศบาลดำเนินการจัดกิจกรรม/);
    expect(excelErrorOf(() => check("2567-1-04b", 1, null, "อบต.")).code).toBe("#N/A");
  });
});

describe("MINSTD.PERCENT", () => {
  it("gives (2) ÷ (1) × 100, unrounded", () => {
    expect(percent(29.767, 57.24)).toBe((29.767 * 100) / 57.24);
    expect(percent("๒๕๐", "1,000")).toBe(25);
  });

  it("gives #N/A for no service, not done or nothing entered, and #VALUE! for what must be fixed", () => {
    expect(excelErrorOf(() => percent("-", 0))).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("ไม่มีบริการสาธารณะ"),
    });
    expect(excelErrorOf(() => percent("-", 10))).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("ไม่ได้ดำเนินการ"),
    });
    expect(excelErrorOf(() => percent(null, null))).toEqual({ code: "#N/A", message: "ยังไม่ได้กรอกข้อมูล" });
    expect(excelErrorOf(() => percent(5, null))).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("(1)"),
    });
    expect(excelErrorOf(() => percent(11, 10))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("มากกว่า"),
    });
    expect(excelErrorOf(() => percent("80%", 10))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("ร้อยละ"),
    });
  });
});

describe("MINSTD.GAP", () => {
  it("gives how much more (2) is needed, in the indicator's unit, and 0 when met", () => {
    expect(gap("2563-1-01", 60, 100, "อบต.")).toBeCloseTo(15, 10);
    expect(gap("2563-1-01", 40, 200, "เทศบาลนคร")).toBeCloseTo(130, 10);
    expect(gap("2563-1-01", 90, 100, "อบต.")).toBe(0);
    expect(gap("2563-1-01", "-", 100, "อบต.")).toBe(75);
    expect(gap("2568-1-01", 1)).toBe(1);
    expect(gap("2568-1-01", 7)).toBe(0);
  });

  it("gives #N/A when there is no such service", () => {
    expect(excelErrorOf(() => gap("2563-1-01", "-", 0, "อบต.")).code).toBe("#N/A");
  });
});

describe("purity", () => {
  it("gives the same result for the same arguments, whatever was called before", () => {
    const first = [check("2563-1-01", 80, 100, "อบต."), check("2563-1-01", 80, 100, "ทน.")];
    target("2563-1-01", "เมืองพัทยา");
    excelErrorOf(() => target("2563-1-01", "อำเภอ"));
    expect([check("2563-1-01", 80, 100, "อบต."), check("2563-1-01", 80, 100, "ทน.")]).toEqual(first);
    expect(first).toEqual(["ผ่านค่าเป้าหมายขั้นต่ำ", "การพัฒนาในอนาคต"]);
  });
});

describe("rounds that are not bundled (core's round registry)", () => {
  afterEach(() => unregisterRounds(["G12", "2568"]));

  it("scores a round registered after the first call, and names it among the known rounds", () => {
    expect(excelErrorOf(() => check("G12-1-001", 90, 100, "อบต.")).message).toContain(
      "2563, 2564, 2565, 2566, 2567, 2568",
    );
    registerRounds([generatedRound(12, "G12")]);
    expect(check("G12-1-001", 90, 100, "อบต.")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(check("g12-1-001", "๗๙", "๑๐๐", "อบต.")).toBe("การพัฒนาในอนาคต");
    expect(target("G12-1-001", "ทน.")).toBe(90);
    expect(excelErrorOf(() => check("G12-9-999", 1)).message).toContain("ในรอบการประเมิน G12");
    unregisterRounds(["G12"]);
    expect(excelErrorOf(() => check("G12-1-001", 90, 100, "อบต.")).code).toBe("#N/A");
  });

  it("uses a registered round in place of the shipped round of the same id", () => {
    const shipped = shippedRound("2568")!;
    expect(target("2568-1-01")).toBe(2);
    const raised = JSON.parse(JSON.stringify(shipped)) as typeof shipped;
    raised.areas[0]!.missions[0]!.indicators[0]!.targets = { default: { value: 5, provisional: true } };
    registerRounds([raised]);
    expect(target("2568-1-01")).toBe(5);
  });
});
