import type { Queryable } from "../db/adapter";

export async function getSetting(q: Queryable, key: string): Promise<string | undefined> {
  const rows = await q.query<{ value: string }>("SELECT value FROM settings WHERE key = $1", [key]);
  return rows[0]?.value;
}

export async function putSetting(q: Queryable, key: string, value: string): Promise<void> {
  await q.query(
    "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [key, value],
  );
}
