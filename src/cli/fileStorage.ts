import { createHash, randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import type { KeyValueStorage } from "../client/storage";

/**
 * The outbox's storage for the CLI: one file per key in a folder of the user's own (mode 0700,
 * files 0600). A write goes to a temporary file that is flushed to disk and then renamed over the
 * old one, so after a crash or a power cut each key holds its old or its new value, never half.
 */
export class FileStorage implements KeyValueStorage {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, `${createHash("sha256").update(key).digest("hex").slice(0, 40)}.json`);
  }

  async getItem(key: string): Promise<string | null> {
    const record = await readRecord(this.file(key));
    return record && record.key === key ? record.value : null;
  }

  async setItem(key: string, value: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const target = this.file(key);
    const temp = join(this.dir, `.${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
    const handle = await fs.open(temp, "w", 0o600);
    try {
      await handle.writeFile(JSON.stringify({ key, value }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, target);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
    await this.syncDir();
  }

  async removeItem(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
    await this.syncDir();
  }

  async getKeys(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    const keys: string[] = [];
    for (const name of names) {
      if (!name.endsWith(".json") || name.startsWith(".")) continue;
      const record = await readRecord(join(this.dir, name));
      if (record) keys.push(record.key);
    }
    return keys;
  }

  /** Makes the rename itself durable (a no-op where folders cannot be opened, e.g. Windows). */
  private async syncDir(): Promise<void> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(this.dir, "r");
      await handle.sync();
    } catch {
      // Not supported on this platform; the rename is still atomic.
    } finally {
      await handle?.close();
    }
  }
}

async function readRecord(file: string): Promise<{ key: string; value: string } | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    const record = JSON.parse(text) as { key?: unknown; value?: unknown };
    return typeof record.key === "string" && typeof record.value === "string"
      ? { key: record.key, value: record.value }
      : undefined;
  } catch {
    return undefined;
  }
}
