import {
  ApiClient,
  contentHash,
  MemoryStorage,
  Outbox,
  SessionStore,
  type KeyValueStorage,
  type OutboxEvent,
} from "../../src/client";
import { scriptedFaults, type Fault } from "../faults/faultProxy";
import { documentFor } from "../server/harness";
import { padded } from "../server/documents";
import { FAST_RETRY, nextLao, posts, serverVersions, signedIn, startRig, type Rig } from "./rig";

/**
 * The outbox and the API client against a real server, through the fault proxy: every answer
 * lost or cut is sent again under the same id and the server keeps one version; nothing leaves
 * the outbox before its receipt is stored; versions queued offline go in order.
 */

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig?.close());
beforeEach(() => rig.proxy.choose(() => "pass"));

const onSubmit = (faults: Fault[]) =>
  scriptedFaults((r) => r.method === "POST" && r.path === "/api/v1/submissions", faults);

/** Storage that records the order of writes, to compare with the requests the proxy saw. */
class RecordingStorage extends MemoryStorage {
  readonly writes: Array<{ op: "set" | "remove"; key: string; at: number }> = [];
  override async setItem(key: string, value: string): Promise<void> {
    this.writes.push({ op: "set", key, at: Date.now() });
    await super.setItem(key, value);
  }
  override async removeItem(key: string): Promise<void> {
    this.writes.push({ op: "remove", key, at: Date.now() });
    await super.removeItem(key);
  }
}

function outboxFor(api: ApiClient, storage: KeyValueStorage, events: OutboxEvent[] = []) {
  return new Outbox({ storage, api, onEvent: (e) => events.push(e) });
}

describe("sending the same version again after a lost answer", () => {
  it("keeps one version on the server and gives the client its receipt", async () => {
    const lao = nextLao();
    const { api, attempts } = await signedIn(rig, lao);
    const storage = new RecordingStorage();
    const events: OutboxEvent[] = [];
    const outbox = outboxFor(api, storage, events);
    const from = rig.proxy.log.length;
    // Stored on the server each time, but the client never gets the answer twice; then a duplicate.
    rig.proxy.choose(onSubmit(["cut-response", "lose-response", "duplicate"]));
    const document = documentFor("2563", lao, 1);

    const outcome = await outbox.submit(document);

    expect(outcome.state).toBe("acknowledged");
    if (outcome.state !== "acknowledged") return;
    const sent = posts(rig, from);
    expect(sent.map((p) => p.fault)).toEqual(["cut-response", "lose-response", "duplicate"]);
    const stored = await serverVersions(rig.h, lao);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.instanceId).toBe(outcome.receipt.id);
    expect(outcome.receipt).toMatchObject({ version: 1, replaces: null, lao, round: "2563" });
    // The hash the client computed is the one on the receipt and in the database.
    expect(outcome.receipt.contentHash).toBe(await contentHash(document));
    expect(stored[0]!.contentHash).toBe(outcome.receipt.contentHash);
    // Two retries, each after a wait; the receipt is stored and the outbox is empty.
    const onSubmissions = attempts.filter((a) => a.path === "/submissions");
    expect(onSubmissions.map((a) => [a.attempt, a.problem?.kind, a.waitMs !== undefined])).toEqual([
      [1, "unreachable", true],
      [2, "unreachable", true],
      [3, undefined, false],
    ]);
    expect(await outbox.entries()).toEqual([]);
    expect((await outbox.receipts("2563", lao)).map((r) => r.receipt)).toEqual([outcome.receipt]);
    // The entry was written before the first request reached the proxy, and removed only after the receipt.
    const firstEntryWrite = storage.writes.find((w) => w.op === "set" && w.key.includes("outbox"))!;
    expect(firstEntryWrite.at).toBeLessThanOrEqual(sent[0]!.at);
    expect(events.map((e) => e.type)).toEqual(["queued", "sending", "acknowledged"]);
    const receiptStored = storage.writes.findIndex((w) => w.op === "set" && w.key.includes("receipt"));
    const entryRemoved = storage.writes.findIndex((w) => w.op === "remove" && w.key.includes("outbox"));
    expect(receiptStored).toBeGreaterThan(0);
    expect(entryRemoved).toBeGreaterThan(receiptStored);
  });

  it("waits longer after each failure before the server, honours Retry-After, and gives up after the last attempt", async () => {
    const lao = nextLao();
    const waits: number[] = [];
    const { api } = await signedIn(rig, lao, {
      // The held "delay" outlasts this timeout however long it is; no answer takes that long.
      retry: { ...FAST_RETRY, baseDelayMs: 100, maxDelayMs: 10_000, timeoutMs: 10_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const outbox = outboxFor(api, new MemoryStorage());
    const from = rig.proxy.log.length;
    // A delay longer than the client's timeout: the request still reaches the server, later (released below).
    rig.proxy.choose(onSubmit(["drop", "cut-request", "gateway-error", "delay"]));
    const outcome = await outbox.submit(documentFor("2563", lao, 2));
    expect(outcome.state).toBe("acknowledged");
    expect(posts(rig, from).map((p) => p.fault)).toEqual([
      "drop",
      "cut-request",
      "gateway-error",
      "delay",
      "pass",
    ]);
    // Equal jitter: retry n waits between half and all of 100 ms × 2^(n-1); the 503's Retry-After is 1 s.
    expect(waits).toHaveLength(4);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(waits[2]).toBeGreaterThanOrEqual(1000);
    expect(waits[3]).toBeGreaterThanOrEqual(400);
    expect(waits[3]).toBeLessThanOrEqual(800);
    // The delayed copy arrives after the receipt: still one version.
    rig.proxy.release();
    await rig.proxy.settled();
    expect(await serverVersions(rig.h, lao)).toHaveLength(1);

    // Bounded: with the server out of reach the call ends after its attempts, the entry kept.
    rig.proxy.choose(() => "drop");
    const before = posts(rig).length;
    const offline = await outbox.submit(documentFor("2563", lao, 3));
    expect(offline.state).toBe("queued");
    if (offline.state !== "queued") return;
    expect(posts(rig).length - before).toBe(FAST_RETRY.attempts);
    expect(offline.problem.kind).toBe("unreachable");
    expect(offline.problem.message).toContain("ติดต่อเครื่องแม่ข่ายไม่ได้");
    rig.proxy.choose(() => "pass");
    const report = await outbox.drain();
    expect(report.acknowledged.map((r) => r.version)).toEqual([2]);
  });
});

describe("the outbox across a closed pane and a lost network", () => {
  it("keeps a version whose send was cut off by closing Excel, and the next open sends it once", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao);
    const storage = new MemoryStorage();
    rig.proxy.choose(onSubmit(["delay"])); // the proxy holds the request until released
    const closing = new AbortController();
    // Excel closes while the submission is on its way.
    void rig.proxy
      .seen((r) => r.method === "POST" && r.path === "/api/v1/submissions")
      .then(() => closing.abort());
    const outcome = await outboxFor(api, storage).submit(documentFor("2563", lao, 4), {
      signal: closing.signal,
    });
    expect(outcome.state).toBe("queued");
    if (outcome.state !== "queued") return;
    expect(outcome.problem.kind).toBe("cancelled");
    rig.proxy.release();
    await rig.proxy.settled();
    expect(await serverVersions(rig.h, lao)).toHaveLength(1); // it did arrive

    // "The next open": a new outbox on the same storage drains what is waiting.
    const reopened = outboxFor(api, storage);
    expect((await reopened.entries()).map((e) => e.id)).toEqual([outcome.entry.id]);
    const report = await reopened.drain();
    expect(report.acknowledged.map((r) => [r.id, r.version])).toEqual([[outcome.entry.id, 1]]);
    expect(await reopened.entries()).toEqual([]);
    expect(await serverVersions(rig.h, lao)).toHaveLength(1);
  });

  it("sends a second version queued while the first is unacknowledged after the first, replacing it", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao, { retry: { ...FAST_RETRY, attempts: 2 } });
    const outbox = outboxFor(api, new MemoryStorage());
    rig.proxy.choose(() => "drop"); // offline
    const first = await outbox.submit(documentFor("2563", lao, 5));
    const second = await outbox.submit(documentFor("2563", lao, 6));
    expect([first.state, second.state]).toEqual(["queued", "queued"]);
    const waiting = await outbox.entries();
    // Neither is bound yet: a version names the one it replaces only when it is first sent.
    expect(waiting.map((e) => e.replaces)).toEqual([undefined, undefined]);
    // Submitting the same content again is the same waiting version, not a third.
    const again = await outbox.submit(documentFor("2563", lao, 6));
    expect(again.state === "queued" && again.entry.id).toBe(waiting[1]!.id);

    rig.proxy.choose(() => "pass");
    const report = await outbox.drain();
    expect(report.acknowledged.map((r) => r.version)).toEqual([1, 2]);
    const stored = await serverVersions(rig.h, lao);
    expect(stored.map((v) => [v.instanceId, v.replacesId])).toEqual([
      [waiting[0]!.id, null],
      [waiting[1]!.id, waiting[0]!.id],
    ]);
    // The same content as the last acknowledged version sends nothing new.
    const unchanged = await outbox.submit(documentFor("2563", lao, 6));
    expect(unchanged).toMatchObject({ state: "acknowledged", unchanged: true, receipt: { version: 2 } });
    expect(await serverVersions(rig.h, lao)).toHaveLength(2);
  });
  it("writes a new version at once even while an earlier one is still being retried", async () => {
    const lao = nextLao();
    // The wait between attempts lasts until the test ends it.
    let endWait!: () => void;
    const waitEnds = new Promise<void>((resolve) => (endWait = resolve));
    let waiting!: () => void;
    const inWait = new Promise<void>((resolve) => (waiting = resolve));
    const { api } = await signedIn(rig, lao, {
      retry: { ...FAST_RETRY, attempts: 3 },
      sleep: async () => {
        waiting();
        await waitEnds;
      },
    });
    const outbox = outboxFor(api, new MemoryStorage());
    rig.proxy.choose(onSubmit(["drop", "drop", "drop"])); // the submission itself cannot get through
    let firstSettled = false;
    const first = outbox.submit(documentFor("2563", lao, 30)).then((o) => {
      firstSettled = true;
      return o;
    });
    await inWait;
    const second = await outbox.enqueue(documentFor("2563", lao, 31));
    expect(firstSettled).toBe(false); // the first is still waiting between attempts…
    expect(second.state).toBe("queued"); // …and the second is already kept
    expect((await outbox.entries()).length).toBe(2);
    endWait();
    expect((await first).state).toBe("queued");
    rig.proxy.choose(() => "pass");
    expect((await outbox.drain()).acknowledged.map((r) => r.version)).toEqual([1, 2]);
  });
});

describe("refusals hold the entry and never drop it", () => {
  it("holds a version when a newer one came from another computer, and sends it in its place when asked", async () => {
    const lao = nextLao();
    const a = await signedIn(rig, lao);
    const b = await signedIn(rig, lao);
    const here = outboxFor(a.api, new MemoryStorage());
    const there = outboxFor(b.api, new MemoryStorage());
    rig.proxy.choose(() => "pass");
    expect((await here.submit(documentFor("2563", lao, 7))).state).toBe("acknowledged");
    const elsewhere = await there.submit(documentFor("2563", lao, 8));
    expect(elsewhere).toMatchObject({ state: "acknowledged", receipt: { version: 2 } });

    const from = rig.proxy.log.length;
    const stale = await here.submit(documentFor("2563", lao, 9));
    expect(stale.state).toBe("held");
    if (stale.state !== "held") return;
    expect(stale.problem.kind).toBe("newer-version");
    expect(stale.problem.message).toContain("ฉบับที่ 2");
    expect(stale.problem.message).toContain("ใหม่กว่า");
    expect(posts(rig, from)).toHaveLength(1); // a refusal is not retried
    expect((await here.entries()).map((e) => [e.id, e.state])).toEqual([[stale.entry.id, "held"]]);
    // A later drain leaves it alone.
    expect((await here.drain()).held.map((e) => e.id)).toEqual([stale.entry.id]);

    const resent = await here.resubmit(stale.entry.id);
    expect(resent).toMatchObject({ state: "acknowledged", receipt: { version: 3 } });
    const stored = await serverVersions(rig.h, lao);
    expect(stored[2]!.replacesId).toBe(stored[1]!.instanceId);
    expect(stored[2]!.contentHash).toBe(stale.entry.contentHash);
    expect(await here.entries()).toEqual([]);
  });

  it("decides one way for every client: unchanged against the server, the server's version as basis, the version the officer saw", async () => {
    const lao = nextLao();
    const a = await signedIn(rig, lao);
    const b = await signedIn(rig, lao);
    const here = outboxFor(a.api, new MemoryStorage());
    const there = outboxFor(b.api, new MemoryStorage());
    expect(await here.submit(documentFor("2563", lao, 20))).toMatchObject({ receipt: { version: 1 } });

    // The same figures from another computer: nothing new is sent, the server's receipt is the answer.
    let from = rig.proxy.log.length;
    const same = await there.submit(documentFor("2563", lao, 20));
    expect(same).toMatchObject({ state: "acknowledged", unchanged: true, receipt: { version: 1 } });
    expect(posts(rig, from)).toHaveLength(0);

    // Seen version 0 but the server has 1: held, with what the server has; nothing stored.
    const fresh = outboxFor(b.api, new MemoryStorage());
    const unexpected = await fresh.submit(documentFor("2563", lao, 21), {
      basis: "server",
      expectVersion: 0,
    });
    expect(unexpected.state).toBe("held");
    if (unexpected.state !== "held") return;
    expect(unexpected.problem).toMatchObject({ kind: "newer-version", code: "unexpected-version" });
    expect(unexpected.problem.message).toContain("ฉบับที่ 1");
    expect(await serverVersions(rig.h, lao)).toHaveLength(1);

    // Seen version 1, basis the server: replaces it.
    from = rig.proxy.log.length;
    const seen = await there.submit(documentFor("2563", lao, 22), { basis: "server", expectVersion: 1 });
    expect(seen).toMatchObject({ state: "acknowledged", receipt: { version: 2 } });
    expect(posts(rig, from)).toHaveLength(1);

    // This device last saw version 1; by default it does not replace version 2 unseen.
    const stale = await here.submit(documentFor("2563", lao, 23));
    expect(stale).toMatchObject({ state: "held", problem: { kind: "newer-version" } });
    // With the server's version as basis, the same data replaces it.
    const replacing = await outboxFor(a.api, new MemoryStorage()).submit(documentFor("2563", lao, 23), {
      basis: "server",
    });
    expect(replacing).toMatchObject({ state: "acknowledged", receipt: { version: 3 } });
    const stored = await serverVersions(rig.h, lao);
    expect(stored[2]!.replacesId).toBe(stored[1]!.instanceId);
  });

  it("holds a version whose id the server already has with other content, and sends it under a new id", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao);
    rig.proxy.choose(() => "pass");
    const storage = new MemoryStorage();
    const first = await outboxFor(api, storage).submit(documentFor("2563", lao, 10));
    if (first.state !== "acknowledged") throw new Error(first.state);
    // A client that makes the same id twice (the conflict the server guards against).
    const reusing = new Outbox({ storage, api, newId: () => first.receipt.id });
    const conflict = await reusing.submit(documentFor("2563", lao, 11), { allowUnchanged: true });
    expect(conflict.state).toBe("held");
    if (conflict.state !== "held") return;
    expect(conflict.problem.kind).toBe("id-conflict");
    expect(conflict.problem.message).toContain(first.receipt.id);
    expect(conflict.problem.message).toContain("ยังเก็บไว้ในเครื่องนี้");
    expect(await serverVersions(rig.h, lao)).toHaveLength(1);
    expect(await outboxFor(api, storage).entries()).toHaveLength(1);

    const resent = await outboxFor(api, storage).resubmit(conflict.entry.id);
    expect(resent).toMatchObject({
      state: "acknowledged",
      receipt: { version: 2, replaces: first.receipt.id },
    });
    expect(resent.state === "acknowledged" && resent.receipt.id).not.toBe(first.receipt.id);
  });

  it("holds a document the server finds incomplete, with each problem's path, after one request", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao);
    rig.proxy.choose(() => "pass");
    const document = documentFor("2563", lao, 12);
    const [firstId] = Object.keys(document.values);
    delete document.values[firstId!];
    const from = rig.proxy.log.length;
    const outcome = await outboxFor(api, new MemoryStorage()).submit(document);
    expect(outcome.state).toBe("held");
    if (outcome.state !== "held") return;
    expect(outcome.problem.kind).toBe("document-incomplete");
    expect(outcome.problem.message).toContain("ยังกรอกไม่ครบ 1 รายการ");
    expect(outcome.problem.details).toMatchObject({ problems: [{ path: `values.${firstId}.base` }] });
    expect(posts(rig, from)).toHaveLength(1);
  });

  it("keeps a version sent after the window closed queued, and sends it once the window opens again", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao);
    rig.proxy.choose(() => "pass");
    const outbox = outboxFor(api, new MemoryStorage());
    await rig.h.setClock("2020-07-16T00:00:01+07:00");
    try {
      const outcome = await outbox.submit(documentFor("2563", lao, 13));
      expect(outcome.state).toBe("queued");
      if (outcome.state !== "queued") return;
      expect(outcome.problem.kind).toBe("window-closed");
      expect(outcome.problem.message).toContain("ระบบปิดรับข้อมูลรอบนี้แล้ว (ปิดเมื่อ ๑๖ กรกฎาคม ๒๕๖๓ เวลา ๐๐.๐๐ น.)");
      expect(outcome.problem.message).toContain("ขอขยายเวลา");
    } finally {
      await rig.h.setClock("2020-06-01T10:00:00+07:00");
    }
    expect((await outbox.drain()).acknowledged).toHaveLength(1);
  });

  it("stops at a revoked sign-in, keeps everything, and sends it after signing in again", async () => {
    const lao = nextLao();
    const first = await signedIn(rig, lao);
    const storage = new MemoryStorage();
    rig.proxy.choose(() => "pass");
    await first.api.signOut();
    const outcome = await outboxFor(first.api, storage).submit(documentFor("2563", lao, 14));
    expect(outcome.state).toBe("queued");
    if (outcome.state !== "queued") return;
    expect(outcome.problem.kind).toBe("signed-out");
    expect(outcome.problem.message).toContain("ลงชื่อเข้าใช้ใหม่");
    expect(await serverVersions(rig.h, lao)).toHaveLength(0);

    const again = await signedIn(rig, lao);
    const report = await outboxFor(again.api, storage).drain();
    expect(report.acknowledged.map((r) => r.id)).toEqual([outcome.entry.id]);
  });

  it("leaves another LAO's waiting versions alone", async () => {
    const mine = nextLao();
    const theirs = nextLao();
    const storage = new MemoryStorage();
    const them = await signedIn(rig, theirs);
    rig.proxy.choose(() => "drop");
    const waiting = await outboxFor(
      new ApiClient({ server: rig.proxy.url, token: them.token, retry: { ...FAST_RETRY, attempts: 1 } }),
      storage,
    ).submit(documentFor("2563", theirs, 15));
    expect(waiting.state).toBe("queued");
    rig.proxy.choose(() => "pass");
    const me = await signedIn(rig, mine);
    const report = await outboxFor(me.api, storage).drain();
    expect(report).toMatchObject({ acknowledged: [], otherLaos: 1 });
    expect(await serverVersions(rig.h, theirs)).toHaveLength(0);
  });
});

describe("a document too large to send is held, never retried", () => {
  /** A document with `chars` Thai characters (3 bytes each) of text pasted into its cells by mistake. */
  function withLongText(lao: string, seed: number, chars: number) {
    return padded(documentFor("2563", lao, seed), chars * 3);
  }

  it("over the server's limit: held at once with the Thai message, nothing sent, nothing stored, and a drain leaves it", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao);
    const outbox = outboxFor(api, new MemoryStorage());
    const from = rig.proxy.log.length;
    const outcome = await outbox.submit(withLongText(lao, 40, 1_100_000));
    expect(outcome.state).toBe("held");
    if (outcome.state !== "held") return;
    expect(outcome.problem).toMatchObject({ kind: "too-large", code: "body-too-large" });
    expect(outcome.problem.message).toContain("ข้อมูลนี้ใหญ่เกินกว่าที่เครื่องแม่ข่ายรับได้");
    expect(outcome.problem.message).toContain("จึงยังไม่ได้ส่ง และจะไม่ส่งซ้ำเอง ช่องที่ใหญ่ที่สุด: values.2563-pad-");
    expect(posts(rig, from)).toEqual([]);
    expect((await outbox.drain()).held.map((e) => e.id)).toEqual([outcome.entry.id]);
    expect(posts(rig, from)).toEqual([]);
    expect(await serverVersions(rig.h, lao)).toEqual([]);
    expect((await outbox.entries()).map((e) => [e.id, e.state])).toEqual([[outcome.entry.id, "held"]]);
  });

  it("refused by a server that takes less than the client, through the proxy: the 413 arrives, the entry is held after one request", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao, { maxRequestBytes: 8 * 1024 * 1024 });
    const outbox = outboxFor(api, new MemoryStorage());
    const from = rig.proxy.log.length;
    const outcome = await outbox.submit(withLongText(lao, 41, 1_100_000));
    expect(outcome.state).toBe("held");
    if (outcome.state !== "held") return;
    expect(outcome.problem).toMatchObject({ kind: "too-large", status: 413, attempts: 1 });
    expect(outcome.problem.message).toContain("เครื่องแม่ข่ายจึงไม่รับ และจะไม่ส่งซ้ำเอง ช่องที่ใหญ่ที่สุด: values.2563-pad-");
    expect(posts(rig, from)).toHaveLength(1);
    await outbox.drain();
    expect(posts(rig, from)).toHaveLength(1);
    expect(await serverVersions(rig.h, lao)).toEqual([]);
  });

  it("under the limit but cut on the way every time while the server answers: held after two sends, not retried forever", async () => {
    const lao = nextLao();
    const { api } = await signedIn(rig, lao, { retry: { ...FAST_RETRY, attempts: 2 } });
    const events: OutboxEvent[] = [];
    const outbox = outboxFor(api, new MemoryStorage(), events);
    // Something on the way (a proxy with a lower limit) resets any body over 600 KB.
    rig.proxy.choose((r) => (r.bytes > 600_000 ? "drop" : "pass"));
    const from = rig.proxy.log.length;
    const first = await outbox.submit(withLongText(lao, 42, 250_000)); // 750 KB
    expect(first.state).toBe("queued");
    if (first.state !== "queued") return;
    expect(first.problem.kind).toBe("unreachable");
    expect(first.entry.brokenSends).toBe(1);
    const report = await outbox.drain();
    expect(report.held.map((e) => e.id)).toEqual([first.entry.id]);
    const held = report.held[0]!;
    expect(held.problem).toMatchObject({ kind: "too-large", code: "connection-breaks-on-body" });
    expect(held.problem!.message).toMatch(/^ส่งข้อมูลนี้ \([\d,]+ KB\) ไม่สำเร็จ 2 ครั้ง การเชื่อมต่อขาดทุกครั้งที่ส่ง/);
    expect(held.problem!.message).toContain("ช่องที่ใหญ่ที่สุด: values.2563-pad-");
    expect(events.filter((e) => e.type === "held")).toHaveLength(1);
    // Two sends of two attempts each, and nothing more however often the outbox drains.
    expect(posts(rig, from)).toHaveLength(4);
    await outbox.drain();
    expect(posts(rig, from)).toHaveLength(4);
    expect(await serverVersions(rig.h, lao)).toEqual([]);
    // A small document of the same LAO still goes through the same way.
    const small = await outboxFor(api, new MemoryStorage()).submit(documentFor("2563", lao, 43));
    expect(small.state).toBe("acknowledged");
  });
});

describe("signing in", () => {
  it("tries a sign-in again when the connection dropped before it arrived", async () => {
    const lao = nextLao();
    rig.proxy.choose(scriptedFaults((r) => r.path === "/api/v1/sessions", ["drop"]));
    const { token } = await signedIn(rig, lao);
    expect(token).toMatch(/^mst_/);
  });

  it("says the one-time code was probably used when the answer carrying the token was lost", async () => {
    const lao = nextLao();
    rig.proxy.choose(scriptedFaults((r) => r.path === "/api/v1/sessions", ["lose-response"]));
    const failure = await signedIn(rig, lao).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: "code-maybe-used" });
    expect((failure as Error).message).toContain("ขอรหัสใหม่");
  });
});

describe("the device's sign-in, kept beside the outbox", () => {
  it("keeps the token in the add-in's storage per server, and forgets it on sign-out", async () => {
    const lao = nextLao();
    const storage = new MemoryStorage();
    const sessions = new SessionStore(storage);
    const code = await rig.h.send<string>({ cmd: "laoCode", lao });
    const api = new ApiClient({ server: rig.proxy.url, retry: FAST_RETRY });
    const kept = await sessions.save(api.server, await api.signIn(code, "Excel ห้องกองช่าง"));
    expect(kept.user.laoCode).toBe(lao);
    // The next open of the pane signs in from storage; the outbox ignores the session's key.
    const again = api.withToken((await sessions.get(api.server))!.token);
    expect((await again.me()).lao?.code).toBe(lao);
    const report = await outboxFor(again, storage).drain();
    expect(report.unreadable).toEqual([]);
    await again.signOut();
    await sessions.forget(api.server);
    expect(await sessions.get(api.server)).toBeUndefined();
    expect(await storage.getKeys()).toEqual([]);
    await expect(again.me()).rejects.toMatchObject({ kind: "signed-out" });
  });
});
