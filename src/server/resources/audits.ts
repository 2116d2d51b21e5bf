import { auditQuerySchema, auditsSchema } from "../../api";
import { toBangkokIso } from "../../core";
import { listAudits } from "../queries/audits";
import { route } from "../route";
import { parseOr400 } from "../validation";

export const auditRoutes = [
  route({
    method: "GET",
    path: "/audits",
    summary: "บันทึกการใช้งาน (ใครทำอะไร เมื่อไร) / the audit log",
    roles: ["admin"],
    response: auditsSchema,
    async handler({ q, query }) {
      const f = parseOr400(auditQuerySchema, query);
      const rows = await listAudits(q, {
        limit: f.limit,
        ...(f.action && { action: f.action }),
        ...(f.subject && { subject: f.subject }),
      });
      return rows.map((r) => ({ ...r, loggedAt: toBangkokIso(r.loggedAt) }));
    },
  }),
];
