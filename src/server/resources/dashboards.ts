import { XLSX_MEDIA_TYPE } from "../../core/workbook/workbookCheck";
import type { z } from "zod";
import {
  completenessSchema,
  csvViewQuerySchema,
  laoStatusesSchema,
  resultsSchema,
  scopeQuerySchema,
  xlsxViewQuerySchema,
} from "../../api";
import type { LaoType } from "../../core";
import { provinceScope } from "../auth";
import {
  breakdownTable,
  completenessTable,
  indicatorNamesTable,
  laoTable,
  toCsv,
  toXlsx,
  type ExportTable,
} from "../exports";
import {
  completenessByProvince,
  currentResults,
  laoStatuses,
  nationalDataStamp,
} from "../queries/dashboards";
import { breakdown } from "../results";
import { route, type RequestContext } from "../route";
import { parseOr400 } from "../validation";
import { progressList } from "./progress";
import { requireRound } from "./rounds";

/**
 * The province and national dashboards and the exports. A province office sees its own province
 * only; the national office and admins see every province, or the one they ask for.
 */

const READERS = ["province", "national", "admin"] as const;

async function scoped(ctx: RequestContext<unknown>) {
  const f = parseOr400(scopeQuerySchema, ctx.query);
  const found = await requireRound(ctx, ctx.params.round!);
  const provinceCode = provinceScope(ctx.me, f.province);
  const types: LaoType[] = found.compiled.round.laoTypes.filter((t) => !f.type || t === f.type);
  return { ...found, provinceCode, type: f.type, types };
}

/**
 * The answer for the whole country (no province, no type) is kept between requests with the stamp
 * of its data and the round's revision, and computed again when either moved: the national office's
 * first screen reads it on every load, and it is computed from every LAO's results.
 */
async function nationalOr<T>(
  ctx: RequestContext<unknown>,
  scope: Awaited<ReturnType<typeof scoped>>,
  answer: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (scope.provinceCode || scope.type) return compute();
  const stamp = `${scope.row.revision}:${await nationalDataStamp(ctx.q, scope.row.id)}`;
  return ctx.services.answers.get(`${scope.row.id}:${answer}`, stamp, compute);
}

export const dashboardRoutes = [
  route({
    method: "GET",
    path: "/rounds/:round/completeness",
    summary: "ความครบถ้วนรายจังหวัดเทียบกับทะเบียน อปท. / completeness per province against the register",
    roles: READERS,
    response: completenessSchema,
    async handler(ctx) {
      const scope = await scoped(ctx);
      const { row, provinceCode, types } = scope;
      return nationalOr(ctx, scope, "completeness", async () => {
        const provinces = await completenessByProvince(ctx.q, row.id, types, provinceCode);
        const sum = (k: "registered" | "submitted" | "returned" | "notStarted") =>
          provinces.reduce((n, p) => n + p[k], 0);
        return {
          round: row.id,
          totals: {
            registered: sum("registered"),
            submitted: sum("submitted"),
            returned: sum("returned"),
            notStarted: sum("notStarted"),
          },
          provinces,
        };
      });
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/laos",
    summary: "รายชื่อ อปท. พร้อมสถานะ ยังไม่ส่ง/ส่งแล้ว/ส่งกลับ / the LAOs with not started, submitted, returned",
    roles: READERS,
    response: laoStatusesSchema,
    async handler(ctx) {
      const { row, provinceCode, type, types } = await scoped(ctx);
      const rows = await laoStatuses(
        ctx.q,
        row.id,
        types,
        { ...(provinceCode && { provinceCode }), ...(type && { type }) },
        true,
      );
      return rows.map((r) => ({
        code: r.code,
        name: r.name,
        type: r.type,
        provinceCode: r.provinceCode,
        districtTh: r.districtTh,
        state: r.state ?? "not-started",
        version: r.version,
        passRate: r.overall?.passRate ?? null,
        counts: r.overall?.counts ?? null,
      }));
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/results",
    summary:
      "ผลการประเมินรายตัวชี้วัด ด้าน ประเภท อปท. และจังหวัด / results by indicator, area, LAO type and province",
    roles: READERS,
    response: resultsSchema,
    async handler(ctx) {
      const scope = await scoped(ctx);
      const { row, compiled, provinceCode, type } = scope;
      return nationalOr(ctx, scope, "results", async () => {
        const rows = await currentResults(ctx.q, row.id, {
          ...(provinceCode && { provinceCode }),
          ...(type && { type }),
        });
        return {
          round: row.id,
          province: provinceCode ?? null,
          type: type ?? null,
          ...breakdown(compiled, rows),
        };
      });
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/export.csv",
    summary:
      "ส่งออก CSV (UTF-8 มี BOM) ของรายการหรือตารางที่แสดง ตามตัวกรอง / export what is on screen as CSV (UTF-8 with BOM), with its filters",
    roles: READERS,
    produces: ["text/csv"],
    async handler(ctx) {
      const view = parseOr400(csvViewQuerySchema, ctx.query).view;
      const { table, file } = await exportTables(ctx, view);
      ctx.reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file}.csv"`);
      return toCsv(table[0]!);
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/export.xlsx",
    summary:
      "ส่งออกไฟล์ Excel ของรายการ อปท. หรือตารางระดับประเทศ ตามตัวกรอง / export the LAO list or the national tables as XLSX, with the filters",
    roles: READERS,
    produces: [XLSX_MEDIA_TYPE],
    async handler(ctx) {
      const view = parseOr400(xlsxViewQuerySchema, ctx.query).view;
      const { table, file } = await exportTables(ctx, view);
      ctx.reply
        .header("content-type", XLSX_MEDIA_TYPE)
        .header("content-disposition", `attachment; filename="${file}.xlsx"`);
      return toXlsx(table);
    },
  }),
];

/**
 * The tables of an export: the LAO list (with every filter of the list), or the national tables
 * (completeness and results, with the province and type filters).
 */
async function exportTables(
  ctx: RequestContext<unknown>,
  view: z.output<typeof csvViewQuerySchema>["view"] | z.output<typeof xlsxViewQuerySchema>["view"],
): Promise<{ table: ExportTable[]; file: string }> {
  if (view === "laos") {
    const list = await progressList(ctx);
    const file = `minstd-${list.roundId}${list.provinceCode ? `-${list.provinceCode}` : ""}`;
    const types = list.compiled.round.laoTypes.filter((t) => list.all.some((r) => r.type === t));
    const completeness = await completenessByProvince(ctx.q, list.roundId, types, list.provinceCode);
    return {
      file,
      table: [
        laoTable(list.compiled, list.shown),
        indicatorNamesTable(list.compiled),
        completenessTable(completeness),
      ],
    };
  }
  const { row, compiled, provinceCode, type, types } = await scoped(ctx);
  const file = `minstd-${row.id}${provinceCode ? `-${provinceCode}` : ""}-${view}`;
  const completeness = () => completenessByProvince(ctx.q, row.id, types, provinceCode);
  const results = async () =>
    breakdown(
      compiled,
      await currentResults(ctx.q, row.id, { ...(provinceCode && { provinceCode }), ...(type && { type }) }),
    );
  if (view === "completeness") return { file, table: [completenessTable(await completeness())] };
  if (view === "national") {
    const b = await results();
    return {
      file,
      table: [
        completenessTable(await completeness()),
        breakdownTable(compiled, b, "areas"),
        breakdownTable(compiled, b, "indicators"),
        breakdownTable(compiled, b, "types"),
        breakdownTable(compiled, b, "provinces"),
      ],
    };
  }
  return { file, table: [breakdownTable(compiled, await results(), view)] };
}
