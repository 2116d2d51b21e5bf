/**
 * The `minstd` command as a person runs it, for the tests of commands that need a database: the
 * process, what it printed, and a data store per backend (a folder for PGlite, a scratch database
 * for PostgreSQL) that the describe block's hooks make and remove.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scratchDatabase, type Backend } from "./harness";

export const BIN = join(__dirname, "../../bin/minstd.js");

/** Runs `minstd args…` to its end; stdout and stderr together, as a terminal shows them. */
export function runMinstd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

export interface CommandStore {
  /** The environment that points the command at the store (DATABASE_URL for PostgreSQL). */
  readonly env: Record<string, string>;
  /** `--data <folder>` for the embedded database (ignored when DATABASE_URL is set). */
  readonly data: string[];
  readonly dir: string;
}

/** A store for the commands of one describe block on `backend`, made before its tests and removed after. */
export function useCommandStore(backend: Backend, prefix: string): CommandStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = { env: {} as Record<string, string>, data: ["--data", join(dir, "db")], dir };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (backend === "postgres") {
      const db = await scratchDatabase();
      store.env = { DATABASE_URL: db.url };
      drop = db.drop;
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop?.();
  });
  return store;
}
