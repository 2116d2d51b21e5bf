import ExcelJS from "exceljs";
import { loadRegister } from "../../src/dataFiles";
import { BACKENDS, documentFor, newId, startHarness, type Harness } from "./harness";

/** Returns with comments, the pane's reads, and the dashboards and exports against the register. */
describe.each(BACKENDS)("returns, dashboards and exports on %s", (backend) => {
  let h: Harness;
  let province: string;
  let national: string;
  const laoTokens: Record<string, string> = {};
  const submitted = ["4220102", "4220103", "5220105", "6220110"];
  beforeAll(async () => {
    h = await startHarness(backend);
    province = await h.signIn("province", { province: "22" });
    national = await h.signIn("national");
    for (const [i, lao] of submitted.entries()) {
      laoTokens[lao] = await h.signIn("lao", { lao });
      const res = await h.api("POST", "/submissions", {
        token: laoTokens[lao],
        body: { id: `first-${lao}-${backend}`, document: documentFor("2563", lao, i) },
      });
      expect(res.status).toBe(201);
    }
    // One LAO of another province.
    laoTokens["3800102"] = await h.signIn("lao", { lao: "3800102" });
    await h.api("POST", "/submissions", {
      token: laoTokens["3800102"],
      body: { id: newId(), document: documentFor("2563", "3800102", 5) },
    });
  });
  afterAll(() => h?.close());

  it("lets a province return a submission with comments per indicator, which the LAO reads, and the next version answers it", async () => {
    const lao = "4220103";
    const ret = await h.api("POST", `/laos/${lao}/submissions/2563/returns`, {
      token: province,
      body: {
        version: 1,
        comments: { "2563-1-02": "ระยะทางถนนไม่ตรงกับทะเบียนทรัพย์สิน กรุณาตรวจสอบ" },
        note: "แก้ไขแล้วส่งใหม่ภายในสัปดาห์นี้",
      },
    });
    expect(ret.status).toBe(201);
    expect(ret.body.state).toBe("returned");
    const again = await h.api("POST", `/laos/${lao}/submissions/2563/returns`, {
      token: province,
      body: { version: 1, comments: { "2563-1-02": "ซ้ำ" } },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already-returned");

    const comments = await h.api("GET", "/me/comments", { token: laoTokens[lao]! });
    expect(comments.body).toEqual([
      expect.objectContaining({
        round: "2563",
        version: 1,
        comments: { "2563-1-02": "ระยะทางถนนไม่ตรงกับทะเบียนทรัพย์สิน กรุณาตรวจสอบ" },
        note: "แก้ไขแล้วส่งใหม่ภายในสัปดาห์นี้",
        returnedAtTh: "๑ มิถุนายน ๒๕๖๓ เวลา ๑๐.๐๐ น.",
      }),
    ]);
    const mine = await h.api("GET", "/me/submissions", { token: laoTokens[lao]! });
    expect(mine.body).toEqual([expect.objectContaining({ round: "2563", state: "returned", version: 1 })]);

    const v2 = await h.api("POST", "/submissions", {
      token: laoTokens[lao]!,
      body: { id: newId(), replaces: `first-${lao}-${backend}`, document: documentFor("2563", lao, 11) },
    });
    expect(v2.status).toBe(201);
    const after = await h.api("GET", "/me/submissions", { token: laoTokens[lao]! });
    expect(after.body[0]).toEqual(expect.objectContaining({ state: "submitted", version: 2 }));
    const receipts = await h.api("GET", "/me/receipts", { token: laoTokens[lao]! });
    expect(receipts.body.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual([
      `2563-${lao}-2`,
      `2563-${lao}-1`,
    ]);

    const stale = await h.api("POST", `/laos/${lao}/submissions/2563/returns`, {
      token: province,
      body: { version: 1, comments: { "2563-1-01": "ฉบับเก่า" } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("return-stale");
    const unknown = await h.api("POST", `/laos/${lao}/submissions/2563/returns`, {
      token: province,
      body: { version: 2, comments: { "2563-9-99": "ไม่มีตัวชี้วัดนี้" } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("ไม่มีตัวชี้วัดรหัส 2563-9-99");
  });

  it("counts completeness against every LAO of the register", async () => {
    const register = loadRegister();
    const res = await h.api("GET", "/rounds/2563/completeness", { token: national });
    expect(res.status).toBe(200);
    expect(res.body.totals.registered).toBe(register.size);
    expect(res.body.provinces).toHaveLength(new Set(register.all.map((l) => l.provinceCode)).size);
    const p22 = res.body.provinces.find((p: { provinceCode: string }) => p.provinceCode === "22");
    expect(p22).toEqual(
      expect.objectContaining({ provinceTh: "จันทบุรี", registered: register.inProvince("22").length }),
    );
    expect(p22.submitted + p22.returned).toBe(submitted.length);
    expect(p22.notStarted).toBe(register.inProvince("22").length - submitted.length);
    expect(res.body.totals.submitted + res.body.totals.returned).toBe(submitted.length + 1);

    const mine = await h.api("GET", "/rounds/2563/completeness", { token: province });
    expect(mine.body.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(["22"]);
  });

  it("lists a province's LAOs as not started, submitted or returned", async () => {
    const res = await h.api("GET", "/rounds/2563/laos", { token: province });
    const byCode = new Map(res.body.map((l: { code: string }) => [l.code, l]));
    expect(res.body).toHaveLength(loadRegister().inProvince("22").length);
    expect(byCode.get("4220102")).toEqual(expect.objectContaining({ state: "submitted", version: 1 }));
    expect(byCode.get("4220104")).toEqual(expect.objectContaining({ state: "not-started", version: null }));
    expect((byCode.get("4220102") as { passRate: number }).passRate).toEqual(expect.any(Number));
  });

  it("gives results by indicator, area, LAO type and province from the server's own scoring", async () => {
    const res = await h.api("GET", "/rounds/2563/results", { token: national });
    expect(res.status).toBe(200);
    expect(res.body.laos).toBe(submitted.length + 1);
    expect(res.body.byIndicator).toHaveLength(4);
    const total = res.body.byIndicator.reduce((n: number, i: { total: number }) => n + i.total, 0);
    expect(total).toBe(4 * (submitted.length + 1));
    expect(res.body.overall.total).toBe(total);
    expect(res.body.byArea.map((a: { areaId: string }) => a.areaId)).toEqual(["1"]);
    expect(res.body.byType.map((t: { type: string }) => t.type).sort()).toEqual([
      "city",
      "sao",
      "subdistrict",
      "town",
    ]);
    expect(res.body.byProvince.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(["22", "80"]);
    const p22 = await h.api("GET", "/rounds/2563/results?type=town", { token: province });
    expect(p22.body.laos).toBe(2);
    expect(p22.body.province).toBe("22");
    const bad = await h.api("GET", "/rounds/2563/results?type=village", { token: national });
    expect(bad.status).toBe(400);
  });

  it("exports CSV in UTF-8 with a BOM and an XLSX that Excel opens, one row per LAO of the register", async () => {
    const csv = await h.api("GET", "/rounds/2563/export.csv?province=22", { token: national });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.raw
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toContain("รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,จังหวัด,สถานะ");
    expect(lines).toHaveLength(1 + loadRegister().inProvince("22").length);
    expect(lines.find((l) => l.startsWith("4220104,"))).toContain("ยังไม่ส่ง");
    expect(lines.find((l) => l.startsWith("4220102,"))).toContain("ส่งแล้ว");

    const xlsx = await h.api("GET", "/rounds/2563/export.xlsx", { token: province });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("ผลการประเมิน")!;
    expect(sheet.rowCount).toBe(1 + loadRegister().inProvince("22").length);
    expect(sheet.getRow(1).getCell(1).value).toBe("รหัส อปท.");
    expect(wb.getWorksheet("ความครบถ้วน")!.getRow(2).getCell(2).value).toBe("จันทบุรี");
  });
});
