import type { LaoType } from "../../core";
import type { Queryable } from "../db/adapter";

/** Where each LAO of a province stands with its sign-in: its newest access code and its signed-in devices. */

export interface LaoCodeRow {
  code: string;
  name: string;
  type: LaoType;
  districtCode: string;
  districtTh: string;
  provinceTh: string;
  issuedAt: Date | null;
  expiresAt: Date | null;
  redeemedAt: Date | null;
  voidedAt: Date | null;
}

export interface DeviceRow {
  id: number;
  laoCode: string;
  device: string | null;
  createdAt: Date;
}

export async function laoCodeRows(q: Queryable, provinceCode: string): Promise<LaoCodeRow[]> {
  return q.query<LaoCodeRow>(
    `SELECT l.code, l.name, l.type, l."districtCode", l."districtTh", l."provinceTh",
            c."issuedAt", c."expiresAt", c."redeemedAt", c."voidedAt"
       FROM laos l
       LEFT JOIN users u ON u."laoCode" = l.code
       LEFT JOIN LATERAL (
         SELECT a."issuedAt", a."expiresAt", a."redeemedAt", a."voidedAt"
           FROM access_codes a WHERE a."userId" = u.id ORDER BY a.id DESC LIMIT 1
       ) c ON true
      WHERE l."provinceCode" = $1
      ORDER BY l."districtCode", l.type, l.code`,
    [provinceCode],
  );
}

/** The devices signed in as an LAO of the province (tokens not revoked, account not retired). */
export async function laoDevices(q: Queryable, provinceCode: string): Promise<DeviceRow[]> {
  return q.query<DeviceRow>(
    `SELECT t.id, u."laoCode", t.device, t."createdAt"
       FROM tokens t
       JOIN users u ON u.id = t."userId"
       JOIN laos l ON l.code = u."laoCode"
      WHERE l."provinceCode" = $1 AND t."revokedAt" IS NULL AND u."retiredAt" IS NULL
      ORDER BY t.id`,
    [provinceCode],
  );
}

/** Revokes one device token of an LAO; false when it is not that LAO's or already revoked. */
export async function revokeLaoDevice(q: Queryable, laoCode: string, tokenId: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE tokens t SET "revokedAt" = clock_timestamp()
       FROM users u
      WHERE t.id = $2 AND u.id = t."userId" AND u."laoCode" = $1 AND t."revokedAt" IS NULL
      RETURNING t.id`,
    [laoCode, tokenId],
  );
  return rows.length > 0;
}
