import { progressQuerySchema, progressSchema, type ProgressLao, type ProgressQuery } from "../../api";
import {
  laoListMatcher,
  laoProgress,
  PROGRESS,
  toBangkokIso,
  type CompiledRound,
  type Progress,
} from "../../core";
import { provinceScope } from "../auth";
import { laoProgressRows, type LaoProgressRow } from "../queries/dashboards";
import { route, type RequestContext } from "../route";
import { effectiveWindow } from "../services";
import { parseOr400 } from "../validation";
import { windowInfo } from "../windowInfo";
import { requireRound } from "./rounds";

/**
 * The province view's list: every LAO of the register in scope with where it stands (not started,
 * submitted with its version and time, returned, late with extensions respected), filtered as on
 * screen. The exports read the same list with the same filters.
 */

export const listFilters = progressQuerySchema;
export type ListFilters = ProgressQuery;

/** A row of the list: what the page gets, and for the exports the compact results and the time of the last change. */
export interface ProgressRow extends ProgressLao {
  /** Compact results, one letter per indicator (exports only; not sent to the page). */
  statuses: string | null;
  updatedAt: Date | null;
}

export interface ProgressList {
  compiled: CompiledRound;
  roundId: string;
  provinceCode: string | undefined;
  window: { opens: string; closes: string };
  /** Every LAO in scope (province and type), before the other filters. */
  all: ProgressRow[];
  /** The rows that pass every filter. */
  shown: ProgressRow[];
}

function toRow(r: LaoProgressRow, window: { opens: string; closes: string }, now: Date): ProgressRow {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    provinceCode: r.provinceCode,
    provinceTh: r.provinceTh,
    districtCode: r.districtCode,
    districtTh: r.districtTh,
    progress: laoProgress(r.state, effectiveWindow(window, r.extensionCloses), now),
    version: r.version,
    submittedAt: r.submittedAt ? toBangkokIso(r.submittedAt) : null,
    extensionCloses: r.extensionCloses,
    passRate: r.overall?.passRate ?? null,
    counts: r.overall ? { ...r.overall.counts } : null,
    statuses: r.statuses,
    updatedAt: r.updatedAt,
  };
}

/** The list in scope for the caller, with the request's filters applied. */
export async function progressList(ctx: RequestContext<unknown>): Promise<ProgressList> {
  const f = parseOr400(listFilters, ctx.query);
  const { row, compiled } = await requireRound(ctx, ctx.params.round!);
  const provinceCode = provinceScope(ctx.me, f.province);
  const types = compiled.round.laoTypes.filter((t) => !f.type || t === f.type);
  const rows = await laoProgressRows(ctx.q, row.id, types, {
    ...(provinceCode && { provinceCode }),
    ...(f.type && { type: f.type }),
  });
  const all = rows.map((r) => toRow(r, row, ctx.now));
  const match = laoListMatcher({
    ...(f.status && { progress: f.status }),
    ...(f.district && { district: f.district }),
    ...(f.q && { search: f.q }),
  });
  return { compiled, roundId: row.id, provinceCode, window: row, all, shown: all.filter(match) };
}

export const progressRoutes = [
  route({
    method: "GET",
    path: "/rounds/:round/progress",
    summary:
      "รายชื่อ อปท. พร้อมสถานะ ยังไม่ส่ง/ส่งแล้ว/ส่งกลับ/เลยกำหนด และตัวกรอง / the LAOs with not started, submitted, returned, late, filtered",
    roles: ["province", "national", "admin"],
    response: progressSchema,
    async handler(ctx) {
      const list = await progressList(ctx);
      const counts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<Progress, number>;
      for (const r of list.all) counts[r.progress] += 1;
      return {
        round: list.roundId,
        asOf: toBangkokIso(ctx.now),
        window: windowInfo(list.window, ctx.now),
        province: list.provinceCode ? { code: list.provinceCode, th: list.all[0]?.provinceTh ?? null } : null,
        total: list.all.length,
        counts,
        laos: list.shown.map(({ statuses: _s, updatedAt: _u, ...rest }) => rest),
      };
    },
  }),
];
