import { configFromEnv, DEFAULT_DATA_DIR, startServer } from "../server/server";
import { UsageError, type Output } from "./output";

export interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
}

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`พอร์ต “${text}” ไม่ถูกต้อง ใช้ตัวเลข 0–65535 / bad port “${text}”: use 0–65535`);
  return port;
}

/**
 * `minstd serve`: the collection server on the embedded database in --data (default .minstd-data),
 * or on the PostgreSQL server named by DATABASE_URL. Runs until Ctrl+C or SIGTERM.
 */
export async function serve(opts: ServeOptions, io: Output, signal?: AbortSignal): Promise<number> {
  const env = configFromEnv();
  const server = await startServer({
    ...env,
    port: parsePort(opts.port ?? process.env.PORT, 8080),
    host: opts.host ?? "127.0.0.1",
    dataDir: opts.data ?? DEFAULT_DATA_DIR,
  });
  io.out(`MinStd collection server: ${server.url}/api/v1  (OpenAPI: ${server.url}/api/v1/openapi.json)`);
  io.out(
    env.databaseUrl
      ? `ฐานข้อมูล / database: PostgreSQL ${server.storage}`
      : `ฐานข้อมูลในเครื่อง (PGlite) / embedded database: ${server.storage}`,
  );
  io.out("หยุดด้วย Ctrl+C / stop with Ctrl+C");
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop);
  });
  await server.close();
  io.out("หยุดแล้ว / stopped");
  return 0;
}
