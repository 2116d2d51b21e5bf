import { XLSX_MEDIA_TYPE } from "../../core/workbook/workbookCheck";
import { problemEn } from "../../i18n/problems";
import { laoHistorySchema, memoQuerySchema, versionQuerySchema, type LaoHistory } from "../../api";
import {
  appliesTo,
  bangkokStartOfDay,
  compareWithEarlier,
  evaluateSubmission,
  formatThaiDateTime,
  indicatorLineage,
  statusLabel,
  toBangkokIso,
  type Lao,
  type Round,
  type Status,
  type SubmissionDocument,
} from "../../core";
import { buildMemo } from "../../core/reports/memo";
import { buildSummarySheet } from "../../core/reports/summarySheet";
import { DOCX_TYPE, memoDocx } from "../../docx/memoDocx";
import { configuredEmblem } from "../../dataFiles/garudaImage";
import { summarySheetXlsx } from "../../xlsx/summarySheetWriter";
import { requireLaoAccess } from "../auth";
import { problems } from "../problems";
import { earlierResults } from "../queries/dashboards";
import { listRounds } from "../queries/rounds";
import { listReturns, listVersions } from "../queries/submissions";
import { route, type RequestContext } from "../route";
import { parseOr400 } from "../validation";
import { requireLao, requireRound } from "./rounds";

/**
 * An LAO's own report, from what it submitted: the summary sheet of the official printout as .xlsx,
 * the memo to its executives as .docx, and year over year: its results in earlier rounds for the
 * indicators that continue one of them. Readable by the LAO itself, its province, national, admin.
 */

const ALL = ["lao", "province", "national", "admin"] as const;

/** The version asked for (default the current one) with its document scored by the core. */
async function scoredVersion(ctx: RequestContext<unknown>, version: number | undefined) {
  const lao = await requireLao(ctx, ctx.params.lao!);
  requireLaoAccess(ctx.me, lao);
  const { row, compiled } = await requireRound(ctx, ctx.params.round!);
  const versions = await listVersions(ctx.q, { laoCode: lao.code, roundId: row.id }, true);
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!chosen)
    throw problems.notFound(
      version === undefined
        ? `ข้อมูลที่ อปท. ${lao.code} ส่งในรอบ ${row.id}`
        : `ฉบับที่ ${version} ที่ อปท. ${lao.code} ส่งในรอบ ${row.id}`,
      version === undefined
        ? `submission of LAO ${lao.code} in round ${row.id}`
        : `version ${version} of LAO ${lao.code} in round ${row.id}`,
    );
  const document = chosen.document as SubmissionDocument;
  return {
    lao,
    compiled,
    version: chosen,
    document,
    report: evaluateSubmission(document, compiled, lao, problemEn),
  };
}

/** Every round the server holds, parsed (for following `continues` links). */
async function knownRounds(ctx: RequestContext<unknown>): Promise<Round[]> {
  const rows = await listRounds(ctx.q);
  const compiled = await Promise.all(rows.map((r) => ctx.services.rounds.compiled(ctx.q, r.id, r.revision)));
  return compiled.flatMap((c) => (c ? [c.round] : []));
}

type Stored = { status: string; value?: number } | null | undefined;

/** Year over year for one LAO: each linked indicator with its earlier results, newest first, and the change. */
async function history(ctx: RequestContext<unknown>, lao: Lao, roundId: string): Promise<LaoHistory> {
  const { compiled } = await requireRound(ctx, roundId);
  const rounds = await knownRounds(ctx);
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const lineage = indicatorLineage(compiled.round, rounds);
  const applicable = compiled.indicators.filter((i) => appliesTo(i, lao.type) && lineage.has(i.def.id));
  const wanted = applicable.flatMap((i) => [
    { roundId: compiled.round.id, indicatorId: i.def.id },
    ...lineage.get(i.def.id)!.map((l) => ({ roundId: l.roundId, indicatorId: l.indicatorId })),
  ]);
  const found = new Map((await earlierResults(ctx.q, lao.code, wanted)).map((r) => [r.roundId, r]));
  const point = (stored: Stored) =>
    stored
      ? { status: stored.status as Status, ...(stored.value !== undefined && { value: stored.value }) }
      : null;
  return {
    round: compiled.round.id,
    lao: lao.code,
    indicators: applicable.map((ind) => {
      const current = point(found.get(compiled.round.id)?.results?.[ind.def.id]);
      const earlier = lineage.get(ind.def.id)!.flatMap((link) => {
        const sub = found.get(link.roundId);
        const p = point(sub?.results?.[link.indicatorId]);
        if (!sub || !p) return [];
        return [
          {
            round: link.roundId,
            year: link.year,
            indicatorId: link.indicatorId,
            kind: link.kind,
            ...p,
            label: statusLabel(p.status, byId.get(link.roundId)!),
            version: sub.version,
            receivedAt: toBangkokIso(new Date(sub.receivedAt)),
            receivedAtTh: formatThaiDateTime(new Date(sub.receivedAt)),
          },
        ];
      });
      const latest = earlier[0];
      return {
        id: ind.def.id,
        current,
        earlier,
        change: current && latest ? compareWithEarlier(ind, current, latest, latest.kind) : null,
      };
    }),
  };
}

export const reportRoutes = [
  route({
    method: "GET",
    path: "/laos/:lao/history/:round",
    summary:
      "ผลของ อปท. ในรอบก่อน ๆ ของตัวชี้วัดเดียวกัน และการเปลี่ยนแปลง / an LAO's earlier results for the same indicators, and the change",
    roles: ALL,
    response: laoHistorySchema,
    async handler(ctx) {
      const lao = await requireLao(ctx, ctx.params.lao!);
      requireLaoAccess(ctx.me, lao);
      return history(ctx, lao, ctx.params.round!);
    },
  }),
  route({
    method: "GET",
    path: "/laos/:lao/submissions/:round/summary.xlsx",
    summary:
      "สรุปผลประเมินการจัดบริการสาธารณะ (แบบเดียวกับที่ระบบพิมพ์) เป็นไฟล์ Excel / the summary sheet shaped like the official printout, as XLSX",
    roles: ALL,
    produces: [XLSX_MEDIA_TYPE],
    async handler(ctx) {
      const q = parseOr400(versionQuerySchema, ctx.query);
      const { lao, compiled, version, document, report } = await scoredVersion(ctx, q.version);
      const model = buildSummarySheet(compiled, lao, document, report, version.receivedAt);
      ctx.reply
        .header("content-type", XLSX_MEDIA_TYPE)
        .header(
          "content-disposition",
          `attachment; filename="summary-${compiled.round.id}-${lao.code}-v${version.version}.xlsx"`,
        );
      return summarySheetXlsx(model);
    },
  }),
  route({
    method: "GET",
    path: "/laos/:lao/submissions/:round/memo.docx",
    summary:
      "ร่างบันทึกข้อความรายงานผลการประเมินต่อผู้บริหาร (.docx) / a draft memo to the LAO's executives reporting the results (.docx)",
    roles: ALL,
    produces: [DOCX_TYPE],
    async handler(ctx) {
      const q = parseOr400(memoQuerySchema, ctx.query);
      const { lao, compiled, version, report } = await scoredVersion(ctx, q.version);
      // A version the province returned for correction is reported as such, not as final.
      const returns = await listReturns(ctx.q, { laoCode: lao.code, roundId: compiled.round.id });
      const returned = returns.find((r) => r.version === version.version);
      const memo = buildMemo(compiled, lao, report, {
        ...(returned && { returnedAt: returned.returnedAt }),
        date: q.date ? bangkokStartOfDay(q.date) : ctx.now,
        receipt: { number: version.receiptNumber, receivedAt: version.receivedAt },
        ...(q.reference && { reference: q.reference }),
        ...(q.department && { department: q.department }),
        ...(q.to && { to: q.to }),
        ...((q.signer || q.position) && { signer: { name: q.signer ?? "", position: q.position ?? "" } }),
      });
      ctx.reply
        .header("content-type", DOCX_TYPE)
        .header(
          "content-disposition",
          `attachment; filename="memo-${compiled.round.id}-${lao.code}-v${version.version}.docx"`,
        );
      const emblem = configuredEmblem();
      return Buffer.from(await memoDocx(memo, emblem && { emblem }));
    },
  }),
];
