import { checkBasicData } from "../core/rules/submissionReport";
import { FIELD_NAMES, fieldName, LINE_TEXT_NAMES } from "../core/rules/vocabulary";
import { userDisplayNameSchema } from "../core/rules/lineText";
import { FIELD_NAMES_EN, fieldNameEn, fieldText, LINE_TEXT_NAMES_EN } from "./fields";
import { problemIssueMessage } from "./issues";
import { problemEn } from "./problems";

describe("the English of the fields", () => {
  it("names every field core names, and the count of villages by the LAO type", () => {
    expect(Object.keys(FIELD_NAMES_EN).sort()).toEqual(Object.keys(FIELD_NAMES).sort());
    expect(Object.keys(LINE_TEXT_NAMES_EN).sort()).toEqual(Object.keys(LINE_TEXT_NAMES).sort());
    expect(fieldText("budget", "sao")).toEqual({ th: "งบประมาณรายจ่ายประจำปี", en: "annual budget" });
    expect(fieldText("villages", "sao")).toEqual({ th: "จำนวนหมู่บ้าน", en: "villages" });
    expect(fieldText("villages", "pao")).toEqual({ th: "จำนวนหมู่บ้าน/ชุมชน", en: "villages and communities" });
    expect(fieldText("villages", "town")).toEqual({ th: "จำนวนชุมชน", en: "communities" });
    expect([fieldName("other", "sao"), fieldNameEn("other", "sao"), fieldText("toString", "sao")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("says which field of form 1 is not filled in, as the server, the CLI and the pane always did", () => {
    const found = checkBasicData({ population: "12", preparer: { name: "ก" } }, "sao", problemEn);
    expect(found.map((p) => [p.path, p.message, p.messageEn])).toEqual([
      ["basic.households", "ยังไม่ได้กรอกจำนวนครัวเรือน (แบบ 1)", "households (form 1) is not filled in"],
      ["basic.villages", "ยังไม่ได้กรอกจำนวนหมู่บ้าน (แบบ 1)", "villages (form 1) is not filled in"],
      ["basic.budget", "ยังไม่ได้กรอกงบประมาณรายจ่ายประจำปี (แบบ 1)", "annual budget (form 1) is not filled in"],
      [
        "basic.preparer.position",
        "ยังไม่ได้กรอกตำแหน่งผู้จัดเก็บข้อมูล (แบบ 1)",
        "preparer's position (form 1) is not filled in",
      ],
      [
        "basic.preparer.phone",
        "ยังไม่ได้กรอกเบอร์โทรศัพท์ผู้จัดเก็บข้อมูล (แบบ 1)",
        "preparer's phone (form 1) is not filled in",
      ],
    ]);
  });

  it("refuses a typed text with core's problem, said in Thai and English on one line", () => {
    const messages = (text: string) =>
      userDisplayNameSchema.safeParse(text).error?.issues.map((i) => problemIssueMessage(i));
    expect(messages(" ")).toEqual(["กรอกชื่อผู้ใช้ / enter the user's name"]);
    expect(messages(`\u0001${"ก".repeat(200)}`)).toEqual([
      "ชื่อผู้ใช้ยาวเกิน 200 ตัวอักษร — ย่อให้สั้นลง / the user's name is longer than 200 characters",
      "ชื่อผู้ใช้มีอักขระควบคุมที่พิมพ์ไม่ได้ — ลบแล้วพิมพ์ใหม่ / the user's name contains a control character: retype it",
    ]);
    expect(userDisplayNameSchema.parse("  สถจ.จันทบุรี ")).toBe("สถจ.จันทบุรี");
    expect(problemIssueMessage({ code: "too_small", message: "x" })).toBeUndefined();
  });
});
