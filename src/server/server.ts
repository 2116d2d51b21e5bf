import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { allRounds, loadRegister } from "../node/dataFiles";
import { buildApp, type AppOptions } from "./app";
import { DEFAULT_DASHBOARD_DIR } from "./dashboardFiles";
import type { Database } from "./db/adapter";
import { openDatabase } from "./db/open";
import { newBackupKey, writeLocalServerInfo } from "./ops/localServer";
import { seedReferenceData } from "./seed";

export const DEFAULT_DATA_DIR = ".minstd-data";

export interface ServerConfig extends Omit<AppOptions, "db"> {
  readonly port?: number;
  /** Default 127.0.0.1; 0.0.0.0 to serve a network. */
  readonly host?: string;
  /** A PostgreSQL server; without it the embedded database in dataDir is used. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** Keep the embedded database in memory (tests). */
  readonly inMemory?: boolean;
  readonly poolSize?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  readonly app: FastifyInstance;
  readonly storage: string;
  close(): Promise<void>;
}

/**
 * MINSTD_TRUST_PROXY: "127.0.0.1" or "10.0.0.0/8,127.0.0.1" (addresses of the reverse proxy), or
 * "true" (any: only when nothing but the proxy can reach the port).
 */
export function parseTrustProxy(text: string): boolean | string {
  return text === "true" ? true : text;
}

/** Reads the server's settings from the environment (DATABASE_URL, MINSTD_CORS_ORIGINS, MINSTD_TRUST_PROXY). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServerConfig> {
  return {
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    ...(env.MINSTD_TRUST_PROXY && { trustProxy: parseTrustProxy(env.MINSTD_TRUST_PROXY) }),
    ...(env.MINSTD_CORS_ORIGINS && {
      corsOrigins: env.MINSTD_CORS_ORIGINS.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    }),
  };
}

/** Opens the database, applies migrations, loads the register and rounds, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const dataDir = config.inMemory ? undefined : resolve(config.dataDir ?? DEFAULT_DATA_DIR);
  const db = await openDatabase({
    ...(config.databaseUrl && { databaseUrl: config.databaseUrl }),
    ...(dataDir && { dataDir }),
    ...(config.poolSize && { poolSize: config.poolSize }),
  });
  try {
    await seedReferenceData(db, loadRegister(), await allRounds());
    const backupKey = dataDir && !config.databaseUrl ? newBackupKey() : undefined;
    const app = await buildApp({
      dashboardDir: DEFAULT_DASHBOARD_DIR,
      ...config,
      db,
      ...(backupKey && { backupKey }),
    });
    await app.listen({ port: config.port ?? 0, host: config.host ?? "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : (config.port ?? 0);
    const host = config.host && config.host !== "0.0.0.0" ? config.host : "127.0.0.1";
    // `minstd backup` on this machine finds the running server (and its key) in the data folder.
    const forgetServer =
      dataDir && backupKey && !config.databaseUrl
        ? writeLocalServerInfo(dataDir, { pid: process.pid, url: `http://${host}:${port}`, backupKey })
        : () => undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      app,
      storage: config.databaseUrl ? redactUrl(config.databaseUrl) : (dataDir ?? "memory"),
      async close() {
        forgetServer();
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
