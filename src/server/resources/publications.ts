import { publicationSchema, type Publication } from "../../api";
import { describeClose, formatThaiDateTime, toBangkokIso, windowState } from "../../core";
import { requireLaoAccess } from "../auth";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { deletePublication, getPublication, insertPublication } from "../queries/publications";
import { getSubmission } from "../queries/submissions";
import { publicOrigin, publicPaths } from "../publicSite";
import { route, type RequestContext } from "../route";
import { windowFor } from "../services";
import { requireLao, requireRound } from "./rounds";

/**
 * An LAO's publication of its results for a round. After the LAO's window closes (with its extension,
 * if any) every submitted result is public; before that an LAO may publish its own early, and take
 * it back. A version returned for correction is not public until the corrected one arrives.
 */

async function publicationState(ctx: RequestContext<unknown>) {
  const lao = await requireLao(ctx, ctx.params.lao!);
  requireLaoAccess(ctx.me, lao);
  const { row } = await requireRound(ctx, ctx.params.round!);
  const window = await windowFor(ctx.q, row, lao.code);
  const closed = windowState(window, ctx.now) === "closed";
  const submission = await getSubmission(ctx.q, row.id, lao.code);
  const publication = await getPublication(ctx.q, row.id, lao.code);
  const submitted = submission?.state === "submitted";
  const origin = publicOrigin(ctx.request);
  return {
    lao,
    round: row,
    window,
    closed,
    submitted,
    view: {
      round: row.id,
      lao: lao.code,
      submission: submission?.state ?? null,
      windowClosed: closed,
      closesTh: describeClose(window),
      published: publication !== undefined,
      ...(publication && {
        publishedAt: toBangkokIso(publication.publishedAt),
        publishedAtTh: formatThaiDateTime(publication.publishedAt),
      }),
      public: submitted && (closed || publication !== undefined),
      reason: !submitted ? null : closed ? "window-closed" : publication ? "published" : null,
      urls: {
        page: `${origin}${publicPaths.lao(row.id, lao.code)}`,
        download: `${origin}${publicPaths.laoDownload(row.id, lao.code)}`,
        province: `${origin}${publicPaths.province(row.id, lao.provinceCode)}`,
      },
    } satisfies Publication,
  };
}

export const publicationRoutes = [
  route({
    method: "GET",
    path: "/laos/:lao/publications/:round",
    response: publicationSchema,
    summary:
      "ผลของ อปท. ในรอบนี้เผยแพร่ต่อสาธารณะแล้วหรือไม่ และที่อยู่หน้าเว็บ / whether an LAO's results for a round are public, and their addresses",
    roles: ["lao", "province", "national", "admin"],
    async handler(ctx) {
      return (await publicationState(ctx)).view;
    },
  }),
  route({
    method: "PUT",
    path: "/laos/:lao/publications/:round",
    response: publicationSchema,
    summary: "อปท. เผยแพร่ผลของตนก่อนปิดรับ / the LAO publishes its results before the window closes",
    roles: ["lao"],
    write: true,
    async handler(ctx) {
      const state = await publicationState(ctx);
      if (!state.submitted) throw problems.nothingToPublish(state.round.id);
      if (!state.view.published) {
        await insertPublication(ctx.q, {
          roundId: state.round.id,
          laoCode: state.lao.code,
          publishedBy: ctx.me.userId,
          publishedAt: ctx.now,
        });
        await audit(ctx.q, "results.publish", ctx.me.userId, `lao:${state.lao.code}`, {
          round: state.round.id,
        });
      }
      return (await publicationState(ctx)).view;
    },
  }),
  route({
    method: "DELETE",
    path: "/laos/:lao/publications/:round",
    response: publicationSchema,
    summary: "อปท. ยกเลิกการเผยแพร่ก่อนปิดรับ / the LAO takes its results back before the window closes",
    roles: ["lao"],
    write: true,
    async handler(ctx) {
      const state = await publicationState(ctx);
      if (state.closed) throw problems.publicAfterClose(state.round.id, describeClose(state.window));
      if (await deletePublication(ctx.q, state.round.id, state.lao.code))
        await audit(ctx.q, "results.unpublish", ctx.me.userId, `lao:${state.lao.code}`, {
          round: state.round.id,
        });
      return (await publicationState(ctx)).view;
    },
  }),
];
