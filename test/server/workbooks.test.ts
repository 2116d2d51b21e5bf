import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  formatInputPath,
  type InputField,
  collectionLayout,
  shippedRound,
  XLSX_MEDIA_TYPE,
  type SubmissionDocument,
} from "../../src/core";
import { workbookCheckSchema } from "../../src/api";
import { cli, filledWorkbook } from "../cli/workbooks";
import {
  BACKENDS,
  documentFor,
  lao,
  LAO_22,
  LAO_22_OTHER,
  newId,
  startHarness,
  type Harness,
} from "./harness";

/**
 * POST /me/workbooks/check: an LAO uploads its filled collection workbook from the web app and gets
 * the document and the problems of `minstd check`, each at its sheet and cell. Nothing is stored.
 */

/** The central directory entry of `part` claims `bytes` unpacked (a ZIP bomb's small file, big claim). */
function claimUnpacked(zip: Buffer, bytes: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.length - 22; at >= 0; at--) {
    if (out.readUInt32LE(at) !== 0x06054b50) continue;
    const directory = out.readUInt32LE(at + 16);
    out.writeUInt32LE(bytes, directory + 24);
    return out;
  }
  throw new Error("not a zip");
}

describe.each(BACKENDS)("uploaded collection workbooks on %s", (backend) => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-upload-"));
  const layout = collectionLayout(shippedRound("2563")!, lao(LAO_22));
  const complete = documentFor("2563", LAO_22, 1);
  const [ratioId, blankId] = Object.keys(complete.values).filter((id) => "served" in complete.values[id]!);
  let h: Harness;
  let token: string;
  let good: Buffer;
  let withMistakes: Buffer;

  async function workbook(name: string, document: SubmissionDocument): Promise<Buffer> {
    await filledWorkbook(join(dir, name), document);
    return readFileSync(join(dir, name));
  }

  beforeAll(async () => {
    h = await startHarness(backend);
    token = await h.signIn("lao", { lao: LAO_22 });
    good = await workbook("good.xlsx", complete);
    const values = {
      ...complete.values,
      [ratioId!]: { base: 120, served: "45 ราย" },
      [blankId!]: {},
    };
    withMistakes = await workbook("mistakes.xlsx", { ...complete, values });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (body: Buffer | string, t = token, type = XLSX_MEDIA_TYPE) =>
    h.api("POST", "/me/workbooks/check", { token: t, body, headers: { "content-type": type } });

  it("reads a good workbook into the document the pane would send, stores nothing, and the document is then accepted", async () => {
    const before = await h.countStored();
    const res = await check(good);
    expect(res.status).toBe(200);
    const body = workbookCheckSchema.parse(res.body);
    expect(body).toEqual(
      expect.objectContaining({ round: "2563", readable: true, complete: true, problems: [] }),
    );
    expect(body.lao).toEqual({ code: LAO_22, type: lao(LAO_22).type, name: lao(LAO_22).name });
    expect(body.document!.values[ratioId!]).toEqual(complete.values[ratioId!]);
    expect(body.document!.basic?.population).toBe(complete.basic!.population);
    expect(await h.countStored()).toEqual(before);

    const sent = await h.api("POST", "/submissions", {
      token,
      body: { id: newId(), document: body.document },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.version).toBe(1);
  });

  it("lists each mistake with its sheet and cell, in Thai, and does not call the workbook complete", async () => {
    const res = await check(withMistakes);
    expect(res.status).toBe(200);
    const body = workbookCheckSchema.parse(res.body);
    expect(body.readable).toBe(false);
    expect(body.complete).toBe(false);
    const served = layout.inputs.get(`values.${ratioId}.served`)!;
    const blank = layout.inputs.get(`values.${blankId}.base`)!;
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: `values.${ratioId}.served`,
          severity: "error",
          sheet: served.sheet,
          cell: served.cell,
          message: expect.stringContaining("พิมพ์เฉพาะตัวเลข"),
        }),
        expect.objectContaining({
          path: `values.${blankId}.base`,
          code: "not-entered",
          severity: "warning",
          sheet: blank.sheet,
          cell: blank.cell,
        }),
      ]),
    );
  });

  it("finds the problems `minstd check` finds in the same file, at the same cells", async () => {
    const res = await check(withMistakes);
    const byCli = JSON.parse((await cli(["check", join(dir, "mistakes.xlsx"), "--json"])).out) as {
      results: Array<{ id: string; field?: string; message?: string; sheet?: string; cell?: string }>;
      problems: Array<{ path: string; message: string; sheet?: string; cell?: string }>;
    };
    const key = (p: { path: string; message: string; sheet?: string; cell?: string }) =>
      `${p.path} ${p.sheet}!${p.cell} ${p.message}`;
    // The CLI prints an indicator's problem on its result line; the web names the indicator in it.
    const expected = [
      ...byCli.results
        .filter((r) => r.message)
        .map((r) =>
          key({
            ...r,
            path: formatInputPath({ indicatorId: r.id, ...(r.field && { field: r.field as InputField }) }),
            message: `ตัวชี้วัด ${r.id}: ${r.message}`,
          }),
        ),
      ...byCli.problems.map(key),
    ];
    expect(expected.length).toBeGreaterThan(0);
    // The web lists indicators with nothing entered too, which the CLI prints as "…" lines.
    const web = (res.body.problems as Array<{ path: string; message: string; code: string }>)
      .filter((p) => p.code !== "not-entered")
      .map(key);
    expect(web.sort()).toEqual(expected.sort());
  });

  it("refuses a file that is not an .xlsx with a Thai message", async () => {
    const res = await check(Buffer.from("นี่ไม่ใช่แฟ้ม Excel เลย ".repeat(40)));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("workbook-unreadable");
    expect(res.body.message).toContain(".xlsx");
    // A ZIP archive that is not a workbook either.
    const damaged = Buffer.from(good);
    damaged.fill(0x41, 200, 2000);
    const res2 = await check(damaged);
    expect([res2.status, res2.body.code]).toEqual([422, "workbook-unreadable"]);
  });

  it("refuses an Excel workbook that is not a MinStd collection workbook", async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet("งบประมาณ").getCell("A1").value = "รายจ่ายประจำปี";
    const res = await check(Buffer.from(await other.xlsx.writeBuffer()));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("workbook-not-collection");
    expect(res.body.message).toContain("ไม่ใช่แบบรวบรวมข้อมูลของ MinStd");
  });

  it("refuses another LAO's workbook without showing its data", async () => {
    const theirs = await workbook("other.xlsx", documentFor("2563", LAO_22_OTHER, 2));
    const res = await check(theirs);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("workbook-other-lao");
    expect(res.body.message).toContain(LAO_22_OTHER);
    expect(res.raw.toString("utf8")).not.toContain("values");
  });

  it("refuses a file too large to be a collection workbook, and one that would unpack too large", async () => {
    const big = Buffer.concat([good, Buffer.alloc(1024 * 1024)]);
    const res = await check(big);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("workbook-too-large");
    expect(res.body.message).toContain("KB");
    const bomb = await check(claimUnpacked(good, 0x7fffffff));
    expect(bomb.status).toBe(413);
    expect(bomb.body.code).toBe("workbook-too-large");
  });

  it("takes workbooks from LAO officers only, as an .xlsx body", async () => {
    const province = await h.signIn("province", { province: "22" });
    expect((await check(good, province)).status).toBe(403);
    const json = await h.api("POST", "/me/workbooks/check", { token, body: { document: complete } });
    expect([json.status, json.body.code]).toEqual([415, "workbook-required"]);
    const anonymous = await h.api("POST", "/me/workbooks/check", {
      body: good,
      headers: { "content-type": XLSX_MEDIA_TYPE },
    });
    expect(anonymous.status).toBe(401);
  });
});
