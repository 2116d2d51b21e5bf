import type { Lao, LaoType } from "../../core";
import type { Queryable } from "../db/adapter";

const COLUMNS = `code, type, name, "provinceCode", "provinceTh", "provinceEn", "districtCode", "districtTh"`;

/** Inserts or updates register rows, 1,000 at a time. LAOs are never deleted (submissions refer to them). */
export async function upsertLaos(q: Queryable, laos: readonly Lao[]): Promise<void> {
  for (let start = 0; start < laos.length; start += 1000) {
    const chunk = laos.slice(start, start + 1000);
    const params: unknown[] = [];
    const rows = chunk.map((l) => {
      const base = params.length;
      params.push(
        l.code,
        l.type,
        l.name,
        l.provinceCode,
        l.provinceTh,
        l.provinceEn,
        l.districtCode,
        l.districtTh,
      );
      return `(${Array.from({ length: 8 }, (_, i) => `$${base + i + 1}`).join(", ")})`;
    });
    await q.query(
      `INSERT INTO laos (${COLUMNS}) VALUES ${rows.join(", ")}
       ON CONFLICT (code) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name,
         "provinceCode" = EXCLUDED."provinceCode", "provinceTh" = EXCLUDED."provinceTh",
         "provinceEn" = EXCLUDED."provinceEn", "districtCode" = EXCLUDED."districtCode",
         "districtTh" = EXCLUDED."districtTh"`,
      params,
    );
  }
}

export async function getLao(q: Queryable, code: string): Promise<Lao | undefined> {
  const rows = await q.query<Lao>(`SELECT ${COLUMNS} FROM laos WHERE code = $1`, [code]);
  return rows[0];
}

export async function laosOfProvince(q: Queryable, provinceCode: string): Promise<Lao[]> {
  return q.query<Lao>(
    `SELECT ${COLUMNS} FROM laos WHERE "provinceCode" = $1 ORDER BY "districtCode", type, code`,
    [provinceCode],
  );
}

export async function provinceExists(q: Queryable, provinceCode: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM laos WHERE "provinceCode" = $1 LIMIT 1', [provinceCode]);
  return rows.length > 0;
}

export async function countLaos(q: Queryable, types?: readonly LaoType[]): Promise<number> {
  const rows = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM laos WHERE $1::text[] IS NULL OR type = ANY($1)",
    [types ? [...types] : null],
  );
  return rows[0]!.n;
}
