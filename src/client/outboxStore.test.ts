import type { Receipt } from "./api";
import type { OutboxEntry, StoredReceipt } from "./outboxEntry";
import { OutboxStore } from "./outboxStore";
import { MemoryStorage } from "./storage";

const chain = { server: "https://minstd.example/x|y", round: "2563", lao: "ต01" };
const other = { ...chain, lao: "6220101" };

function entry(seq: number, id: string, on = chain): OutboxEntry {
  return {
    ...on,
    id,
    seq,
    createdAt: "2026-01-01T00:00:00.000Z",
    contentHash: `sha256:${id}`,
    document: {} as OutboxEntry["document"],
    state: "queued",
    sends: 0,
  };
}

function stored(version: number, withDocument = true): StoredReceipt {
  return {
    receipt: { id: `v${version}`, version } as Receipt,
    ...(withDocument && { document: {} as OutboxEntry["document"] }),
    storedAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("OutboxStore", () => {
  it("keeps a chain's entries under keys that sort in order, apart from other chains", async () => {
    const storage = new MemoryStorage();
    const store = new OutboxStore(storage);
    await store.writeEntry(entry(20, "b"));
    await store.writeEntry(entry(3, "a"));
    await store.writeEntry(entry(1, "z", other));
    expect((await store.entries(chain)).map((e) => e.id)).toEqual(["a", "b"]);
    expect((await store.entries(other)).map((e) => e.id)).toEqual(["z"]);
    // The stored format: versions already on officers' computers are read with these keys.
    expect(await storage.getKeys()).toContain(
      "minstd.v1.outbox|https%3A%2F%2Fminstd.example%2Fx%7Cy|2563|%E0%B8%9501|0000000000000003|a",
    );
    await store.writeEntry({ ...entry(3, "a"), state: "held" });
    expect((await store.entries(chain))[0]?.state).toBe("held");
    await store.removeEntry(entry(3, "a"));
    expect((await store.entries(chain)).map((e) => e.id)).toEqual(["b"]);
  });

  it("lists a chain's receipts newest version first, one per version", async () => {
    const storage = new MemoryStorage();
    const store = new OutboxStore(storage);
    await store.writeReceipt(chain, stored(2));
    await store.writeReceipt(chain, stored(10));
    await store.writeReceipt(chain, stored(1));
    await store.writeReceipt(chain, stored(2, false));
    await store.writeReceipt(other, stored(7));
    const receipts = await store.receipts(chain);
    expect(receipts.map((r) => r.receipt.version)).toEqual([10, 2, 1]);
    expect(receipts[1]?.document).toBeUndefined();
    expect(await storage.getKeys()).toContain(
      "minstd.v1.receipt|https%3A%2F%2Fminstd.example%2Fx%7Cy|2563|%E0%B8%9501|000010",
    );
  });

  it("lists every chain, whether it has entries, and the keys it cannot read, which it leaves alone", async () => {
    const storage = new MemoryStorage();
    const store = new OutboxStore(storage);
    await store.writeEntry(entry(1, "a"));
    await store.writeReceipt(other, stored(1));
    await storage.setItem("minstd.v1.outbox|broken", "{}");
    await storage.setItem("minstd.v1.session", "not ours to list");
    await storage.setItem("elsewhere", "x");
    const { chains, unreadable } = await store.chains();
    expect(chains).toEqual([
      { ...chain, hasEntries: true },
      { ...other, hasEntries: false },
    ]);
    expect(unreadable).toEqual(["minstd.v1.outbox|broken"]);
    expect(await storage.getItem("minstd.v1.outbox|broken")).toBe("{}");
  });

  it("leaves out a value it cannot read, without deleting it", async () => {
    const storage = new MemoryStorage();
    const store = new OutboxStore(storage);
    await store.writeEntry(entry(1, "a"));
    const key = (await storage.getKeys())[0]!;
    await storage.setItem(key, "{cut");
    expect(await store.entries(chain)).toEqual([]);
    expect(await storage.getItem(key)).toBe("{cut");
  });
});
