import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { dashboardBuilt } from "./dashboardFiles";

/**
 * The web dashboard's built files (dist/dashboard, made by `npm run build`) served at /dashboard/.
 * The page is static and talks to /api/v1 on the same origin. Assets carry a content hash in their
 * name and are cached for a year; index.html is revalidated on every load. Pre-compressed .br and
 * .gz files are sent when the browser takes them.
 */

export const DASHBOARD_PREFIX = "/dashboard/";

/**
 * Scripts only from this server and the page's own inline script (the first view's reads, see
 * src/dashboard/early.ts), allowed by its hash; Fluent UI writes its styles at run time, hence inline styles.
 */
const csp = (scriptHashes: readonly string[]): string =>
  [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

/** The CSP source of each inline script of a page: "sha256-" and the base64 of its text's SHA-256. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}`,
  );
}

/** The inline script hashes of the built page, read again whenever the file changes (a new build). */
function pageScriptHashes(dir: string): () => string[] {
  let seen: { key: string; hashes: string[] } | undefined;
  return () => {
    const file = join(dir, "index.html");
    const stat = statSync(file, { throwIfNoEntry: false });
    const key = stat ? `${stat.mtimeMs}:${stat.size}` : "";
    if (seen?.key !== key) seen = { key, hashes: stat ? inlineScriptHashes(readFileSync(file, "utf8")) : [] };
    return seen.hashes;
  };
}

const NOT_BUILT = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>MinStd</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>ยังไม่ได้สร้างหน้าเว็บแดชบอร์ด</h1>
<p>ผู้ดูแลเครื่องแม่ข่าย: รัน <code>npm run build</code> แล้วเปิดเครื่องแม่ข่ายใหม่ (หรือใช้ <code>npx minstd serve</code> ซึ่งสร้างให้เมื่อยังไม่มี)</p>
<p lang="en">The dashboard has not been built: run <code>npm run build</code> and restart the server.</p>
</body></html>`;

/** A built file as the browser asked for it: "index.html" for "index.html.br" or "index.html.gz". */
function requestedName(path: string): string {
  return path.replace(/\.(?:br|gz)$/, "");
}

/**
 * The headers of a dashboard file, decided by the file the browser asked for whatever encoding is
 * sent: every page has the CSP and may not be framed, and only hashed assets are cached for good.
 */
export function dashboardHeaders(
  path: string,
  scriptHashes: readonly string[] = [],
): Readonly<Record<string, string>> {
  const name = requestedName(path);
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-security-policy": csp(scriptHashes),
    "x-frame-options": "DENY",
    "cache-control": name.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
  };
}

export async function registerDashboard(app: FastifyInstance, dir: string | undefined): Promise<void> {
  app.get("/", async (_req, reply) => reply.redirect(DASHBOARD_PREFIX));
  if (!dir || !dashboardBuilt(dir)) {
    const notBuilt = async (_req: unknown, reply: import("fastify").FastifyReply) =>
      reply.code(503).type("text/html; charset=utf-8").header("cache-control", "no-store").send(NOT_BUILT);
    app.get("/dashboard", notBuilt);
    app.get(DASHBOARD_PREFIX, notBuilt);
    return;
  }
  // Loaded when used: it requires an ES module, which Jest's CommonJS sandbox (where the CLI's tests
  // import the server's modules) cannot load; Node 20.19+ itself can.
  const { default: fastifyStatic } = await import("@fastify/static");
  const scriptHashes = pageScriptHashes(dir);
  await app.register(fastifyStatic, {
    root: dir,
    prefix: DASHBOARD_PREFIX,
    preCompressed: true,
    // The folder's index is served by the route below: with preCompressed, the plugin's own index
    // lookup answers 404 to browsers that accept compressed responses.
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      const page = requestedName(path).endsWith(".html");
      for (const [name, value] of Object.entries(dashboardHeaders(path, page ? scriptHashes() : [])))
        res.header(name, value);
    },
  });
  app.get("/dashboard", async (_req, reply) => reply.redirect(DASHBOARD_PREFIX));
  app.get(DASHBOARD_PREFIX, async (_req, reply) => reply.sendFile("index.html"));
}
