import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { PassThrough } from "node:stream";
import { constants, createGzip, type Gzip } from "node:zlib";
import { DASHBOARD_PREFIX, dashboardBuilt, FIRST_SCREEN_FILE } from "./dashboardFiles";
import { drawLanding, firstScreenRenderer, pageParts, readLanding, restWithFirstScreen } from "./firstScreen";
import { clearPageCookie, pageCookieToken } from "./pageCookie";

/**
 * The web dashboard's built files (dist/dashboard, made by `npm run build`) served at /dashboard/.
 * The page talks to /api/v1 on the same origin; asked for with the page cookie, it comes with the
 * staff's first screen drawn (firstScreen.ts), else it is the built file as it is. Assets carry a content hash in their
 * name and are cached for a year; index.html is revalidated on every load. Pre-compressed .br and
 * .gz files are sent when the browser takes them.
 */

export { DASHBOARD_PREFIX };

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

interface BuiltPage {
  readonly html: string;
  /** The CSP sources of its inline scripts. */
  readonly hashes: string[];
}

/** The built page and its inline script hashes, read again whenever the file changes (a new build). */
function builtPage(dir: string): () => BuiltPage {
  let seen: { key: string; page: BuiltPage } | undefined;
  return () => {
    const file = join(dir, "index.html");
    const stat = statSync(file, { throwIfNoEntry: false });
    const key = stat ? `${stat.mtimeMs}:${stat.size}` : "";
    if (seen?.key !== key) {
      const html = stat ? readFileSync(file, "utf8") : "";
      seen = { key, page: { html, hashes: inlineScriptHashes(html) } };
    }
    return seen.page;
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

/** Logs why the first screen could not be drawn; the page then comes without it. */
const failed =
  (request: FastifyRequest) =>
  (e: unknown): "failed" => {
    request.log.error(e, "the first screen could not be drawn");
    return "failed";
  };

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
  const page = builtPage(dir);
  const renderer = firstScreenRenderer(dir);
  await app.register(fastifyStatic, {
    root: dir,
    prefix: DASHBOARD_PREFIX,
    preCompressed: true,
    // The folder's index is served by the route below: with preCompressed, the plugin's own index
    // lookup answers 404 to browsers that accept compressed responses.
    index: false,
    cacheControl: false,
    // The first screen's renderer is for the server alone.
    allowedPath: (path) => !path.endsWith(FIRST_SCREEN_FILE),
    setHeaders: (res, path) => {
      const isPage = requestedName(path).endsWith(".html");
      for (const [name, value] of Object.entries(dashboardHeaders(path, isPage ? page().hashes : [])))
        res.header(name, value);
    },
  });
  app.get("/dashboard", async (_req, reply) => reply.redirect(DASHBOARD_PREFIX));
  app.get(DASHBOARD_PREFIX, async (request, reply) => {
    const token = pageCookieToken(request);
    const draw = token ? renderer() : undefined;
    if (!token || !draw) return reply.sendFile("index.html");
    const landing = await readLanding(app, request, draw, token).catch(failed(request));
    if (landing === "signed-out") clearPageCookie(reply, request);
    if (typeof landing === "string" || !landing.place) return reply.sendFile("index.html");
    // The head goes at once, so the browser fetches the scripts and reads the styles while the
    // screen is drawn; the rest follows with the drawing, or as it is if that fails.
    const built = page();
    const parts = pageParts(built.html);
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    // The fastest level: the page is drawn for this request, and its time is what is being saved.
    const body = gzip ? createGzip({ level: constants.Z_BEST_SPEED }) : new PassThrough();
    reply
      .headers({ ...dashboardHeaders("index.html", built.hashes), "cache-control": "no-store" })
      .header("vary", "accept-encoding")
      .type("text/html; charset=utf-8");
    if (gzip) reply.header("content-encoding", "gzip");
    body.write(parts.head);
    if (gzip) (body as Gzip).flush();
    void drawLanding(app, request, draw, token, { ...landing, place: landing.place })
      .catch(failed(request))
      .then((screen) =>
        body.end(typeof screen === "object" ? restWithFirstScreen(parts.rest, screen) : parts.rest),
      );
    return reply.send(body);
  });
}
