import {
  openDataCsvRows,
  openDataDictionary,
  openDataRow,
  toBangkokIso,
  type OpenDataDocument,
} from "../../core";
import { csvText } from "../../core/reports/csv";
import { OPEN_DATA_EN } from "../../i18n";
import { publicResults } from "../queries/publications";
import {
  bangkokToday,
  openDataHeaders,
  publicOrigin,
  publicPaths,
  sendHeaders,
  PUBLIC_PREFIX,
} from "../publicSite";
import { route, type RequestContext } from "../route";
import { requireRound } from "./rounds";

/**
 * Open data: every LAO's public results of a round as CSV and JSON, and the data dictionary that
 * describes both. The row is core's openDataRowSchema; the header and dictionary follow from it.
 */

async function roundDocument(ctx: RequestContext<unknown>): Promise<OpenDataDocument> {
  const { row } = await requireRound(ctx, ctx.params.round!);
  const origin = publicOrigin(ctx.request);
  const rows = await publicResults(ctx.q, row.id, bangkokToday(ctx.now));
  sendHeaders(ctx.reply, openDataHeaders());
  return {
    round: { id: row.id, year: row.year, title: row.title },
    generatedAt: toBangkokIso(ctx.now),
    dictionary: `${origin}${publicPaths.dictionary()}`,
    rows: rows.map((r) =>
      openDataRow({
        round: { id: row.id, year: row.year },
        lao: r,
        version: r.version,
        receiptNumber: r.receiptNumber,
        receivedAt: new Date(r.receivedAt),
        reason: r.reason,
        overall: r.overall,
        pageUrl: `${origin}${publicPaths.lao(row.id, r.code)}`,
      }),
    ),
  };
}

export const openDataRoutes = [
  route({
    method: "GET",
    path: `${PUBLIC_PREFIX}/rounds/:round/results.csv`,
    site: true,
    summary:
      "ข้อมูลเปิด: ผลที่เผยแพร่ของทุก อปท. ในรอบ เป็น CSV (UTF-8 มี BOM) / open data: every LAO's public results of a round as CSV (UTF-8 with BOM)",
    roles: "public",
    produces: ["text/csv"],
    async handler(ctx) {
      const doc = await roundDocument(ctx);
      ctx.reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="minstd-public-results-${doc.round.id}.csv"`);
      return csvText(openDataCsvRows(doc.rows));
    },
  }),
  route({
    method: "GET",
    path: `${PUBLIC_PREFIX}/rounds/:round/results.json`,
    site: true,
    summary:
      "ข้อมูลเปิด: ผลที่เผยแพร่ของทุก อปท. ในรอบ เป็น JSON / open data: every LAO's public results of a round as JSON",
    roles: "public",
    async handler(ctx) {
      return roundDocument(ctx);
    },
  }),
  route({
    method: "GET",
    path: publicPaths.dictionary(),
    site: true,
    summary:
      "คำอธิบายข้อมูลเปิด: ทุกคอลัมน์ของ CSV และทุกช่องของ JSON พร้อม JSON Schema / the open data's dictionary: every column and field, with the JSON Schema",
    roles: "public",
    async handler(ctx) {
      sendHeaders(ctx.reply, { ...openDataHeaders(), "cache-control": "public, max-age=3600" });
      return openDataDictionary(OPEN_DATA_EN);
    },
  }),
];
