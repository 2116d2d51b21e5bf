import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../../test/taskpane/fixtures";
import { compileRound } from "../rules/compiledRound";
import { buildMemo, memoText } from "./memo";
import { memoDefaults } from "./memoDefaults";
import { evaluateSubmission } from "../rules/submission";

const compiled = compileRound(round("2568"));
const lao = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
const report = evaluateSubmission(document2568(), compiled, lao);
const date = new Date("2025-08-25T09:00:00+07:00");

describe("buildMemo", () => {
  const memo = buildMemo(compiled, lao, report, { date });

  it("fills the memo's heading lines as in an LAO's บันทึกข้อความ, with a Buddhist Era date in Thai digits", () => {
    expect(memo.heading).toBe("บันทึกข้อความ");
    expect(memo.department).toBe("สำนักปลัดเทศบาล เทศบาลตำบลคลองท่อมใต้");
    expect(memo.reference).toBe("");
    expect(memo.date).toBe("๒๕ สิงหาคม ๒๕๖๘");
    expect(memo.subject).toBe("รายงานผลการประเมินการจัดบริการสาธารณะ ประจำปี พ.ศ. ๒๕๖๘");
    expect(memo.to).toBe("ปลัดเทศบาล/นายกเทศมนตรี");
    expect(memo.signature).toEqual({
      name: "(..................................................)",
      position: "หัวหน้าสำนักปลัด",
    });
  });

  it("gives the results per area and overall in Thai digits, leaving no-service out of the pass rate", () => {
    expect(
      memo.areaTable.rows.map((r) => [
        r.title,
        r.indicators,
        r.passed,
        r.below,
        r.notDone,
        r.noService,
        r.passRate,
      ]),
    ).toEqual([
      ["ด้านการศึกษา", "๒", "๑", "๑", "๐", "๐", "๕๐.๐๐"],
      ["ด้านการส่งเสริมเศรษฐกิจชุมชน อาชีพ และการท่องเที่ยว", "๕", "๐", "๑", "๑", "๑", "๐.๐๐"],
      ["ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", "๓", "๑", "๐", "๐", "๐", "๑๐๐.๐๐"],
    ]);
    expect(memo.areaTable.total.passRate).toBe("๔๐.๐๐");
    expect(memo.opening[1]).toContain("ผ่านค่าเป้าหมายขั้นต่ำ ๒ ตัวชี้วัด จากตัวชี้วัดที่ประเมินได้ ๕ ตัวชี้วัด คิดเป็นร้อยละ ๔๐.๐๐");
    expect(memo.opening.join("")).not.toMatch(/[0-9]/);
  });

  it("lists the indicators for future development: below target and not carried out, in form order", () => {
    expect(memo.development.map((d) => [d.no, d.label, d.detail])).toEqual([
      ["๑", "การพัฒนาในอนาคต", "ผล ๗๐ ค่าเป้าหมาย ๘๐"], // 70.00 as the printout writes it
      ["๒", "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๗", undefined],
      ["๓", "การพัฒนาในอนาคต", "ผล ๐ ค่าเป้าหมาย ๑"],
    ]);
    expect(memo.development[0]!.text).toMatch(/^ร้อยละของความพึงพอใจของประชาชนในการจัดการศึกษาของเทศบาล/);
    expect(memo.notes.join(" ")).toContain("ยังไม่ใช่ผลสุดท้าย");
  });

  it("takes the office, reference, addressee, signer and receipt the officer gives", () => {
    const custom = buildMemo(compiled, lao, report, {
      date,
      department: "กองการศึกษา เทศบาลตำบลคลองท่อมใต้",
      reference: "กบ 53001/123",
      to: "นายกเทศมนตรีตำบลคลองท่อมใต้",
      signer: { name: "นางสาวตัวอย่าง ทดสอบ", position: "ผู้อำนวยการกองการศึกษา" },
      receipt: { number: "2568-5810401-2", receivedAt: new Date("2025-08-20T14:30:00+07:00") },
    });
    expect(custom.department).toBe("กองการศึกษา เทศบาลตำบลคลองท่อมใต้");
    expect(custom.reference).toBe("กบ 53001/123");
    expect(custom.to).toBe("นายกเทศมนตรีตำบลคลองท่อมใต้");
    expect(custom.signature).toEqual({ name: "(นางสาวตัวอย่าง ทดสอบ)", position: "ผู้อำนวยการกองการศึกษา" });
    expect(custom.opening[1]).toMatch(/^กองการศึกษา ได้รวบรวมข้อมูล/);
    expect(custom.opening[1]).toContain("๒๐ สิงหาคม ๒๕๖๘ เวลา ๑๔.๓๐ น. ใบรับเลขที่ ๒๕๖๘-๕๘๑๐๔๐๑-๒");
  });

  it("addresses an อบต. memo to its own executives and council", () => {
    const sao = testRegister().get("6810403")!;
    const r2563 = compileRound(round("2563"));
    const memo2563 = buildMemo(
      r2563,
      sao,
      evaluateSubmission({ round: "2563", lao: sao.code, values: {} }, r2563, sao),
      {
        date,
      },
    );
    expect(memo2563.to).toBe("ปลัดองค์การบริหารส่วนตำบล/นายกองค์การบริหารส่วนตำบล");
    expect(memo2563.closing).toContain("สภาองค์การบริหารส่วนตำบล");
    expect(memo2563.department).toBe("สำนักปลัด องค์การบริหารส่วนตำบลคลองท่อมเหนือ");
  });

  it("fills what the options leave out with memoDefaults, the defaults a form shows", () => {
    for (const code of [KHLONG_THOM_TAI_TOWN, "6810403"]) {
      const l = testRegister().get(code)!;
      const m = buildMemo(compiled, l, report, { date, department: " ", to: "", signer: { position: "" } });
      expect(memoDefaults(l)).toEqual({
        department: m.department,
        to: m.to,
        signerPosition: m.signature.position,
      });
    }
  });

  it("says the data is done only when it is complete; incomplete or returned data is not reported as final", () => {
    const overall = report.summary.overall;
    const completeReport = {
      ...report,
      complete: true,
      summary: {
        ...report.summary,
        overall: { ...overall, complete: true, counts: { ...overall.counts, incomplete: 0, invalid: 0 } },
      },
    };
    const complete = buildMemo(compiled, lao, completeReport, { date });
    expect(complete.state).toBe("complete");
    expect(complete.opening[1]).toContain("เรียบร้อยแล้ว");
    expect(complete.closing).toContain("ประชาสัมพันธ์ให้ประชาชนได้รับทราบทางเว็บไซต์");
    expect(complete.notes.join(" ")).not.toContain("ยังไม่ใช่ผลสุดท้าย");

    expect(memo.state).toBe("incomplete");
    expect(memo.opening[1]).not.toContain("เรียบร้อยแล้ว");
    expect(memo.opening[1]).toContain("แล้วบางส่วน ยังกรอกข้อมูลไม่ครบหรือมีข้อมูลที่ต้องแก้ไข ๔ ตัวชี้วัด");
    expect(memo.closing).toContain("เมื่อกรอกข้อมูลครบถ้วนแล้ว");

    const returned = buildMemo(compiled, lao, completeReport, {
      date,
      returnedAt: new Date("2025-08-22T10:00:00+07:00"),
    });
    expect(returned.state).toBe("returned");
    expect(returned.opening[1]).not.toContain("เรียบร้อยแล้ว");
    expect(returned.opening[1]).toContain("ส่งกลับให้แก้ไขเมื่อวันที่ ๒๒ สิงหาคม ๒๕๖๘");
    expect(returned.closing).toContain("แก้ไขข้อมูลตามที่ส่งกลับ");
    expect(returned.notes.join(" ")).toContain("ยังไม่ใช่ผลสุดท้าย");
  });

  it("writes every number in Thai digits", () => {
    const { reference: _typed, ...written } = memo;
    expect(JSON.stringify(written)).not.toMatch(/[0-9]/);
  });

  it("says so when nothing needs development", () => {
    const all = buildMemo(
      compiled,
      lao,
      { ...report, results: report.results.map((r) => ({ ...r, status: "pass" as const })) },
      { date },
    );
    expect(all.development).toEqual([]);
    expect(memoText(all)).toContain(all.noDevelopment);
  });

  it("reads in order as plain text", () => {
    const text = memoText(memo);
    const order = [
      "บันทึกข้อความ",
      "ส่วนราชการ",
      "วันที่ ๒๕ สิงหาคม ๒๕๖๘",
      "เรื่อง",
      "เรียน",
      "ตามที่",
      "ภารกิจที่ต้องมีการพัฒนาในอนาคต",
      "จึงเรียนมาเพื่อโปรดทราบ",
      "หัวหน้าสำนักปลัด",
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
