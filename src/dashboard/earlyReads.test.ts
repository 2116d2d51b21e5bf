import { earlyReadsSettled, firstScreenFits, type EarlyRead } from "./earlyReads";

/** A read whose answer the test settles by hand. */
function pendingRead(): { read: EarlyRead; settle: () => void } {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { read: { response: new Promise<Response>(() => undefined), settled }, settle };
}

function install(reads: Record<string, EarlyRead>): void {
  Object.assign(globalThis, {
    __minstdEarlyReads: { token: "t", at: Date.now(), reads: new Map(Object.entries(reads)) },
  });
}

describe("the first render's wait for the early reads", () => {
  afterEach(() => {
    delete (globalThis as { __minstdEarlyReads?: unknown }).__minstdEarlyReads;
    jest.useRealTimers();
  });

  it("does not wait when the page started no reads (signed out)", async () => {
    await expect(earlyReadsSettled(60_000)).resolves.toBeUndefined();
  });

  it("ends when the last read has settled, not before", async () => {
    const me = pendingRead();
    const results = pendingRead();
    install({ "/me": me.read, "/rounds/2568/results": results.read });
    let done = false;
    const waiting = earlyReadsSettled(60_000).then(() => (done = true));
    me.settle();
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    results.settle();
    await waiting;
    expect(done).toBe(true);
  });

  it("gives up after its limit when a read does not settle", async () => {
    jest.useFakeTimers();
    install({ "/me": pendingRead().read });
    let done = false;
    const waiting = earlyReadsSettled(800).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(799);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });
});

describe("whether the page's first screen is the one the app draws", () => {
  const first = { place: "#/national?round=2569", tokenEnd: "abcdefgh", answers: {} };
  const own = { token: "mst_xxxxxxxxabcdefgh", shared: false };

  it.each([
    ["", true],
    ["#/", true],
    ["#/national", true],
    ["#/national?round=2569", true],
    ["#/national?round=2568", false],
    ["#/national?round=2569&by=indicator", false],
    ["#/province/22?round=2569", false],
    ["#/codes", false],
  ])("at %j: %s", (hash, fits) => {
    expect(firstScreenFits(first, own, "th", hash)).toBe(fits);
  });

  it("never for another token, a shared computer's session, nobody signed in, or English", () => {
    expect(firstScreenFits(first, { token: "mst_xxxxxxxxzzzzzzzz", shared: false }, "th", "")).toBe(false);
    expect(firstScreenFits(first, { ...own, shared: true }, "th", "")).toBe(false);
    expect(firstScreenFits(first, null, "th", "")).toBe(false);
    expect(firstScreenFits(first, own, "en", "")).toBe(false);
  });
});
