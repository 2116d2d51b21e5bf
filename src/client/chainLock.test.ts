import { withLock } from "./chainLock";

/** A promise the test settles itself. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe("withLock", () => {
  it("runs two holders of one key one after the other, in call order", async () => {
    const scope = {};
    const order: string[] = [];
    const firstMayEnd = gate();
    const firstStarted = gate();
    const first = withLock(scope, "send|a", async () => {
      order.push("first starts");
      firstStarted.open();
      await firstMayEnd.promise;
      order.push("first ends");
      return 1;
    });
    const second = withLock(scope, "send|a", async () => {
      order.push("second runs");
      return 2;
    });
    await firstStarted.promise;
    firstMayEnd.open();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(order).toEqual(["first starts", "first ends", "second runs"]);
  });

  it("lets the next holder run after one that failed, and gives the failure to its caller", async () => {
    const scope = {};
    const failed = withLock(scope, "k", async () => {
      throw new Error("broken");
    });
    const next = withLock(scope, "k", async () => "ran");
    await expect(failed).rejects.toThrow("broken");
    await expect(next).resolves.toBe("ran");
  });

  it("runs another key while one key's holder waits", async () => {
    const scope = {};
    const held = gate();
    const waiting = withLock(scope, "send|a", () => held.promise);
    // Resolves although send|a still waits for its gate.
    await expect(withLock(scope, "send|b", async () => "b")).resolves.toBe("b");
    held.open();
    await waiting;
  });

  it("runs the same key of another scope (another storage) while one waits", async () => {
    const held = gate();
    const waiting = withLock({}, "send|a", () => held.promise);
    await expect(withLock({}, "send|a", async () => "other")).resolves.toBe("other");
    held.open();
    await waiting;
  });
});
