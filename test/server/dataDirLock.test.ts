import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "./cliProcess";

/**
 * One process per embedded data folder, however they start: several `minstd serve` started at the
 * same moment on a folder whose lock was left by a process that died (kill -9, power cut).
 */

interface Server {
  readonly pid: number;
  /** Resolves when it listens. */
  readonly listening: Promise<void>;
  /** Its exit code and all it printed. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  stop(): void;
}

function serve(data: string): Server {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--data", data], {
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let listen!: () => void;
  const listening = new Promise<void>((resolve) => (listen = resolve));
  const collect = (d: Buffer): void => {
    output += d.toString();
    if (/http:\/\/127\.0\.0\.1:\d+\/api\/v1/.test(output)) listen();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on("close", (code, signal) => resolve({ code, signal, output })),
  );
  return { pid: child.pid!, listening, exited, stop: () => child.kill("SIGTERM") };
}

/** Resolves when `count` of the promises have settled, with their indexes in the order they did. */
function firstSettled(promises: readonly Promise<unknown>[], count: number): Promise<number[]> {
  return new Promise((resolve) => {
    const order: number[] = [];
    promises.forEach(
      (p, i) =>
        void p.finally(() => {
          order.push(i);
          if (order.length === count) resolve(order);
        }),
    );
  });
}

/** The pid of a process that has ended: what a lock file left by a crash holds. */
function deadPid(): number {
  const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(ended.stdout);
}

describe("the embedded data folder's lock", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "minstd-lock-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 2, 3])(
    "lets exactly one of three servers started together take a folder with a stale lock (try %i)",
    async (attempt) => {
      const data = join(dir, `db-${attempt}`);
      mkdirSync(data, { recursive: true });
      writeFileSync(join(data, "minstd.lock"), String(deadPid()));

      const servers = [serve(data), serve(data), serve(data)];
      // Two exit by themselves, or (the defect) two listen on the same files: whichever comes first.
      const exitedFirst = firstSettled(
        servers.map((s) => s.exited),
        2,
      );
      const listenedTwice = firstSettled(
        servers.map((s) => s.listening),
        2,
      ).then(() => "two listen" as const);
      const settled = await Promise.race([exitedFirst, listenedTwice]);
      expect(settled).not.toBe("two listen");
      const losers = settled as number[];
      const winner = servers.find((_, i) => !losers.includes(i))!;
      await winner.listening;
      expect(Number(readFileSync(join(data, "minstd.lock"), "utf8"))).toBe(winner.pid);
      for (const i of losers) {
        const { code, output } = await servers[i]!.exited;
        expect(code).toBe(2);
        expect(output).toContain(`ถูกใช้อยู่โดยโปรเซส ${winner.pid}`);
        expect(output).not.toMatch(/wasm|RuntimeError|\n\s+at /);
      }
      winner.stop();
      const stopped = await winner.exited;
      expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
      // The winner let the folder go when it stopped.
      expect(() => readFileSync(join(data, "minstd.lock"))).toThrow();
    },
  );
});
