import * as z from "zod";
import { toBangkokIso } from "../../core";
import { listAudits } from "../queries/audits";
import { route } from "../route";
import { parseOr400 } from "../validation";

const auditQuery = z
  .object({
    action: z.string().max(100).optional(),
    subject: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strip();

export const auditRoutes = [
  route({
    method: "GET",
    path: "/audits",
    summary: "บันทึกการใช้งาน (ใครทำอะไร เมื่อไร) / the audit log",
    roles: ["admin"],
    async handler({ q, query }) {
      const f = parseOr400(auditQuery, query);
      const rows = await listAudits(q, {
        limit: f.limit,
        ...(f.action && { action: f.action }),
        ...(f.subject && { subject: f.subject }),
      });
      return rows.map((r) => ({ ...r, loggedAt: toBangkokIso(r.loggedAt) }));
    },
  }),
];
