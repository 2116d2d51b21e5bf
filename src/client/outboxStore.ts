import type { Chain, OutboxEntry, StoredReceipt } from "./outboxEntry";
import type { KeyValueStorage } from "./storage";

/**
 * Where the outbox keeps its entries and receipts in a KeyValueStorage: one key per entry and per
 * receipt, named by chain, so a chain's keys sort in order. It reads, writes, lists and removes;
 * what to write, and when, is the outbox's to decide.
 *
 * Keys: `minstd.v1.outbox|<server>|<round>|<lao>|<seq, 16 digits>|<id>` and
 * `minstd.v1.receipt|<server>|<round>|<lao>|<version, 6 digits>`, each part URI-encoded.
 */

const PREFIX = "minstd.v1.";
const SEP = "|";
const OUTBOX = `${PREFIX}outbox${SEP}`;
const RECEIPT = `${PREFIX}receipt${SEP}`;

const enc = encodeURIComponent;

/** A chain's part of its keys; also names the chain uniquely (e.g. for its lock). */
export const chainId = (c: Chain): string => [enc(c.server), enc(c.round), enc(c.lao)].join(SEP);

const entryKey = (e: OutboxEntry): string =>
  `${OUTBOX}${chainId(e)}${SEP}${String(e.seq).padStart(16, "0")}${SEP}${enc(e.id)}`;
const receiptKey = (c: Chain, version: number): string =>
  `${RECEIPT}${chainId(c)}${SEP}${String(version).padStart(6, "0")}`;

function parseKey(key: string): { kind: "outbox" | "receipt"; chain: Chain } | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const [kind, server, round, lao] = key.slice(PREFIX.length).split(SEP);
  if ((kind !== "outbox" && kind !== "receipt") || !server || !round || !lao) return undefined;
  return {
    kind,
    chain: {
      server: decodeURIComponent(server),
      round: decodeURIComponent(round),
      lao: decodeURIComponent(lao),
    },
  };
}

function readJson<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export class OutboxStore {
  constructor(readonly storage: KeyValueStorage) {}

  /** A chain's entries in order; a value that cannot be read is left out (and left alone). */
  async entries(chain: Chain): Promise<OutboxEntry[]> {
    return this.readAll<OutboxEntry>(await this.keysOf(`${OUTBOX}${chainId(chain)}${SEP}`));
  }

  async writeEntry(entry: OutboxEntry): Promise<void> {
    await this.storage.setItem(entryKey(entry), JSON.stringify(entry));
  }

  async removeEntry(entry: OutboxEntry): Promise<void> {
    await this.storage.removeItem(entryKey(entry));
  }

  /** A chain's receipts, newest version first; a value that cannot be read is left out. */
  async receipts(chain: Chain): Promise<StoredReceipt[]> {
    return this.readAll<StoredReceipt>((await this.keysOf(`${RECEIPT}${chainId(chain)}${SEP}`)).reverse());
  }

  /** Writes a receipt under its version (replacing what was stored for that version). */
  async writeReceipt(chain: Chain, stored: StoredReceipt): Promise<void> {
    await this.storage.setItem(receiptKey(chain, stored.receipt.version), JSON.stringify(stored));
  }

  /**
   * Every chain with something stored (on any server), whether it has entries, and the keys that
   * look like the outbox's but cannot be read (never deleted).
   */
  async chains(): Promise<{ chains: Array<Chain & { hasEntries: boolean }>; unreadable: string[] }> {
    const found = new Map<string, Chain & { hasEntries: boolean }>();
    const unreadable: string[] = [];
    for (const key of (await this.storage.getKeys()).sort()) {
      const parsed = parseKey(key);
      if (!parsed) {
        if (key.startsWith(OUTBOX) || key.startsWith(RECEIPT)) unreadable.push(key);
        continue;
      }
      const id = chainId(parsed.chain);
      const chain = found.get(id) ?? { ...parsed.chain, hasEntries: false };
      if (parsed.kind === "outbox") chain.hasEntries = true;
      found.set(id, chain);
    }
    return { chains: [...found.values()], unreadable };
  }

  private async keysOf(prefix: string): Promise<string[]> {
    return (await this.storage.getKeys()).filter((k) => k.startsWith(prefix)).sort();
  }

  private async readAll<T>(keys: string[]): Promise<T[]> {
    const out: T[] = [];
    for (const key of keys) {
      const value = readJson<T>(await this.storage.getItem(key));
      if (value) out.push(value);
    }
    return out;
  }
}
