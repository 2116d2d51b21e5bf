import {
  extensionRequestSchema,
  extensionsSchema,
  laoWindowSchema,
  roundDefinitionSchema,
  roundLoadedSchema,
  roundsSchema,
  windowRequestSchema,
  windowSetSchema,
} from "../../api";
import { parseRound, RoundError, roundSchema, XLSX_MEDIA_TYPE, type LaoType, type Round } from "../../core";
import { roundIssueText } from "../../i18n";
import { describeWorkbookProblem, importRoundWorkbook } from "../../xlsx/roundWorkbook";
import { provinceScope } from "../auth";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { getLao } from "../queries/laos";
import {
  deleteExtension,
  listExtensions,
  listRounds,
  putExtension,
  putRound,
  setWindow,
} from "../queries/rounds";
import { route, type RequestContext } from "../route";
import { windowFor } from "../services";
import { laoCodeParam, parseOr400 } from "../validation";
import { windowInfo } from "../windowInfo";

/** Rounds: the list and definitions for everyone signed in; loading, windows and extensions for admins. */

export async function requireRound(ctx: RequestContext<unknown>, id: string) {
  const found = await ctx.services.rounds.get(ctx.q, id);
  if (!found) {
    const known = (await listRounds(ctx.q)).map((r) => r.id).join(", ");
    throw problems.notFound(`รอบการประเมิน “${id}” (รอบที่มี: ${known})`, `round “${id}” (known: ${known})`, {
      round: id,
    });
  }
  return found;
}

async function requireLao(ctx: RequestContext<unknown>, code: string) {
  const lao = await getLao(ctx.q, parseOr400(laoCodeParam, code));
  if (!lao)
    throw problems.notFound(`อปท. รหัส ${code} ในทะเบียน`, `LAO ${code} in the register`, { lao: code });
  return lao;
}

async function readRoundBody(body: unknown): Promise<Round> {
  if (Buffer.isBuffer(body)) {
    const result = await importRoundWorkbook(body);
    if (!result.ok) throw problems.roundInvalid(result.problems.map(describeWorkbookProblem));
    return result.round;
  }
  try {
    return parseRound(body);
  } catch (e) {
    if (e instanceof RoundError) throw problems.roundInvalid(e.issues.map(roundIssueText));
    throw e;
  }
}

export const roundRoutes = [
  route({
    method: "GET",
    path: "/rounds",
    summary: "รอบการประเมินและช่วงเวลารับข้อมูล / the rounds and their windows",
    roles: ["lao", "province", "national", "admin"],
    response: roundsSchema,
    async handler({ q, me, now }) {
      const rows = await listRounds(q);
      return Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          /** Goes up each time the national office loads the round again (a corrected target). */
          revision: r.revision,
          year: r.year,
          title: r.title,
          laoTypes: r.laoTypes as LaoType[],
          window: windowInfo(me.laoCode ? await windowFor(q, r, me.laoCode) : r, now),
        })),
      );
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round",
    summary: "นิยามรอบการประเมิน (ตัวชี้วัด ค่าเป้าหมาย) / a round's definition",
    roles: ["lao", "province", "national", "admin"],
    response: roundDefinitionSchema,
    async handler(ctx) {
      const { row, compiled } = await requireRound(ctx, ctx.params.round!);
      const window = ctx.me.laoCode ? await windowFor(ctx.q, row, ctx.me.laoCode) : row;
      return { round: compiled.round, window: windowInfo(window, ctx.now) };
    },
  }),
  route({
    method: "PUT",
    path: "/rounds/:round",
    summary: "นำเข้าหรือแทนที่รอบ (JSON หรือไฟล์ .xlsx) / load or replace a round (JSON or .xlsx)",
    roles: ["admin"],
    write: true,
    consumes: [XLSX_MEDIA_TYPE],
    ownJsonBody: roundSchema,
    response: roundLoadedSchema,
    async handler({ q, me, params, body }) {
      const round = await readRoundBody(body);
      if (round.id !== params.round)
        throw problems.roundInvalid([
          `รหัสรอบในไฟล์คือ ${round.id} ไม่ตรงกับ ${params.round} / the file is round ${round.id}`,
        ]);
      const revision = await putRound(q, round);
      await audit(q, "round.load", me.userId, `round:${round.id}`, { revision, window: round.window });
      return { id: round.id, revision };
    },
  }),
  route({
    method: "PUT",
    path: "/rounds/:round/window",
    summary: "กำหนดช่วงเวลารับข้อมูลของรอบ / set a round's window",
    roles: ["admin"],
    body: windowRequestSchema,
    response: windowSetSchema,
    write: true,
    async handler(ctx) {
      const { row } = await requireRound(ctx, ctx.params.round!);
      await setWindow(ctx.q, row.id, ctx.body.opens, ctx.body.closes);
      await audit(ctx.q, "round.window.update", ctx.me.userId, `round:${row.id}`, {
        from: { opens: row.opens, closes: row.closes },
        to: ctx.body,
      });
      return { round: row.id, window: windowInfo(ctx.body, ctx.now) };
    },
  }),
  route({
    method: "GET",
    path: "/rounds/:round/extensions",
    summary: "อปท. ที่ได้รับการขยายเวลา / the LAOs granted an extension",
    roles: ["province", "national", "admin"],
    response: extensionsSchema,
    async handler(ctx) {
      const { row } = await requireRound(ctx, ctx.params.round!);
      const rows = await listExtensions(ctx.q, row.id, provinceScope(ctx.me, ctx.query.province));
      return rows.map((e) => ({ ...e, grantedAt: e.grantedAt.toISOString() }));
    },
  }),
  route({
    method: "PUT",
    path: "/rounds/:round/extensions/:lao",
    summary: "ขยายเวลาส่งข้อมูลให้ อปท. หนึ่งแห่ง / grant one LAO an extension",
    roles: ["admin"],
    body: extensionRequestSchema,
    response: laoWindowSchema,
    write: true,
    async handler(ctx) {
      const { row } = await requireRound(ctx, ctx.params.round!);
      const lao = await requireLao(ctx, ctx.params.lao!);
      if (ctx.body.closes <= row.closes)
        throw problems.conflict(
          `วันสิ้นสุดที่ขยายต้องหลังวันปิดรับของรอบ (${row.closes})`,
          `the extension must close after the round does (${row.closes})`,
          { roundCloses: row.closes },
        );
      await putExtension(ctx.q, {
        roundId: row.id,
        laoCode: lao.code,
        ...ctx.body,
        grantedBy: ctx.me.userId,
      });
      await audit(ctx.q, "round.extension.grant", ctx.me.userId, `lao:${lao.code}`, {
        round: row.id,
        ...ctx.body,
      });
      return {
        round: row.id,
        lao: lao.code,
        window: windowInfo(await windowFor(ctx.q, row, lao.code), ctx.now),
      };
    },
  }),
  route({
    method: "DELETE",
    path: "/rounds/:round/extensions/:lao",
    summary: "ยกเลิกการขยายเวลา (?reason= บันทึกเหตุผล) / revoke an extension (?reason= is audited)",
    roles: ["admin"],
    write: true,
    response: laoWindowSchema,
    async handler(ctx) {
      const { row } = await requireRound(ctx, ctx.params.round!);
      const lao = await requireLao(ctx, ctx.params.lao!);
      if (!(await deleteExtension(ctx.q, row.id, lao.code)))
        throw problems.notFound("การขยายเวลาของ อปท. นี้", "extension for this LAO");
      const reason = ctx.query.reason?.trim().slice(0, 1000);
      await audit(ctx.q, "round.extension.revoke", ctx.me.userId, `lao:${lao.code}`, {
        round: row.id,
        ...(reason && { reason }),
      });
      return { round: row.id, lao: lao.code, window: windowInfo(row, ctx.now) };
    },
  }),
];

export { requireLao };
