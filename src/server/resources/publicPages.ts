import {
  evaluateSubmission,
  formatThaiDateTime,
  laoDisplayName,
  type CompiledRound,
  type Lao,
} from "../../core";
import { buildSummarySheet } from "../../core/reports/summarySheet";
import { completenessByProvince } from "../queries/dashboards";
import { getLao, laosOfProvince } from "../queries/laos";
import { publicDocument, publicResults } from "../queries/publications";
import { renderLaoPage, renderNotFound, renderProvincePage } from "../publicHtml";
import {
  bangkokToday,
  publicOrigin,
  publicPageHeaders,
  publicPaths,
  sendHeaders,
  PUBLIC_PREFIX,
} from "../publicSite";
import { breakdown } from "../results";
import { route, type RequestContext } from "../route";
import type { RoundRow } from "../queries/rounds";

/**
 * The public results pages, for everyone without signing in: one per LAO and round (the official
 * printout table and the pass rate by area), the same as a file to save, and one per province and
 * round. Only what queries/publications.ts deems public is shown, and nothing about people.
 */

const HTML = "text/html; charset=utf-8";
const REASON_TH = {
  "window-closed": "พ้นกำหนดส่งข้อมูลของรอบนี้แล้ว ผลที่ส่งจึงเผยแพร่ต่อสาธารณะ",
  published: "อปท. เลือกเผยแพร่ผลของตนก่อนกำหนดปิดรับ",
} as const;

/** A Thai 404 page (cached briefly: it may become public soon). */
function notFound(ctx: RequestContext<unknown>, heading: string, detail: string): string {
  sendHeaders(ctx.reply, { ...publicPageHeaders(), "cache-control": "no-cache" });
  void ctx.reply.code(404).type(HTML);
  return renderNotFound(heading, detail);
}

function htmlAnswer(ctx: RequestContext<unknown>, html: string, download?: string): string {
  sendHeaders(ctx.reply, publicPageHeaders());
  void ctx.reply.type(HTML);
  if (download) void ctx.reply.header("content-disposition", `attachment; filename="${download}"`);
  return html;
}

async function publicRound(
  ctx: RequestContext<unknown>,
): Promise<{ row: RoundRow; compiled: CompiledRound } | undefined> {
  const id = ctx.params.round!;
  return /^[0-9A-Za-z_-]{1,16}$/.test(id) ? ctx.services.rounds.get(ctx.q, id) : undefined;
}

const NO_ROUND = ["ไม่พบรอบการประเมินนี้", "ตรวจสอบรหัสรอบการประเมินในที่อยู่ของหน้าเว็บ"] as const;

async function laoPage(ctx: RequestContext<unknown>, file: boolean): Promise<string> {
  const round = await publicRound(ctx);
  if (!round) return notFound(ctx, ...NO_ROUND);
  const code = ctx.params.lao!;
  const lao = /^\d{7}$/.test(code) ? await getLao(ctx.q, code) : undefined;
  if (!lao)
    return notFound(ctx, "ไม่พบ อปท. นี้", `ไม่มี อปท. รหัส ${code} ในทะเบียน — ตรวจสอบรหัส 7 หลักในที่อยู่ของหน้าเว็บ`);
  const pub = await publicDocument(ctx.q, round.row.id, lao.code, bangkokToday(ctx.now));
  const name = laoDisplayName(lao.type, lao.name);
  if (!pub)
    return notFound(
      ctx,
      "ยังไม่มีผลที่เผยแพร่",
      `${name} ยังไม่ได้เผยแพร่ผลการประเมินรอบ ${round.row.title} — ผลจะเผยแพร่เมื่อพ้นกำหนดส่งข้อมูล หรือเมื่อ อปท. เลือกเผยแพร่เอง`,
    );
  const { compiled } = round;
  const report = evaluateSubmission(pub.document, compiled, lao);
  const sheet = buildSummarySheet(compiled, lao, pub.document, report, pub.receivedAt);
  const origin = publicOrigin(ctx.request);
  const abs = (path: string) => (file ? `${origin}${path}` : path);
  const html = renderLaoPage({
    sheet,
    facts: [
      ["ฉบับที่", String(pub.version)],
      ["เลขที่ใบรับ", pub.receiptNumber],
      ["เครื่องแม่ข่ายรับข้อมูลเมื่อ", formatThaiDateTime(pub.receivedAt, { digits: "arabic" })],
      ["การเผยแพร่", REASON_TH[pub.reason]],
      [file ? "ดาวน์โหลดเมื่อ" : "แสดงผลเมื่อ", formatThaiDateTime(ctx.now, { digits: "arabic" })],
      ...(file ? [["ผลล่าสุด", `${origin}${publicPaths.lao(round.row.id, lao.code)}`] as const] : []),
    ],
    links: {
      page: `${origin}${publicPaths.lao(round.row.id, lao.code)}`,
      download: publicPaths.laoDownload(round.row.id, lao.code),
      province: abs(publicPaths.province(round.row.id, lao.provinceCode)),
      provinceTh: lao.provinceTh,
      csv: abs(publicPaths.csv(round.row.id)),
    },
    embed: ctx.query.embed === "1",
    standalone: file,
  });
  return htmlAnswer(ctx, html, file ? `minstd-${round.row.id}-${lao.code}.html` : undefined);
}

function thaiPercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10000) / 100;
}

async function provincePage(ctx: RequestContext<unknown>): Promise<string> {
  const round = await publicRound(ctx);
  if (!round) return notFound(ctx, ...NO_ROUND);
  const code = ctx.params.province!;
  const types = round.compiled.round.laoTypes;
  const laos: Lao[] = /^\d{2}$/.test(code)
    ? (await laosOfProvince(ctx.q, code)).filter((l) => types.includes(l.type))
    : [];
  if (laos.length === 0)
    return notFound(ctx, "ไม่พบจังหวัดนี้", `ไม่มีจังหวัดรหัส ${code} ที่มี อปท. ซึ่งประเมินในรอบนี้ — ตรวจสอบรหัสจังหวัด 2 หลัก`);
  const province = laos[0]!;
  const published = await publicResults(ctx.q, round.row.id, bangkokToday(ctx.now), { provinceCode: code });
  const byCode = new Map(published.map((p) => [p.code, p]));
  const counts = (await completenessByProvince(ctx.q, round.row.id, types, code))[0];
  const areas = breakdown(round.compiled, published).byArea;
  const html = renderProvincePage({
    title: `ผลการประเมินของ อปท. ในจังหวัด${province.provinceTh}`,
    subtitle: [round.row.title, `ข้อมูล ณ วันที่ ${formatThaiDateTime(ctx.now, { digits: "arabic" })}`],
    completeness: [
      ["อปท. ที่ต้องประเมินในรอบนี้", String(laos.length)],
      ["ส่งข้อมูลแล้ว", String((counts?.submitted ?? 0) + (counts?.returned ?? 0))],
      ["เผยแพร่ผลแล้ว", String(published.length)],
    ],
    areas: areas.map((a) => ({
      title: a.title,
      assessed: a.assessed,
      pass: a.counts.pass,
      passRate: thaiPercent(a.passRate),
    })),
    laos: laos.map((l) => {
      const p = byCode.get(l.code);
      return {
        name: laoDisplayName(l.type, l.name),
        code: l.code,
        districtTh: l.districtTh,
        href: p ? publicPaths.lao(round.row.id, l.code) : null,
        passRate: p ? thaiPercent(p.overall.passRate) : null,
        state: p ? "เผยแพร่แล้ว" : "ยังไม่เผยแพร่",
      };
    }),
    links: {
      csv: publicPaths.csv(round.row.id),
      json: publicPaths.json(round.row.id),
      dictionary: publicPaths.dictionary(),
    },
    notes: [
      "ร้อยละที่ผ่าน = จำนวนตัวชี้วัดที่ผ่านค่าเป้าหมายขั้นต่ำ ÷ จำนวนที่ประเมินได้ (ผ่าน การพัฒนาในอนาคต และไม่ได้ดำเนินการ) × 100 ไม่นับตัวชี้วัดที่ไม่มีบริการสาธารณะ",
      "ผลของ อปท. เผยแพร่เมื่อพ้นกำหนดส่งข้อมูล (รวมการขยายเวลา) หรือเมื่อ อปท. เลือกเผยแพร่เอง ฉบับที่ถูกส่งกลับให้แก้ไขยังไม่เผยแพร่จนกว่าจะส่งฉบับใหม่",
    ],
  });
  return htmlAnswer(ctx, html);
}

export const publicPageRoutes = [
  route({
    method: "GET",
    path: `${PUBLIC_PREFIX}/rounds/:round/laos/:lao`,
    site: true,
    summary:
      "หน้าเว็บผลการประเมินของ อปท. (ไม่ต้องเข้าสู่ระบบ ฝังใน iframe ได้; ?embed=1 ไม่แสดงลิงก์และโค้ดฝัง) / an LAO's public results page (no sign-in, may be framed; ?embed=1 leaves out links and the embed code)",
    roles: "public",
    produces: [HTML],
    handler: (ctx) => laoPage(ctx, false),
  }),
  route({
    method: "GET",
    path: `${PUBLIC_PREFIX}/rounds/:round/laos/:lao/page.html`,
    site: true,
    summary:
      "หน้าผลของ อปท. เป็นไฟล์ HTML ในตัว สำหรับอัปโหลดขึ้นเว็บไซต์ของ อปท. / the same page as a self-contained HTML file to upload to the LAO's own site",
    roles: "public",
    produces: [HTML],
    handler: (ctx) => laoPage(ctx, true),
  }),
  route({
    method: "GET",
    path: `${PUBLIC_PREFIX}/rounds/:round/provinces/:province`,
    site: true,
    summary:
      "หน้าเว็บผลของ อปท. ในจังหวัด: ความครบถ้วน ร้อยละที่ผ่านรายด้าน และรายชื่อ อปท. / a province's public page: completeness, pass rate by area, its LAOs",
    roles: "public",
    produces: [HTML],
    handler: provincePage,
  }),
];
