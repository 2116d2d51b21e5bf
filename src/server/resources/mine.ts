import { mySubmissionsSchema, receiptsSchema, returnsSchema } from "../../api";
import { listReturns, listSubmissionsOfLao, listVersions } from "../queries/submissions";
import { route } from "../route";
import { receiptOf, returnView } from "./submissions";

/** For the task pane: the signed-in LAO's own submissions, receipts and the province's comments. */

export const mineRoutes = [
  route({
    method: "GET",
    path: "/me/submissions",
    summary: "ข้อมูลที่ อปท. ของฉันส่ง แยกตามรอบ / my LAO's submissions, per round",
    roles: ["lao"],
    response: mySubmissionsSchema,
    async handler({ q, me }) {
      const rows = await listSubmissionsOfLao(q, me.laoCode!);
      return rows.map((s) => ({
        round: s.roundId,
        state: s.state,
        version: s.version,
        currentId: s.currentInstanceId,
        receiptNumber: s.currentReceiptNumber,
      }));
    },
  }),
  route({
    method: "GET",
    path: "/me/receipts",
    summary: "ใบรับทุกฉบับของ อปท. ของฉัน / every receipt of my LAO",
    roles: ["lao"],
    response: receiptsSchema,
    async handler({ q, me, query }) {
      const rows = await listVersions(
        q,
        { laoCode: me.laoCode!, ...(query.round && { roundId: query.round }) },
        false,
      );
      return rows.map(receiptOf);
    },
  }),
  route({
    method: "GET",
    path: "/me/comments",
    summary: "ความเห็นของจังหวัดเมื่อส่งกลับให้แก้ไข / the province's comments on returned versions",
    roles: ["lao"],
    response: returnsSchema,
    async handler({ q, me, query }) {
      const rows = await listReturns(q, {
        laoCode: me.laoCode!,
        ...(query.round && { roundId: query.round }),
      });
      return rows.map(returnView);
    },
  }),
];
