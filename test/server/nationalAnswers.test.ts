import { BACKENDS, documentFor, startHarness, startPeer, type Harness } from "./harness";

/**
 * The national tables (completeness and results for the whole country) are kept between requests
 * with a stamp of their data. Each read must still give what the data says now: after a submission,
 * a new version, a return, a change made outside the API (another tool on the database, the
 * register reloaded) and, on PostgreSQL, a submission through another server process. The oracle
 * is the same table asked for one province, which is computed afresh on every request.
 */
interface CompletenessRow {
  provinceCode: string;
  provinceTh: string;
  registered: number;
  submitted: number;
  returned: number;
  notStarted: number;
}
interface ResultsPart {
  assessed: number;
  counts: Record<string, number>;
  passRate: number | null;
}

describe.each(BACKENDS)("the national tables kept between requests, on %s", (backend) => {
  let h: Harness;
  let national: string;
  let province: string;
  const laoToken: Record<string, string> = {};
  const LAOS = ["4220102", "4220103", "5220105"];

  /** The national tables' rows for province 22 next to the tables asked for province 22 alone. */
  async function readBoth(server: Harness = h) {
    const get = async (path: string) => {
      const res = await server.api("GET", path, { token: national });
      expect(res.status).toBe(200);
      return res.body;
    };
    const [allC, oneC, allR, oneR] = await Promise.all([
      get("/rounds/2568/completeness"),
      get("/rounds/2568/completeness?province=22"),
      get("/rounds/2568/results"),
      get("/rounds/2568/results?province=22"),
    ]);
    const nationalRow = (allC.provinces as CompletenessRow[]).find((p) => p.provinceCode === "22")!;
    const nationalPart = (allR.byProvince as Array<ResultsPart & { provinceCode: string }>).find(
      (p) => p.provinceCode === "22",
    );
    return {
      national: { completeness: nationalRow, results: nationalPart && part(nationalPart), laos: allR.laos },
      province: {
        completeness: (oneC.provinces as CompletenessRow[])[0]!,
        results: oneR.laos === 0 ? undefined : part(oneR.overall as ResultsPart),
        laos: oneR.laos,
      },
    };
  }
  const part = (p: ResultsPart) => ({ assessed: p.assessed, counts: p.counts, passRate: p.passRate });

  async function expectCurrent(server: Harness = h) {
    const both = await readBoth(server);
    expect(both.national).toEqual(both.province);
    return both.national;
  }

  beforeAll(async () => {
    h = await startHarness(backend, { now: "2025-08-01T10:00:00+07:00" });
    national = await h.signIn("national");
    province = await h.signIn("province", { province: "22" });
    for (const code of LAOS) laoToken[code] = await h.signIn("lao", { lao: code });
  });
  afterAll(() => h?.close());

  /** The id of each LAO's current version, which a new version names as the one it replaces. */
  const current: Record<string, string> = {};
  const submit = async (code: string, seed: number, server: Harness = h) => {
    const id = `n-${code}-${seed}-${backend}`;
    const res = await server.api("POST", "/submissions", {
      token: laoToken[code],
      body: {
        id,
        ...(current[code] && { replaces: current[code] }),
        document: documentFor("2568", code, seed),
      },
    });
    expect(res.status).toBe(201);
    current[code] = id;
  };

  it("follow submissions, new versions and returns made through the API", async () => {
    const before = await expectCurrent();
    expect(before.completeness.submitted).toBe(0);
    await expectCurrent(); // asked again under the same stamp

    await submit(LAOS[0]!, 1);
    expect((await expectCurrent()).completeness.submitted).toBe(1);
    await submit(LAOS[1]!, 2);
    const two = await expectCurrent();
    expect(two.completeness.submitted).toBe(2);
    expect(two.laos).toBe(2);

    const ret = await h.api("POST", `/laos/${LAOS[1]}/submissions/2568/returns`, {
      token: province,
      body: { version: 1, comments: { "2568-1-01": "ตรวจจำนวนโครงการอีกครั้ง" } },
    });
    expect(ret.status).toBe(201);
    const returned = await expectCurrent();
    expect(returned.completeness).toEqual(expect.objectContaining({ submitted: 1, returned: 1 }));

    // A new version with other figures: the results move with it.
    await submit(LAOS[0]!, 7);
    const changed = await expectCurrent();
    expect(changed.completeness).toEqual(expect.objectContaining({ submitted: 1, returned: 1 }));
  });

  it("follow changes written to the database outside the API: results, the register", async () => {
    const before = await expectCurrent();
    // Every indicator of one LAO's current version marked passed, as a repair tool might write it.
    await h.sql(
      `UPDATE submissions SET statuses = regexp_replace(statuses, '[^-]', 'P', 'g')
        WHERE "roundId" = '2568' AND "laoCode" = $1`,
      [LAOS[0]],
    );
    const after = await expectCurrent();
    expect(after.results!.counts.pass).toBeGreaterThan(before.results!.counts.pass ?? 0);

    await h.sql(`UPDATE laos SET "provinceTh" = 'จันทบุรี (ทดสอบ)' WHERE "provinceCode" = '22'`);
    expect((await expectCurrent()).completeness.provinceTh).toBe("จันทบุรี (ทดสอบ)");
    await h.sql(`UPDATE laos SET "provinceTh" = 'จันทบุรี' WHERE "provinceCode" = '22'`);
    expect((await expectCurrent()).completeness.provinceTh).toBe("จันทบุรี");
  });

  if (backend === "postgres")
    it("follow a submission made through another server process on the same database", async () => {
      const before = await expectCurrent();
      const peer = await startPeer(h, { now: "2025-08-01T10:00:00+07:00" });
      try {
        await submit(LAOS[2]!, 3, peer);
        const after = await expectCurrent();
        expect(after.completeness.submitted).toBe(before.completeness.submitted + 1);
        expect(await expectCurrent(peer)).toEqual(after);
      } finally {
        await peer.close();
      }
    });
});
