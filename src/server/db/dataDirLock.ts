import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { join } from "node:path";

/**
 * One process per embedded data folder: two PGlite instances on the same files would corrupt them.
 *
 * The lock itself is a local socket that the kernel owns: an abstract Unix socket on Linux, a named
 * pipe on Windows. Binding it is atomic, and the kernel releases it when its process ends however it
 * ends (kill -9, power cut), so there is no stale lock to take over and no race between two
 * processes taking one over. The `minstd.lock` file beside the data only tells other commands which
 * process holds the folder. Elsewhere (macOS) the file is the lock, taken over when its process is gone.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    const who = pid ? `โปรเซส ${pid}` : "อีกโปรเซสหนึ่ง";
    const whoEn = pid ? `process ${pid}` : "another process";
    super(
      `ฐานข้อมูลในเครื่อง ${dataDir} ถูกใช้อยู่โดย${who} (เช่น minstd serve หรือ npm start) — หยุดโปรเซสนั้นก่อน ` +
        `/ the embedded database in ${dataDir} is in use by ${whoEn} (minstd serve or npm start): stop it first`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Whether a process runs (one of another user counts: it holds what it holds). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const PID_FILE = "minstd.lock";

function readPidFile(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, PID_FILE), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The live process holding the data folder, if any (a file left by a dead one does not count). */
export function dataDirOwner(dataDir: string): number | undefined {
  const pid = readPidFile(dataDir);
  return pid !== undefined && processAlive(pid) ? pid : undefined;
}

/** The kernel-held name for a folder, or undefined where the platform has none. */
function lockAddress(dataDir: string): string | undefined {
  const id = createHash("sha256").update(realpathSync(dataDir)).digest("hex").slice(0, 32);
  if (process.platform === "linux") return `\0minstd-data-${id}`;
  if (process.platform === "win32") return `\\\\.\\pipe\\minstd-data-${id}`;
  return undefined;
}

/** Takes the folder or throws DataDirInUseError; the function returned lets it go. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const address = lockAddress(dataDir);
  const pidFile = join(dataDir, PID_FILE);
  const forgetPid = (): void => {
    if (readPidFile(dataDir) === process.pid) rmSync(pidFile, { force: true });
  };
  if (address === undefined) {
    takePidFile(dataDir);
    return async () => forgetPid();
  }
  const server = await listenOnce(address);
  if (!server) throw new DataDirInUseError(dataDir, (await askHolder(address)) ?? dataDirOwner(dataDir));
  server.unref();
  writeFileSync(pidFile, String(process.pid));
  return () =>
    new Promise<void>((resolve) => {
      forgetPid();
      server.close(() => resolve());
    });
}

/** A server bound to the address, or undefined when another process holds it. */
function listenOnce(address: string): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    // Whoever asks learns the holder's pid (the file may not be written yet).
    const server = createServer((socket) => socket.end(String(process.pid)));
    server.once("error", (e: NodeJS.ErrnoException) =>
      e.code === "EADDRINUSE" ? resolve(undefined) : reject(e),
    );
    server.listen(address, () => resolve(server));
  });
}

function askHolder(address: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    let reply = "";
    const socket = createConnection(address);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (reply += chunk));
    socket.on("end", () => {
      const pid = Number(reply.trim());
      resolve(Number.isInteger(pid) && pid > 0 ? pid : undefined);
    });
    socket.on("error", () => resolve(undefined));
  });
}

/** The file lock where the kernel has no name to hold: created exclusively, taken over from the dead. */
function takePidFile(dataDir: string): void {
  const file = join(dataDir, PID_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = dataDirOwner(dataDir);
      if (owner !== undefined && owner !== process.pid) throw new DataDirInUseError(dataDir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUseError(dataDir, readPidFile(dataDir));
}
