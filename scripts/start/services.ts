/**
 * Runs long-running services side by side for `npm start`: each line they print is prefixed with the
 * service's name; when one stops on its own, the others are stopped too; stop() (Ctrl+C) stops all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface Service {
  /** Short name printed before each of its lines, e.g. "add-in". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Printed once when a line of the service's output matches `pattern`, e.g. what to open next. */
  readonly ready?: { readonly pattern: RegExp; readonly message: string };
}

export interface RunningServices {
  /** Resolves once every service has stopped: 0 when stopped by stop(), else the exit code of the first to stop. */
  readonly done: Promise<number>;
  stop(): void;
}

export function startServices(
  services: readonly Service[],
  print: (line: string) => void = console.log,
): RunningServices {
  const running = new Map<Service, ChildProcess>();
  let stopping = false;
  let code = 0;
  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const stop = (): void => {
    stopping = true;
    for (const child of running.values())
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };

  for (const service of services) {
    const child = spawn(service.command, [...service.args], {
      cwd: service.cwd,
      env: service.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.set(service, child);
    let announced = false;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on("line", (line) => {
        print(`[${service.name}] ${line}`);
        if (!announced && service.ready?.pattern.test(line)) {
          announced = true;
          print(service.ready.message);
        }
      });
    }
    const finish = (exitCode: number | null, error?: Error): void => {
      if (!running.has(service)) return;
      running.delete(service);
      if (!stopping) {
        print(
          `[${service.name}] ${error ? `could not start: ${error.message}` : `stopped (exit code ${exitCode ?? "none"})`}`,
        );
        code = exitCode || 1;
        stop();
      }
      if (running.size === 0) resolveDone(code);
    };
    child.on("error", (e) => finish(null, e));
    child.on("exit", (exitCode) => finish(exitCode));
  }
  if (services.length === 0) resolveDone(0);
  return { done, stop };
}
