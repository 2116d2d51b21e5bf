import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { allRounds, loadRegister } from "../node/dataFiles";
import { buildApp, type AppOptions } from "./app";
import { DEFAULT_DASHBOARD_DIR } from "./dashboardFiles";
import type { Database } from "./db/adapter";
import { openDatabase } from "./db/open";
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

/** Reads the server's settings from the environment (DATABASE_URL, MINSTD_CORS_ORIGINS). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServerConfig> {
  return {
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
    const app = await buildApp({ dashboardDir: DEFAULT_DASHBOARD_DIR, ...config, db });
    await app.listen({ port: config.port ?? 0, host: config.host ?? "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : (config.port ?? 0);
    const host = config.host && config.host !== "0.0.0.0" ? config.host : "127.0.0.1";
    const url = `http://${host}:${port}`;
    // The command line on this machine reaches the embedded database through this server (localAdmin.ts).
    const unpublish =
      config.localAdmin && dataDir && !config.databaseUrl
        ? await publishLocalAdmin(db, dataDir, url)
        : async () => undefined;
    return {
      url,
      port,
      db,
      app,
      storage: config.databaseUrl ? redactUrl(config.databaseUrl) : (dataDir ?? "memory"),
      async close() {
        await app.close();
        await unpublish();
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
