import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep } from "./retry";

describe("backoff", () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 500, maxDelayMs: 20_000 };

  it("doubles the step each retry, waits between half and all of it, and stops growing at the cap", () => {
    const steps = [500, 1000, 2000, 4000, 8000, 16000, 20000, 20000];
    steps.forEach((step, i) => {
      expect(backoffDelay(i + 1, policy, () => 0)).toBe(step / 2);
      expect(backoffDelay(i + 1, policy, () => 0.999999)).toBe(step);
      const any = backoffDelay(i + 1, policy);
      expect(any).toBeGreaterThanOrEqual(step / 2);
      expect(any).toBeLessThanOrEqual(step);
    });
  });

  it("spreads clients that failed at the same moment", () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy)));
    expect(waits.size).toBeGreaterThan(25);
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates; ignores what it cannot read", () => {
    expect(parseRetryAfter("7")).toBe(7000);
    const now = Date.parse("2026-08-31T07:00:00Z");
    expect(parseRetryAfter("Mon, 31 Aug 2026 07:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 31 Aug 2026 06:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("sleep", () => {
  it("stops waiting when the signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("closing")), 20);
    // An hour: only the abort can end it within the test.
    await expect(sleep(3_600_000, controller.signal)).rejects.toThrow("closing");
  });
});
