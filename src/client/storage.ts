/**
 * Where the outbox and receipts are kept: an asynchronous key-value store of strings. The task
 * pane passes OfficeRuntime.storage (the same four methods; it survives closing Excel and is
 * never part of a workbook), or window.localStorage through webStorage(); the CLI passes a
 * FileStorage (src/cli/fileStorage.ts) in the user's own folder.
 *
 * What the outbox needs of an implementation: setItem is atomic per key (after a crash a key
 * holds its old or its new value, never a mix) and durable once its promise resolves.
 */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
}

/** In memory: for tests, and for a session that must not keep anything. */
export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();

  async getItem(key: string): Promise<string | null> {
    return this.items.get(key) ?? null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.items.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.items.delete(key);
  }
  async getKeys(): Promise<string[]> {
    return [...this.items.keys()];
  }
}

/** The synchronous Web Storage API (window.localStorage), structurally, so no DOM types are needed. */
export interface WebStorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function webStorage(store: WebStorageLike): KeyValueStorage {
  return {
    getItem: async (key) => store.getItem(key),
    setItem: async (key, value) => store.setItem(key, value),
    removeItem: async (key) => store.removeItem(key),
    getKeys: async () => {
      const keys: string[] = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key !== null) keys.push(key);
      }
      return keys;
    },
  };
}
