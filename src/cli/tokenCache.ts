import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The device tokens `minstd submit` got from one-time access codes, kept so the next version can
 * be sent without a new code: one file in the user's config folder (folder 0700, file 0600, like
 * an SSH key), never next to a workbook (workbooks are emailed around) and never in one. A token
 * is kept per server and LAO; `minstd signout` revokes it on the server and removes it here.
 */

interface CacheFile {
  readonly version: 1;
  readonly tokens: Record<string, Record<string, { token: string; savedAt: string }>>;
}

export class TokenCache {
  constructor(readonly file: string) {}

  static in(configDir: string): TokenCache {
    return new TokenCache(join(configDir, "tokens.json"));
  }

  get(server: string, lao: string): string | undefined {
    return this.read().tokens[server]?.[lao]?.token;
  }

  /** LAO code → token, for every LAO signed in on this server. */
  all(server: string): Map<string, string> {
    return new Map(Object.entries(this.read().tokens[server] ?? {}).map(([lao, t]) => [lao, t.token]));
  }

  set(server: string, lao: string, token: string, now = new Date()): void {
    const data = this.read();
    this.write({
      version: 1,
      tokens: {
        ...data.tokens,
        [server]: { ...data.tokens[server], [lao]: { token, savedAt: now.toISOString() } },
      },
    });
  }

  remove(server: string, lao: string): void {
    const data = this.read();
    const forServer = { ...data.tokens[server] };
    if (!(lao in forServer)) return;
    delete forServer[lao];
    const tokens = { ...data.tokens, [server]: forServer };
    if (Object.keys(forServer).length === 0) delete tokens[server];
    this.write({ version: 1, tokens });
  }

  private read(): CacheFile {
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8")) as Partial<CacheFile>;
      return { version: 1, tokens: data.tokens && typeof data.tokens === "object" ? data.tokens : {} };
    } catch {
      return { version: 1, tokens: {} };
    }
  }

  private write(data: CacheFile): void {
    const dir = dirname(this.file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (Object.keys(data.tokens).length === 0) {
      rmSync(this.file, { force: true });
      return;
    }
    const temp = join(dir, `.tokens.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}
