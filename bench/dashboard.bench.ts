/**
 * The web dashboard's render time in headless Chromium with every LAO of the register (7,849) in the
 * database: each has submitted a 214-indicator document (the core's generatedRound, which covers
 * every LAO type) to a real `minstd serve` on the machine's PostgreSQL. Timed from the call that
 * navigates to the frame that shows the national view painted (77 provinces in the table and the
 * chart, the pass rates), next to a blank page timed the same way in the same browser. Also the province view of the largest province and the indicator breakdown.
 * The database is made for the run and dropped after; traffic stays on 127.0.0.1 (the page's CSP
 * keeps it on its server).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { compileRound, evaluateSubmission } from "../src/core";
import { generatedRound } from "../src/core/rules/generatedRound";
import { buildDashboard } from "../tools/dashboard/build";
import { loadRegister } from "../src/dataFiles";
import { encodeStatuses, storedResults } from "../src/server/results";
import { hashToken, newToken } from "../src/server/secrets";
import { launchChromium } from "../test/dashboard/browser";
import { serve } from "../test/dashboard/seededServer";
import { completeDocument } from "../test/server/documents";
import { FIRST_ROWS } from "../src/dashboard/useDrawnInSteps";
import { PAGE_COOKIE } from "../src/api/firstScreen";
import { DASHBOARD_PREFIX } from "../src/server/dashboardFiles";
import type { Page } from "playwright-core";

const ADMIN_URL = process.env.MINSTD_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROUND = "G214";
const RUNS = 7;

/** Stages of a page's drawing: for each, the elements it needs (selector → how many). */
type Stages<S extends string> = Readonly<Record<S, Readonly<Record<string, number>>>>;

/**
 * Marks in the page when the frame that first holds every element of a stage has been painted, as
 * epoch ms in window.__shown. Read in the page, not by looking from this process, which looks again
 * at growing intervals (up to half a second) and so charged a page drawn just after its first look
 * more than a page drawn before it (the blank page).
 */
const SHOWN_WATCH = (stages: Stages<string>): string => `(() => {
  const stages = ${JSON.stringify(stages)};
  const shown = (window.__shown = {});
  const has = (needs) => Object.entries(needs).every(([s, n]) => document.querySelectorAll(s).length >= n);
  const observer = new MutationObserver(() => {
    for (const [name, needs] of Object.entries(stages)) {
      if (name in shown || !has(needs)) continue;
      shown[name] = null;
      requestAnimationFrame(() => setTimeout(() => { shown[name] = performance.timeOrigin + performance.now(); }));
    }
    if (Object.keys(shown).length === Object.keys(stages).length) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function waitShown(page: Page, stages: number): Promise<Record<string, number>> {
  await page.waitForFunction((n) => {
    const shown = (window as { __shown?: Record<string, number | null> }).__shown ?? {};
    return Object.values(shown).filter((at) => typeof at === "number").length === n;
  }, stages);
  return page.evaluate(() => (window as unknown as { __shown: Record<string, number> }).__shown);
}

const BLANK_PAGE = "bench-blank.html";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function seedAll(db: Client): Promise<{ national: string; province30: string }> {
  const round = generatedRound(214, ROUND);
  const compiled = compileRound(round);
  await db.query(`INSERT INTO rounds (id, definition, opens, closes) VALUES ($1, $2::jsonb, $3, $4)`, [
    ROUND,
    JSON.stringify(round),
    new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
    new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
  ]);
  const staff = await db.query<{ id: number }>(
    `INSERT INTO users (role, "displayName", "provinceCode") VALUES ('national', 'bench national', NULL),
       ('province', 'bench นครราชสีมา', '30') RETURNING id`,
  );
  const [national, province30] = [newToken(), newToken()];
  await db.query(`INSERT INTO tokens ("userId", "tokenHash") VALUES ($1, $2), ($3, $4)`, [
    staff.rows[0]!.id,
    hashToken(national),
    staff.rows[1]!.id,
    hashToken(province30),
  ]);
  const userId = staff.rows[0]!.id;
  const laos = loadRegister().all;
  for (let start = 0; start < laos.length; start += 200) {
    const chunk = laos.slice(start, start + 200);
    const rows = chunk.map((lao, i) => {
      const document = completeDocument(compiled, lao, start + i);
      const report = evaluateSubmission(document, compiled, lao);
      return { lao, document, report, statuses: encodeStatuses(compiled, report) };
    });
    const ids = await db.query<{ id: number; laoCode: string }>(
      `INSERT INTO submissions ("roundId", "laoCode", state, version, statuses, overall)
       SELECT $1, l, 'submitted', 1, s, o::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS t(l, s, o)
       RETURNING id, "laoCode"`,
      [
        ROUND,
        rows.map((r) => r.lao.code),
        rows.map((r) => r.statuses),
        rows.map((r) => JSON.stringify(r.report.summary.overall)),
      ],
    );
    const idOf = new Map(ids.rows.map((r) => [r.laoCode, r.id]));
    await db.query(
      `INSERT INTO submission_versions ("submissionId", "instanceId", version, "receiptNumber", "contentHash",
         document, results, summary, "userId")
       SELECT s, i, 1, n, h, d::json, r::json, m::jsonb, $1
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS t(s, i, n, h, d, r, m)`,
      [
        userId,
        rows.map((r) => idOf.get(r.lao.code)),
        rows.map((r) => `bench-${r.lao.code}`),
        rows.map((r) => `${ROUND}-${r.lao.code}-1`),
        rows.map(() => randomBytes(32).toString("hex")),
        rows.map((r) => JSON.stringify(r.document)),
        rows.map((r) => JSON.stringify(storedResults(r.report))),
        rows.map((r) => JSON.stringify(r.report.summary)),
      ],
    );
  }
  return { national, province30 };
}

export async function benchDashboard(): Promise<void> {
  console.log("\n## Web dashboard in headless Chromium (all LAOs submitted, 214 indicators)");
  let admin: Client;
  try {
    admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
  } catch (e) {
    console.log(`  skipped: no PostgreSQL at ${ADMIN_URL} (${(e as Error).message})`);
    return;
  }
  const name = `minstd_bench_dash_${process.pid}_${randomBytes(3).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), "minstd-bench-dash-"));
  const built = await buildDashboard();
  // The baseline: a blank page served as the dashboard's page is, by the same server from the same
  // folder with the same headers, over the same connection.
  const blankFile = join(built.dir, BLANK_PAGE);
  writeFileSync(
    blankFile,
    "<!doctype html><html lang=th><head><meta charset=utf-8><title>blank</title></head><body><p id=b>blank</p></body></html>",
  );
  const server = await serve(join(dir, "unused"), { DATABASE_URL: url.toString() });
  const db = new Client({ connectionString: url.toString() });
  const browser = await launchChromium();
  try {
    await db.connect();
    const t0 = Date.now();
    const tokens = await seedAll(db);
    const count = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions`)).rows[0]!.n;
    console.log(`  seeded ${count} submissions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(
      `  scripts at first load (${built.script}, its chunk, the early reads in the page): ${kb(built.bytes)} minified, ` +
        `${kb(built.gzipBytes)} gzip; all ${built.chunks} scripts ${kb(built.totalBytes)}, ${kb(built.totalGzipBytes)} gzip`,
    );

    // No request interception: the page's own CSP (default-src 'self') keeps it on the server, and
    // a route handler would relay every request through this process, which no real browser does.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const pageCookie = {
      name: PAGE_COOKIE,
      domain: new URL(server.url).hostname,
      path: DASHBOARD_PREFIX,
      httpOnly: true,
      sameSite: "Strict",
    } as const;
    /** Ms from the call that navigates to each stage painted (see SHOWN_WATCH). */
    const timed = async <S extends string>(token: string | null, href: string, stages: Stages<S>) => {
      const page = await context.newPage();
      if (token) {
        // Signed in on the officer's own computer: the token stored, and the page's copy of it
        // (src/api/firstScreen.ts), with which the page comes with its first screen.
        await page.addInitScript((t) => localStorage.setItem("minstd.dashboard.token", t), token);
        await context.addCookies([{ ...pageCookie, value: token }]);
      }
      await page.addInitScript(SHOWN_WATCH(stages));
      const start = Date.now();
      await page.goto(href);
      const shown = await waitShown(page, Object.keys(stages).length);
      await page.close();
      return Object.fromEntries(Object.entries(shown).map(([k, at]) => [k, at - start])) as Record<S, number>;
    };
    const blank = async () =>
      (await timed(null, `${server.url}/dashboard/${BLANK_PAGE}`, { page: { "#b": 1 } })).page;
    const provinces = (
      await db.query<{ n: number }>(`SELECT count(DISTINCT "provinceCode")::int AS n FROM laos`)
    ).rows[0]!.n;
    const nationalShown = {
      view: { "tr[data-province]": provinces, "[data-chart] [data-bar]": provinces, "tr[data-row]": 1 },
    };
    const national = async () =>
      (await timed(tokens.national, `${server.url}/dashboard/#/national?round=${ROUND}`, nationalShown)).view;
    // The view's first screen is its header, counts and filters and the table's first rows (drawn
    // first, see src/dashboard/useDrawnInSteps.ts); the whole list a frame later.
    const provinceShown = {
      first: { "#province-title": 1, "tr[data-lao]": FIRST_ROWS },
      whole: { "tr[data-lao]": 334 },
    };
    const province = () =>
      timed(tokens.province30, `${server.url}/dashboard/#/province/30?round=${ROUND}`, provinceShown);

    const firstLoad = { blank: await blank(), national: await national(), province: await province() };
    const runs = {
      blank: [] as number[],
      national: [] as number[],
      province: [] as number[],
      whole: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      runs.blank.push(await blank());
      runs.national.push(await national());
      const p = await province();
      runs.province.push(p.first);
      runs.whole.push(p.whole);
    }
    // Switching the pass rates to the 214 indicators, on a page already drawn.
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem("minstd.dashboard.token", t), tokens.national);
    await page.addInitScript(SHOWN_WATCH(nationalShown));
    await page.goto(`${server.url}/dashboard/#/national?round=${ROUND}`);
    await waitShown(page, 1);
    const s = performance.now();
    await page.getByRole("button", { name: "ตัวชี้วัด", exact: true }).click();
    await page.locator("tr[data-row]").nth(213).waitFor();
    const indicatorSwitch = performance.now() - s;

    // Goal for each first screen: shown within 1 s, and within 3× the blank page measured alike.
    const blankMedian = median(runs.blank);
    const goal = (ms: number) =>
      `   (${(ms / blankMedian).toFixed(1)}× blank; goal ≤ 1000 ms and ≤ 3×: ` +
      `${ms <= 1000 && ms <= 3 * blankMedian ? "ok" : "MISSED"})`;
    const line = (label: string, f: number, m: number, suffix = "") =>
      console.log(
        `  ${label.padEnd(52)} first ${f.toFixed(0).padStart(5)} ms, median ${m.toFixed(0).padStart(5)} ms${suffix}`,
      );
    line("blank page from the same server", firstLoad.blank, blankMedian);
    line(
      `national view (${provinces} provinces, chart, pass rates)`,
      firstLoad.national,
      median(runs.national),
      goal(median(runs.national)),
    );
    line(
      `province view, นครราชสีมา: first screen (${FIRST_ROWS} rows)`,
      firstLoad.province.first,
      median(runs.province),
      goal(median(runs.province)),
    );
    line("province view: all 334 LAOs drawn", firstLoad.province.whole, median(runs.whole));
    console.log(`  ${"national view: switch to 214 indicators".padEnd(52)} ${indicatorSwitch.toFixed(0)} ms`);
    console.log(`  (median of ${RUNS}; "first" is the first load in a fresh browser context, with no cache)`);
  } finally {
    await browser.close();
    await db.end().catch(() => undefined);
    await server.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
    rmSync(blankFile, { force: true });
  }
}
