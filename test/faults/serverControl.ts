import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const BIN = join(__dirname, "../../bin/minstd.js");

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/**
 * One `minstd serve` process of the fault and scale-out runs: the compiled command as shipped,
 * started on a free port and known to be up once it prints its address; killed or stopped, and
 * started again on the same data.
 */
export class ServerControl {
  private current?: Server;
  readonly logFile: string;
  private log: string[] = [];

  constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
    name = "serve",
    /** More arguments of `minstd serve` (e.g. --workers 2). */
    private readonly serveArgs: readonly string[] = [],
  ) {
    this.logFile = join(dir, `${name}.log`);
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  get url(): string {
    if (!this.current) throw new Error("the server is restarting");
    return this.current.url;
  }

  /** `minstd admin user add --role admin`: the operator's first step; prints a one-time code. */
  adminCode(): string {
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        "admin",
        "user",
        "add",
        "--role",
        "admin",
        "--name",
        "ผู้ดูแลการทดสอบ",
        "--data",
        join(this.dir, "db"),
      ],
      { encoding: "utf8", env: this.env },
    );
    const code = /([3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4})/.exec(r.stdout)?.[1];
    if (r.status !== 0 || !code) throw new Error(`minstd admin user add failed: ${r.stdout}${r.stderr}`);
    return code;
  }

  /** `minstd serve` on a free port, on the same data every time. */
  async start(): Promise<string> {
    const child = spawn(
      process.execPath,
      [BIN, "serve", "--port", "0", "--data", join(this.dir, "db"), ...this.serveArgs],
      {
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.stderr!.on("data", (d: Buffer) => this.log.push(d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        this.log.push(d.toString());
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`minstd serve exited with ${code}: ${out}`)));
    });
    this.current = { url, child, exited };
    return url;
  }

  /** kill -9: no clean shutdown, in the middle of whatever it is doing. */
  async kill(): Promise<void> {
    const s = this.current;
    if (!s) return;
    s.child.kill("SIGKILL");
    await s.exited;
    this.current = undefined;
  }

  async stop(): Promise<void> {
    const s = this.current;
    if (!s) return;
    s.child.kill("SIGTERM");
    const timer = setTimeout(() => s.child.kill("SIGKILL"), 10_000);
    await s.exited;
    clearTimeout(timer);
    this.current = undefined;
    writeFileSync(this.logFile, this.log.join(""));
  }
}
