import { returnedSchema, returnRequestSchema } from "../../api";
import { requireLaoAccess } from "../auth";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { getSubmission, insertReturn } from "../queries/submissions";
import { route } from "../route";
import { requireLao, requireRound } from "./rounds";

/** A province office returns an LAO's latest version with comments per indicator; the LAO's next version answers it. */

export const returnRoutes = [
  route({
    method: "POST",
    path: "/laos/:lao/submissions/:round/returns",
    summary: "ส่งกลับให้ อปท. แก้ไข พร้อมความเห็นรายตัวชี้วัด / return a submission with comments per indicator",
    roles: ["province"],
    body: returnRequestSchema,
    response: returnedSchema,
    write: true,
    status: 201,
    async handler(ctx) {
      const lao = await requireLao(ctx, ctx.params.lao!);
      requireLaoAccess(ctx.me, lao);
      const { row, compiled } = await requireRound(ctx, ctx.params.round!);
      const unknown = Object.keys(ctx.body.comments).filter((id) => !compiled.byId.has(id));
      if (unknown.length > 0)
        throw problems.badRequest(
          unknown.map((id) => ({
            path: `comments.${id}`,
            message: `ไม่มีตัวชี้วัดรหัส ${id} ในรอบ ${row.id}`,
            messageEn: `no indicator ${id} in round ${row.id}`,
          })),
        );
      const current = await getSubmission(ctx.q, row.id, lao.code);
      if (!current)
        throw problems.notFound(
          `ข้อมูลที่ อปท. ${lao.code} ส่งในรอบ ${row.id}`,
          `submission of LAO ${lao.code} in round ${row.id}`,
        );
      if (ctx.body.version !== current.version) throw problems.returnStale(ctx.body.version, current.version);
      if (current.state === "returned") throw problems.alreadyReturned(current.version);
      await insertReturn(ctx.q, {
        submissionId: current.id,
        version: current.version,
        comments: ctx.body.comments,
        note: ctx.body.note ?? null,
        returnedBy: ctx.me.userId,
        returnedAt: ctx.now,
      });
      await audit(ctx.q, "submission.return", ctx.me.userId, `lao:${lao.code}`, {
        round: row.id,
        version: current.version,
        indicators: Object.keys(ctx.body.comments),
      });
      return { round: row.id, lao: lao.code, version: current.version, state: "returned" as const };
    },
  }),
];
