import type { z } from "zod";
import {
  laoSubmissionSchema,
  receiptSchema,
  submitRequestSchema,
  type Receipt,
  type ReturnComments,
  type VersionView,
} from "../../api";
import {
  evaluateSubmission,
  formatThaiDateTime,
  parseSubmission,
  reportProblems,
  toBangkokIso,
  type Lao,
} from "../../core";
import { requireLaoAccess } from "../auth";
import { problems } from "../problems";
import {
  getSubmission,
  insertFirstVersion,
  insertNextVersion,
  listReturns,
  listVersions,
  lockLaoRound,
  submissionContext,
  type VersionRow,
} from "../queries/submissions";
import { encodeStatuses, storedResults } from "../results";
import { route, type Answer, type RequestContext } from "../route";
import { contentHash } from "../secrets";
import { effectiveWindow } from "../services";
import { requireOpen } from "../windowInfo";
import { requireLao, requireRound } from "./rounds";

/**
 * Submissions, with the rules of ODK Central's version chains:
 * - the client names each version with its own id; the same id and the same content again is a
 *   retry and gets the same receipt (200); the same id with other content is a 409;
 * - a later version names the version it replaces; naming none, or one that is no longer the
 *   latest, is a 409 (the officer edited a stale copy);
 * - the server scores the document with the core and keeps its own results, never the client's.
 * Every write for one LAO and round is serialised by an advisory lock inside the transaction,
 * so concurrent retries cannot both create a version.
 */

export function receiptOf(v: VersionRow): Answer<Receipt> {
  return {
    receiptNumber: v.receiptNumber,
    id: v.instanceId,
    replaces: v.replacesId,
    version: v.version,
    round: v.roundId,
    lao: v.laoCode,
    receivedAt: toBangkokIso(v.receivedAt),
    receivedAtTh: formatThaiDateTime(v.receivedAt),
    contentHash: `sha256:${v.contentHash}`,
    summary: v.summary,
  };
}

async function submit(ctx: RequestContext<z.infer<typeof submitRequestSchema>>): Promise<Answer<Receipt>> {
  const { q, me, body, now } = ctx;
  const parsed = parseSubmission(body.document);
  if (!parsed.ok) throw problems.documentRejected("invalid", parsed.problems);
  const doc = parsed.document;
  if (doc.lao !== me.laoCode) throw problems.notYourLao(doc.lao);
  // Of the document as sent: an older client still sends the results it showed (dropped by
  // parseSubmission, never stored) and checks its receipt, and retries, against that hash.
  const hash = contentHash(body.document);
  const replaces = body.replaces ?? null;

  await lockLaoRound(q, doc.round, doc.lao);
  const context = await submissionContext(q, doc.round, doc.lao, body.id);
  const existing = context.existing;
  if (existing) {
    const same =
      existing.contentHash === hash &&
      existing.laoCode === doc.lao &&
      existing.roundId === doc.round &&
      existing.replacesId === replaces;
    if (!same) throw problems.submissionIdConflict(body.id);
    ctx.reply.code(200);
    return receiptOf(existing);
  }

  if (!context.round) await requireRound(ctx, doc.round); // throws the not-found problem, naming the known rounds
  const row = context.round!;
  const compiled = (await ctx.services.rounds.compiled(q, row.id, row.revision))!;
  const lao: Lao | null = context.lao;
  if (!lao) throw problems.unknownLao(doc.lao);
  if (!compiled.round.laoTypes.includes(lao.type)) throw problems.roundNotForLao(row.id, lao.type);
  requireOpen(effectiveWindow(row, context.extensionCloses), now);

  const report = evaluateSubmission(doc, compiled, lao);
  const found = reportProblems(report, compiled);
  if (!report.readable)
    throw problems.documentRejected(
      "invalid",
      found.filter((p) => p.severity === "error"),
    );
  if (!report.complete) throw problems.documentRejected("incomplete", found);

  const current = context.current;
  const currentRef = current && {
    id: current.currentInstanceId,
    version: current.version,
    receiptNumber: current.currentReceiptNumber,
  };
  if (!current && replaces !== null) throw problems.replacesUnknown(replaces);
  if (current && replaces === null) throw problems.versionRequired(currentRef!);
  if (current && replaces !== current.currentInstanceId) throw problems.staleVersion(replaces!, currentRef!);

  const version = current ? current.version + 1 : 1;
  const newVersion = {
    roundId: row.id,
    laoCode: lao.code,
    instanceId: body.id,
    replacesId: replaces,
    receiptNumber: `${row.id}-${lao.code}-${version}`,
    contentHash: hash,
    document: doc,
    results: storedResults(report),
    summary: report.summary,
    statuses: encodeStatuses(compiled, report),
    userId: me.userId,
    tokenId: me.tokenId,
    receivedAt: now,
    audit: {
      action: current ? "submission.version" : "submission.create",
      subject: `lao:${lao.code}`,
      details: { round: row.id, version, id: body.id },
    },
  };
  const versionId = current
    ? await insertNextVersion(q, current.id, version, newVersion)
    : await insertFirstVersion(q, newVersion);
  ctx.reply.code(201);
  return receiptOf({
    id: versionId,
    submissionId: current?.id ?? 0,
    roundId: row.id,
    laoCode: lao.code,
    instanceId: body.id,
    version,
    replacesId: replaces,
    receiptNumber: newVersion.receiptNumber,
    contentHash: hash,
    summary: report.summary,
    receivedAt: now,
  });
}

export const submissionRoutes = [
  route({
    method: "POST",
    path: "/submissions",
    summary:
      "ส่งข้อมูล (เอกสารส่งข้อมูลพร้อมรหัสการส่งที่เครื่องสร้าง) ได้ใบรับ / submit a document with a client-made id; returns a receipt",
    roles: ["lao"],
    body: submitRequestSchema,
    response: receiptSchema,
    write: true,
    status: 201,
    handler: submit,
  }),
  route({
    method: "GET",
    path: "/laos/:lao/submissions/:round",
    summary:
      "ข้อมูลที่ อปท. ส่งในรอบหนึ่ง ทุกฉบับ พร้อมผลและความเห็น / every version an LAO sent in a round, with results and comments",
    roles: ["lao", "province", "national", "admin"],
    response: laoSubmissionSchema,
    async handler(ctx) {
      const lao = await requireLao(ctx, ctx.params.lao!);
      requireLaoAccess(ctx.me, lao);
      const { row } = await requireRound(ctx, ctx.params.round!);
      const current = await getSubmission(ctx.q, row.id, lao.code);
      if (!current)
        throw problems.notFound(
          `ข้อมูลที่ อปท. ${lao.code} ส่งในรอบ ${row.id}`,
          `submission of LAO ${lao.code} in round ${row.id}`,
        );
      const versions = await listVersions(ctx.q, { laoCode: lao.code, roundId: row.id }, true);
      const returns = await listReturns(ctx.q, { laoCode: lao.code, roundId: row.id });
      return {
        round: row.id,
        lao,
        state: current.state,
        version: current.version,
        versions: versions.map((v): Answer<VersionView> => ({
          ...receiptOf(v),
          document: v.document as VersionView["document"],
          results: v.results as VersionView["results"],
        })),
        returns: returns.map(returnView),
      };
    },
  }),
];

export function returnView(r: Awaited<ReturnType<typeof listReturns>>[number]): ReturnComments {
  return {
    round: r.roundId,
    lao: r.laoCode,
    version: r.version,
    comments: r.comments,
    note: r.note,
    returnedBy: r.returnedByName,
    returnedAt: toBangkokIso(r.returnedAt),
    returnedAtTh: formatThaiDateTime(r.returnedAt),
  };
}
