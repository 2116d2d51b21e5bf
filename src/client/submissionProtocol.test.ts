import type { MySubmission, Receipt } from "./api";
import type { OutboxEntry, StoredReceipt } from "./outboxEntry";
import { ClientProblem, transportProblems } from "./problems";
import {
  afterFailedSend,
  bindOnDevice,
  bindOnServer,
  BROKEN_SENDS_HOLD,
  brokenOnBody,
  comparesWithServer,
  isConnectionFailure,
  isLargeBody,
  mayBeAcknowledged,
  newEntry,
  receiptMismatch,
  receiptsToSlim,
  sameAsLastEntry,
  serverVersionStands,
  stopsEveryChain,
} from "./submissionProtocol";

const chain = { server: "https://minstd.example", round: "2563", lao: "6220101" };
const document = {} as OutboxEntry["document"];

function entry(over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    ...chain,
    id: "e1",
    seq: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    contentHash: "sha256:1",
    document,
    state: "queued",
    sends: 0,
    ...over,
  };
}
const receipt = (over: Partial<Receipt> = {}): Receipt =>
  ({
    id: "e1",
    replaces: null,
    version: 1,
    round: "2563",
    lao: "6220101",
    contentHash: "sha256:1",
    ...over,
  }) as Receipt;
const current = (over: Partial<MySubmission> = {}): MySubmission => ({
  round: "2563",
  state: "submitted",
  version: 3,
  currentId: "on-server",
  receiptNumber: "R3",
  ...over,
});
const newerVersion = () =>
  new ClientProblem({ kind: "newer-version", code: "x", message: "x", messageEn: "x" }).toJSON();

describe("before a version is kept", () => {
  it("compares with the server only when nothing of the chain waits and unchanged versions are not wanted", () => {
    expect(comparesWithServer({}, [])).toBe(true);
    expect(comparesWithServer({}, [entry({ state: "held" })])).toBe(false);
    expect(comparesWithServer({ allowUnchanged: true }, [])).toBe(false);
    expect(serverVersionStands(current())).toBe(true);
    expect(serverVersionStands(current({ state: "returned" }))).toBe(false);
    expect(serverVersionStands(undefined)).toBe(false);
  });

  it("takes a document equal to the chain's last entry as that entry, held or not", () => {
    const last = entry({ id: "last", contentHash: "sha256:2", state: "held" });
    expect(sameAsLastEntry([entry(), last], "sha256:2", {})).toBe(last);
    expect(sameAsLastEntry([entry(), last], "sha256:1", {})).toBeUndefined();
    expect(sameAsLastEntry([last], "sha256:2", { allowUnchanged: true })).toBeUndefined();
  });

  it("counts a document as acknowledged already only while nothing of the chain is queued", () => {
    expect(mayBeAcknowledged([], {})).toBe(true);
    expect(mayBeAcknowledged([entry({ state: "held" })], {})).toBe(true);
    expect(mayBeAcknowledged([entry()], {})).toBe(false);
    expect(mayBeAcknowledged([], { allowUnchanged: true })).toBe(false);
  });

  it("puts a new entry after the chain's last one, with the caller's basis only when nothing is queued", () => {
    const now = new Date("2026-01-02T00:00:00.000Z");
    const base = { id: "n", chain, now, contentHash: "sha256:9", document };
    const fresh = newEntry({ ...base, entries: [], options: { basis: "server", expectVersion: 0 } });
    expect(fresh).toEqual({
      ...chain,
      id: "n",
      seq: now.getTime() * 1000,
      createdAt: now.toISOString(),
      contentHash: "sha256:9",
      document,
      basis: "server",
      expectVersion: 0,
      state: "queued",
      sends: 0,
    });
    const afterQueued = newEntry({
      ...base,
      entries: [entry({ seq: now.getTime() * 1000 + 5 })],
      options: { basis: "server", expectVersion: 2 },
    });
    expect(afterQueued.seq).toBe(now.getTime() * 1000 + 6);
    expect(afterQueued).not.toHaveProperty("basis");
    expect(afterQueued).not.toHaveProperty("expectVersion");
    expect(
      newEntry({ ...base, entries: [entry({ state: "held" })], options: { basis: "server" } }).basis,
    ).toBe("server");
    expect(newEntry({ ...base, entries: [], replaces: null }).replaces).toBeNull();
    expect(newEntry({ ...base, entries: [] })).not.toHaveProperty("replaces");
  });
});

describe("what a version replaces", () => {
  it("is this device's last receipt for basis device, without asking the server", () => {
    expect(bindOnDevice(entry(), receipt({ id: "r1" }))).toBe("r1");
    expect(bindOnDevice(entry(), undefined)).toBeUndefined();
    expect(bindOnDevice(entry({ basis: "server" }), receipt())).toBeUndefined();
    expect(bindOnDevice(entry({ expectVersion: 1 }), receipt())).toBeUndefined();
  });

  it("is the server's current version for basis server, or when the device has no receipt", () => {
    expect(bindOnServer(entry({ basis: "server" }), receipt({ id: "r1" }), current())).toEqual({
      replaces: "on-server",
    });
    expect(bindOnServer(entry(), undefined, current())).toEqual({ replaces: "on-server" });
    expect(bindOnServer(entry(), undefined, undefined)).toEqual({ replaces: null });
    expect(bindOnServer(entry({ expectVersion: 3 }), receipt({ id: "r1" }), current())).toEqual({
      replaces: "r1",
    });
    expect(bindOnServer(entry({ expectVersion: 0 }), undefined, undefined)).toEqual({ replaces: null });
  });

  it("holds the version when the server moved on from the one the officer expected", () => {
    const bound = bindOnServer(entry({ expectVersion: 2 }), undefined, current());
    expect("hold" in bound && bound.hold.kind).toBe("newer-version");
    const none = bindOnServer(entry({ expectVersion: 1 }), undefined, undefined);
    expect("hold" in none && none.hold.code).toBe("unexpected-version");
  });
});

describe("after a send", () => {
  it("accepts only the receipt of this very request", () => {
    const sent = entry({ replaces: "r0" });
    expect(receiptMismatch(sent, receipt({ replaces: "r0" }))).toBeUndefined();
    expect(receiptMismatch(sent, receipt({ id: "e2", replaces: "r0" }))).toMatch(/^id /);
    expect(receiptMismatch(sent, receipt({ replaces: "r0", contentHash: "sha256:2" }))).toMatch(
      /^content hash/,
    );
    expect(receiptMismatch(sent, receipt({ replaces: "r0", lao: "6220102" }))).toMatch(/^round\/LAO/);
    expect(receiptMismatch(sent, receipt({ replaces: null }))).toMatch(/^replaces/);
  });

  it("holds a refusal that needs the officer, and keeps anything else queued", () => {
    const held = afterFailedSend(entry(), newerVersion());
    expect(held).toEqual({ entry: { ...entry(), state: "held", problem: newerVersion() }, held: true });
    const network = transportProblems.unreachable().toJSON();
    expect(afterFailedSend(entry(), network)).toEqual({
      entry: { ...entry(), problem: network },
      held: false,
    });
  });

  it("holds a large body after the connection broke on it again and again while the server answered", () => {
    expect(isConnectionFailure("unreachable")).toBe(true);
    expect(isConnectionFailure("timeout")).toBe(true);
    expect(isConnectionFailure("server-error")).toBe(false);
    expect(isLargeBody(251, 1000)).toBe(true);
    expect(isLargeBody(250, 1000)).toBe(false);
    const problem = transportProblems.unreachable();
    const once = brokenOnBody(entry(), problem, 500);
    expect(once.entry.brokenSends).toBe(1);
    expect(once.problem).toBe(problem);
    expect(afterFailedSend(once.entry, once.problem.toJSON()).held).toBe(false);
    let broken = once;
    for (let i = 1; i < BROKEN_SENDS_HOLD; i++) broken = brokenOnBody(broken.entry, problem, 500);
    expect(broken.entry.brokenSends).toBe(BROKEN_SENDS_HOLD);
    expect(broken.problem.code).toBe("connection-breaks-on-body");
    expect(afterFailedSend(broken.entry, broken.problem.toJSON()).held).toBe(true);
  });

  it("stops every chain of a drain, except for a closed window, which concerns one round", () => {
    expect(stopsEveryChain("unreachable")).toBe(true);
    expect(stopsEveryChain("signed-out")).toBe(true);
    expect(stopsEveryChain("window-closed")).toBe(false);
    expect(stopsEveryChain("window-not-open")).toBe(false);
  });

  it("keeps documents with the newest few receipts only", () => {
    const r = (version: number, withDocument = true): StoredReceipt => ({
      receipt: receipt({ version }),
      ...(withDocument && { document }),
      storedAt: "t",
    });
    expect(receiptsToSlim([r(4), r(3), r(2, false), r(1)], 2)).toEqual([
      { receipt: receipt({ version: 1 }), storedAt: "t" },
    ]);
    expect(receiptsToSlim([r(2), r(1)], 3)).toEqual([]);
  });
});
