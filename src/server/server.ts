import { resolve } from "node:path";
import { configuredEmblem, GARUDA_ENV } from "../dataFiles/garudaImage";
import type { FastifyInstance } from "fastify";
import { allRounds, loadRegister } from "../dataFiles";
import { buildApp, type AppOptions } from "./app";
import { prepareCodeKey } from "./codeKey";
import { DEFAULT_DASHBOARD_DIR } from "./dashboardFiles";
import type { Database } from "./db/adapter";
import { openDatabase } from "./db/open";
import { newBackupKey, writeLocalServerInfo } from "./ops/localServer";
import { seedReferenceData } from "./seed";
import { publishLocalAdmin } from "./localAdmin";

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
  /** Leave the note with which `minstd admin` on this machine reaches the embedded database through this server (`minstd serve`). */
  readonly localAdmin?: boolean;
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
 * Reads the server's settings from the environment (DATABASE_URL, MINSTD_CORS_ORIGINS,
 * MINSTD_TOKEN_DAYS: days a device token stays valid after its last use, MINSTD_TRUST_PROXY: the
 * proxies whose X-Forwarded-For gives the client's address). MINSTD_SECRET is read
 * where codes are hashed (codeKey.ts). MINSTD_GARUDA_IMAGE, the official Garuda for memos, is read
 * where memos are written, and checked here so that a wrong file stops the server at its start.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServerConfig> {
  configuredEmblem(env[GARUDA_ENV]);
  const tokenDays = env.MINSTD_TOKEN_DAYS ? Number(env.MINSTD_TOKEN_DAYS) : undefined;
  if (tokenDays !== undefined && !(Number.isInteger(tokenDays) && tokenDays >= 1 && tokenDays <= 3650))
    throw new Error(
      `MINSTD_TOKEN_DAYS=“${env.MINSTD_TOKEN_DAYS}” ต้องเป็นจำนวนวัน 1–3650 / MINSTD_TOKEN_DAYS must be a whole number of days, 1–3650`,
    );
  return {
    ...(tokenDays !== undefined && { tokenLifetimeDays: tokenDays }),
    ...(env.MINSTD_TRUST_PROXY && {
      trustProxy: env.MINSTD_TRUST_PROXY.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    }),
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
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
    await prepareCodeKey(db);
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
    const url = `http://${host}:${port}`;
    // Commands on this machine (`minstd backup`, `minstd admin …`) reach the embedded database
    // through this server, found by its note in the data folder (ops/localServer.ts).
    const localAdmin =
      config.localAdmin && backupKey
        ? await publishLocalAdmin(db)
        : { token: undefined, revoke: async () => undefined };
    const forgetServer =
      dataDir && backupKey
        ? writeLocalServerInfo(dataDir, {
            pid: process.pid,
            url,
            backupKey,
            ...(localAdmin.token && { adminToken: localAdmin.token }),
          })
        : () => undefined;
    return {
      url,
      port,
      db,
      app,
      storage: config.databaseUrl ? redactUrl(config.databaseUrl) : (dataDir ?? "memory"),
      async close() {
        forgetServer();
        await app.close();
        await localAdmin.revoke();
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
