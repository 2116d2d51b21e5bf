/**
 * The web app's pages and files from a real `minstd serve`, asked for as browsers ask (compressed)
 * and as plain clients do: the security headers and the caching are the same whatever the encoding.
 */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { dashboardHeaders, inlineScriptHashes } from "../../src/server/dashboardSite";
import { serve, type ServeProcess } from "./seededServer";

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(url: string, encoding: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("latin1"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web app's headers", () => {
  let server: ServeProcess;
  const data = mkdtempSync(join(tmpdir(), "minstd-site-"));
  beforeAll(async () => {
    server = await serve(data);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it.each(["br", "gzip", "gzip, deflate, br", "identity"])(
    "keeps the page's CSP, framing ban and revalidation with Accept-Encoding: %s",
    async (encoding) => {
      const page = await get(`${server.url}/dashboard/`, encoding);
      expect(page.status).toBe(200);
      expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(page.headers["x-frame-options"]).toBe("DENY");
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
    },
  );

  it("caches the hashed scripts for good, compressed or not, with the same protections", async () => {
    const plain = await get(`${server.url}/dashboard/`, "identity");
    // The app's entry and the chunk it preloads.
    const scripts = [...plain.body.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts) {
      for (const encoding of ["br", "gzip", "identity"]) {
        const asset = await get(`${server.url}/dashboard/${script.replace(/^dashboard\//, "")}`, encoding);
        expect(asset.status).toBe(200);
        expect(asset.headers["content-type"]).toMatch(/javascript/);
        expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
        expect(asset.headers["x-content-type-options"]).toBe("nosniff");
        expect(asset.headers["content-security-policy"]).toContain("script-src 'self'");
      }
    }
  });

  it("allows the page's one inline script (the first view's reads) by its hash, and no other inline script", async () => {
    const page = await get(`${server.url}/dashboard/`, "identity");
    const inline = [...page.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain("__minstdEarlyReads");
    const hash = createHash("sha256").update(Buffer.from(inline[0]!, "latin1")).digest("base64");
    const scriptSrc = String(page.headers["content-security-policy"])
      .split("; ")
      .find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(inlineScriptHashes('<p>no script</p><script src="a.js"></script>')).toEqual([]);
  });

  it("decides by the file asked for, not the compressed file sent", () => {
    expect(dashboardHeaders("/srv/dashboard/index.html.br")["cache-control"]).toBe("no-cache");
    expect(dashboardHeaders("/srv/dashboard/index.html.gz")["cache-control"]).toBe("no-cache");
    expect(dashboardHeaders("/srv/dashboard/app-1a2b3c.js.br")["cache-control"]).toContain("immutable");
  });
});
