import ExcelJS from "exceljs";
import JSZip from "jszip";
import { laoHistorySchema } from "../../src/api";
import { compileRound, shippedRound } from "../../src/core";
import { followingRound } from "../../src/core/rules/generatedRound";
import { loadRegister } from "../../src/dataFiles";
import { completeDocument } from "./documents";
import { BACKENDS, documentFor, lao, newId, startHarness, type Harness } from "./harness";

/**
 * What the web dashboard reads: the province list with late LAOs (extensions respected) and its
 * filters, exports of what is on screen, year over year through a round that continues 2568, and
 * the LAO's own report (summary sheet .xlsx and memo .docx).
 */
const r2569 = followingRound(shippedRound("2568")!, "2569");
const csvLines = (raw: Buffer) =>
  raw
    .toString("utf8")
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");

describe.each(BACKENDS)("dashboard reads on %s", (backend) => {
  let h: Harness;
  let province: string;
  let national: string;
  let admin: string;
  const laoToken: Record<string, string> = {};
  const municipal22 = loadRegister()
    .inProvince("22")
    .filter((l) => ["city", "town", "subdistrict"].includes(l.type));

  beforeAll(async () => {
    h = await startHarness(backend, { now: "2025-08-01T10:00:00+07:00" });
    province = await h.signIn("province", { province: "22" });
    national = await h.signIn("national");
    admin = await h.signIn("admin");
    for (const [i, code] of ["4220102", "4220103", "5220105"].entries()) {
      laoToken[code] = await h.signIn("lao", { lao: code });
      const res = await h.api("POST", "/submissions", {
        token: laoToken[code],
        body: { id: `s2568-${code}-${backend}`, document: documentFor("2568", code, i) },
      });
      expect(res.status).toBe(201);
    }
    const ret = await h.api("POST", "/laos/4220103/submissions/2568/returns", {
      token: province,
      body: { version: 1, comments: { "2568-1-01": "ตรวจจำนวนโครงการอีกครั้ง" } },
    });
    expect(ret.status).toBe(201);
    const ext = await h.api("PUT", "/rounds/2568/extensions/5220106", {
      token: admin,
      body: { closes: "2025-09-15", reason: "น้ำท่วมสำนักงาน" },
    });
    expect(ext.status).toBe(200);
    await h.setClock("2025-09-05T10:00:00+07:00");
  });
  afterAll(() => h?.close());

  it("lists every municipal LAO of the province: submitted with version and Thai time, returned, late, or not started under an extension", async () => {
    const res = await h.api("GET", "/rounds/2568/progress", { token: province });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe("2025-09-05T10:00:00+07:00");
    expect(res.body.window).toEqual(expect.objectContaining({ state: "closed", closes: "2025-08-31" }));
    expect(res.body.province).toEqual({ code: "22", th: "จันทบุรี" });
    expect(res.body.total).toBe(municipal22.length);
    const byCode = new Map(res.body.laos.map((l: { code: string }) => [l.code, l]));
    expect(byCode.get("4220102")).toEqual(
      expect.objectContaining({
        progress: "submitted",
        version: 1,
        submittedAt: "2025-08-01T10:00:00+07:00",
        passRate: expect.any(Number),
      }),
    );
    expect(byCode.get("4220103")).toEqual(expect.objectContaining({ progress: "returned", version: 1 }));
    expect(byCode.get("5220106")).toEqual(
      expect.objectContaining({ progress: "not-started", extensionCloses: "2025-09-15", version: null }),
    );
    expect(byCode.get("5220107")).toEqual(expect.objectContaining({ progress: "late" }));
    expect(res.body.counts).toEqual({
      submitted: 2,
      returned: 1,
      "not-started": 1,
      late: municipal22.length - 4,
    });
    expect(JSON.stringify(res.body)).not.toContain('"statuses"');
    // The page formats submittedAt itself: no preformatted copy in every row.
    expect(JSON.stringify(res.body)).not.toContain('"submittedAtTh"');
  });

  it("filters by status, type, district and search, and refuses a bad filter in Thai", async () => {
    const get = async (query: string) =>
      (await h.api("GET", `/rounds/2568/progress?${query}`, { token: province })).body.laos.map(
        (l: { code: string }) => l.code,
      );
    expect((await get("status=submitted,returned")).sort()).toEqual(["4220102", "4220103", "5220105"]);
    expect(await get("type=town&status=late")).toEqual(
      municipal22
        .filter((l) => l.type === "town" && !["4220102", "4220103"].includes(l.code))
        .map((l) => l.code),
    );
    expect(await get("district=2201&q=" + encodeURIComponent("ท่าช้าง"))).toEqual(["4220103"]);
    const bad = await h.api("GET", "/rounds/2568/progress?status=done", { token: province });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("not-started");
    const other = await h.api("GET", "/rounds/2568/progress?province=80", { token: province });
    expect(other.status).toBe(403);
  });

  it("exports the list as on screen (filters kept) and the national tables, CSV with BOM and XLSX", async () => {
    const csv = await h.api("GET", "/rounds/2568/export.csv?status=late&type=subdistrict", {
      token: province,
    });
    expect(csv.status).toBe(200);
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(csv.raw);
    const late = municipal22.filter(
      (l) => l.type === "subdistrict" && !["5220105", "5220106"].includes(l.code),
    );
    expect(lines).toHaveLength(1 + late.length);
    expect(lines.slice(1).every((l) => l.includes(",เลยกำหนด ยังไม่ส่ง,"))).toBe(true);

    const completeness = await h.api("GET", "/rounds/2568/export.csv?view=completeness", { token: national });
    const comp = csvLines(completeness.raw);
    expect(comp[0]).toBe("รหัสจังหวัด,จังหวัด,อปท. ในทะเบียน,ส่งแล้ว,ส่งกลับให้แก้ไข,ยังไม่ส่ง,ร้อยละที่ส่ง");
    expect(comp.find((l) => l.startsWith("22,"))).toBe(
      `22,จันทบุรี,${municipal22.length},2,1,${municipal22.length - 3},${((300 / municipal22.length) as number).toFixed(2)}`,
    );
    const areas = csvLines(
      (await h.api("GET", "/rounds/2568/export.csv?view=areas", { token: national })).raw,
    );
    expect(areas).toHaveLength(4);
    expect(areas[1]).toMatch(/^ด้านการศึกษา,6,/);

    const xlsx = await h.api("GET", "/rounds/2568/export.xlsx?view=national", { token: national });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "ความครบถ้วน",
      "รายด้าน",
      "รายตัวชี้วัด",
      "รายประเภท อปท.",
      "รายจังหวัด",
    ]);
    expect(wb.getWorksheet("รายตัวชี้วัด")!.rowCount).toBe(11);
    expect(typeof wb.getWorksheet("รายจังหวัด")!.getRow(2).getCell(3).value).toBe("number");
    const list = await h.api("GET", "/rounds/2568/export.xlsx?q=" + encodeURIComponent("๔๒๒๐๑๐๒"), {
      token: province,
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(list.raw as unknown as ArrayBuffer);
    expect(wb2.getWorksheet("ผลการประเมิน")!.rowCount).toBe(2);
  });

  it("gives an LAO's earlier results for indicators that continue an earlier round, with the change", async () => {
    expect((await h.api("PUT", "/rounds/2569", { token: admin, body: r2569 })).status).toBe(200);
    await h.setClock("2026-08-01T09:00:00+07:00");
    const doc = completeDocument(compileRound(r2569), lao("4220102"), 7);
    const sent = await h.api("POST", "/submissions", {
      token: laoToken["4220102"]!,
      body: { id: newId(), document: doc },
    });
    expect(sent.status).toBe(201);
    const res = await h.api("GET", "/laos/4220102/history/2569", { token: laoToken["4220102"]! });
    expect(res.status).toBe(200);
    expect(res.body.indicators).toHaveLength(10);
    // The client's schema (ApiClient.history) takes the server's answer as it is.
    expect(laoHistorySchema.parse(res.body)).toEqual(res.body);
    const ind = res.body.indicators.find((i: { id: string }) => i.id === "2569-1-01");
    const before = documentFor("2568", "4220102", 0).values["2568-1-01"]!.value as number;
    const now = doc.values["2569-1-01"]!.value as number;
    expect(ind.current).toEqual(expect.objectContaining({ value: now }));
    expect(ind.earlier).toEqual([
      expect.objectContaining({
        round: "2568",
        indicatorId: "2568-1-01",
        year: 2568,
        value: before,
        version: 1,
        receivedAtTh: "๑ สิงหาคม ๒๕๖๘ เวลา ๑๐.๐๐ น.",
      }),
    ]);
    expect(ind.change).toEqual(
      now === before ? { trend: "same", delta: 0 } : expect.objectContaining({ delta: now - before }),
    );
    // An LAO that submitted nothing earlier has no earlier results; the shipped rounds link nothing.
    const none = await h.api("GET", "/laos/5220107/history/2569", { token: province });
    expect(none.body.indicators.every((i: { earlier: unknown[] }) => i.earlier.length === 0)).toBe(true);
    expect((await h.api("GET", "/laos/4220102/history/2568", { token: province })).body.indicators).toEqual(
      [],
    );
    expect((await h.api("GET", "/laos/4220102/history/2569", { token: laoToken["5220105"]! })).status).toBe(
      403,
    );
  });

  it("writes the LAO's summary sheet (.xlsx) and memo (.docx) from its submission", async () => {
    const summary = await h.api("GET", "/laos/4220102/submissions/2568/summary.xlsx", { token: province });
    expect(summary.status).toBe(200);
    expect(summary.headers.get("content-disposition")).toContain("summary-2568-4220102-v1.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(summary.raw as unknown as ArrayBuffer);
    expect(wb.getWorksheet("สรุปผล")!.getCell("A1").value).toBe(
      "สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลเมืองจันทบุรี",
    );

    const memo = await h.api(
      "GET",
      `/laos/4220102/submissions/2568/memo.docx?date=2025-08-25&reference=${encodeURIComponent("จบ 52001/99")}`,
      { token: laoToken["4220102"]! },
    );
    expect(memo.status).toBe(200);
    expect(memo.headers.get("content-type")).toContain("wordprocessingml");
    const xml = await (await JSZip.loadAsync(memo.raw)).file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("บันทึกข้อความ");
    expect(text).toContain("สำนักปลัดเทศบาล เทศบาลเมืองจันทบุรี");
    expect(text).toContain("๒๕ สิงหาคม ๒๕๖๘");
    expect(text).toContain("จบ 52001/99");
    expect(text).toContain("ใบรับเลขที่ ๒๕๖๘-๔๒๒๐๑๐๒-๑");
    expect(xml).toContain('w:ascii="TH Sarabun New"');

    const missing = await h.api("GET", "/laos/5220107/submissions/2568/memo.docx", { token: province });
    expect(missing.status).toBe(404);
    const badVersion = await h.api("GET", "/laos/4220102/submissions/2568/summary.xlsx?version=9", {
      token: province,
    });
    expect(badVersion.status).toBe(404);
    expect(badVersion.body.message).toContain("ฉบับที่ 9");
  });
});
