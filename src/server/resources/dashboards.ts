import { z } from "zod";
import { LAO_TYPES, type LaoType } from "../../core";
import { provinceScope } from "../auth";
import { exportTable, toCsv, toXlsx } from "../exports";
import { completenessByProvince, currentResults, laoStatuses } from "../queries/dashboards";
import { breakdown } from "../results";
import { route, type RequestContext } from "../route";
import { parseOr400 } from "../validation";
import { requireRound } from "./rounds";

/**
 * The province and national dashboards and the exports. A province office sees its own province
 * only; the national office and admins see every province, or the one they ask for.
 */

const filters = z
  .object({
    province: z
      .string()
      .regex(/^\d{2}$/, "รหัสจังหวัดเป็นตัวเลข 2 หลัก / the province code has 2 digits")
      .optional(),
    type: z.enum(LAO_TYPES).optional(),
  })
  .strip();

const READERS = ["province", "national", "admin"] as const;

async function scoped(ctx: RequestContext<unknown>) {
  const f = parseOr400(filters, ctx.query);
  const found = await requireRound(ctx, ctx.params.round!);
  const provinceCode = provinceScope(ctx.me, f.province);
  const types: LaoType[] = found.compiled.round.laoTypes.filter((t) => !f.type || t === f.type);
  return { ...found, provinceCode, type: f.type, types };
}

export const dashboardRoutes = [
  route({
    method: "GET",
    path: "/rounds/:round/completeness",
    summary: "ความครบถ้วนรายจังหวัดเทียบกับทะเบียน อปท. / completeness per province against the register",
    roles: READERS,
    async handler(ctx) {
      const { row, provinceCode, types } = await scoped(ctx);
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
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/laos",
    summary: "รายชื่อ อปท. พร้อมสถานะ ยังไม่ส่ง/ส่งแล้ว/ส่งกลับ / the LAOs with not started, submitted, returned",
    roles: READERS,
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
    async handler(ctx) {
      const { row, compiled, provinceCode, type } = await scoped(ctx);
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
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/export.csv",
    summary: "ส่งออก CSV (UTF-8 มี BOM) / export as CSV (UTF-8 with BOM)",
    roles: READERS,
    produces: ["text/csv"],
    async handler(ctx) {
      const { row, compiled, provinceCode, type, types } = await scoped(ctx);
      const rows = await laoStatuses(
        ctx.q,
        row.id,
        types,
        { ...(provinceCode && { provinceCode }), ...(type && { type }) },
        true,
      );
      ctx.reply
        .header("content-type", "text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="minstd-${row.id}${provinceCode ? `-${provinceCode}` : ""}.csv"`,
        );
      return toCsv(exportTable(compiled, rows));
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/export.xlsx",
    summary: "ส่งออกไฟล์ Excel / export as XLSX",
    roles: READERS,
    produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    async handler(ctx) {
      const { row, compiled, provinceCode, type, types } = await scoped(ctx);
      const filter = { ...(provinceCode && { provinceCode }), ...(type && { type }) };
      const rows = await laoStatuses(ctx.q, row.id, types, filter, true);
      const completeness = await completenessByProvince(ctx.q, row.id, types, provinceCode);
      ctx.reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="minstd-${row.id}${provinceCode ? `-${provinceCode}` : ""}.xlsx"`,
        );
      return toXlsx(compiled, exportTable(compiled, rows), completeness);
    },
  }),
];
