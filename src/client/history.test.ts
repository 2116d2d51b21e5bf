import { ApiClient } from "./api";
import { ClientProblem } from "./problems";

/** The answer of GET /laos/:lao/history/:round for an LAO that submitted in 2568 and 2569, as the server gives it. */
const ANSWER = {
  round: "2569",
  lao: "4220102",
  indicators: [
    {
      id: "2569-1-01",
      current: { status: "pass", value: 4 },
      earlier: [
        {
          round: "2568",
          year: 2568,
          indicatorId: "2568-1-01",
          kind: "count",
          status: "below",
          value: 1,
          label: "การพัฒนาในอนาคต",
          version: 2,
          receivedAt: "2025-08-01T10:00:00+07:00",
          receivedAtTh: "๑ สิงหาคม ๒๕๖๘ เวลา ๑๐.๐๐ น.",
        },
      ],
      change: { trend: "better", delta: 3 },
    },
    { id: "2569-1-02", current: null, earlier: [], change: null },
  ],
};

interface Call {
  readonly url: string;
  readonly method: string;
  readonly authorization: string | undefined;
}

/** A client over a fetch that answers every request with `status` and `body`, recording the calls. */
function clientAnswering(status: number, body: unknown): { api: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? "GET",
      authorization: (init.headers as Record<string, string>).authorization,
    });
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
    });
  }) as unknown as typeof globalThis.fetch;
  const api = new ApiClient({
    server: "https://minstd.example.go.th",
    token: "mst_token-of-this-device",
    fetch,
    retry: { attempts: 2 },
    sleep: async () => undefined,
  });
  return { api, calls };
}

async function failure(call: Promise<unknown>): Promise<ClientProblem> {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof ClientProblem)) throw new Error(`expected a ClientProblem, got ${String(e)}`);
  return e;
}

describe("ApiClient.history", () => {
  it("asks for the LAO's history in the round, signed in, and gives the checked answer", async () => {
    const { api, calls } = clientAnswering(200, { ...ANSWER, servedBy: "a newer server" });
    const history = await api.history("4220102", "2569");
    expect(calls).toEqual([
      {
        url: "https://minstd.example.go.th/api/v1/laos/4220102/history/2569",
        method: "GET",
        authorization: "Bearer mst_token-of-this-device",
      },
    ]);
    expect(history.indicators).toHaveLength(2);
    expect(history.indicators[0]!.earlier[0]).toMatchObject({ year: 2568, status: "below", value: 1 });
    expect(history.indicators[0]!.change).toEqual({ trend: "better", delta: 3 });
    expect(history.indicators[1]).toEqual({ id: "2569-1-02", current: null, earlier: [], change: null });
    // Loose objects: what a newer server adds passes through.
    expect(history).toHaveProperty("servedBy", "a newer server");
  });

  it("puts the codes in the path safely", async () => {
    const { api, calls } = clientAnswering(200, ANSWER);
    await api.history("42/20?102", "25 69");
    expect(calls[0]!.url).toBe("https://minstd.example.go.th/api/v1/laos/42%2F20%3F102/history/25%2069");
  });

  it("takes an answer of another shape for something in between, not for a history", async () => {
    const wrongStatus = structuredClone(ANSWER);
    wrongStatus.indicators[0]!.earlier[0]!.status = "passed";
    for (const body of [{ round: "2569", lao: "4220102" }, wrongStatus, "<html>Wi-Fi login</html>"]) {
      const { api, calls } = clientAnswering(200, body);
      const problem = await failure(api.history("4220102", "2569"));
      expect(problem.kind).toBe("unexpected-response");
      expect(problem.message).toContain("ไม่ใช่ของเครื่องแม่ข่าย MinStd");
      expect(calls).toHaveLength(2); // tried again: a captive portal may let the next one through
    }
  });

  it("passes on the server's refusal in Thai, without retrying", async () => {
    const { api, calls } = clientAnswering(403, {
      status: 403,
      code: "forbidden",
      message: "ผู้ใช้นี้ไม่มีสิทธิ์ดูข้อมูลของ อปท. นี้",
      messageEn: "this user may not see this LAO's data",
    });
    const problem = await failure(api.history("5220105", "2569"));
    expect(problem).toMatchObject({ kind: "forbidden", status: 403 });
    expect(problem.message).toContain("ไม่มีสิทธิ์");
    expect(calls).toHaveLength(1);
  });
});
