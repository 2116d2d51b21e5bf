import type { FastifyReply, FastifyRequest } from "fastify";
import { bangkokIsoDate } from "../core";

/**
 * The public results' addresses and headers. The addresses are stable (they are printed, linked and
 * embedded by LAOs): never change one, add a new one.
 */

export const PUBLIC_PREFIX = "/public";

export const publicPaths = {
  lao: (round: string, lao: string) => `${PUBLIC_PREFIX}/rounds/${round}/laos/${lao}`,
  laoDownload: (round: string, lao: string) => `${PUBLIC_PREFIX}/rounds/${round}/laos/${lao}/page.html`,
  province: (round: string, province: string) => `${PUBLIC_PREFIX}/rounds/${round}/provinces/${province}`,
  csv: (round: string) => `${PUBLIC_PREFIX}/rounds/${round}/results.csv`,
  json: (round: string) => `${PUBLIC_PREFIX}/rounds/${round}/results.json`,
  dictionary: () => `${PUBLIC_PREFIX}/open-data/dictionary.json`,
};

/**
 * Public pages may be framed by any site (an LAO embeds its results in its own website), unlike the
 * dashboard (dashboardSite.ts), which may not be framed at all. They run no script and load nothing.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

/** How long a public answer may be cached: short, so unpublishing takes effect soon. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

export function publicPageHeaders(): Readonly<Record<string, string>> {
  return {
    "content-security-policy": PAGE_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cache-control": `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
  };
}

/** Open data: any site may read it (CORS), cached like the pages. */
export function openDataHeaders(): Readonly<Record<string, string>> {
  return {
    "x-content-type-options": "nosniff",
    "access-control-allow-origin": "*",
    "cache-control": `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
  };
}

export function sendHeaders(reply: FastifyReply, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
}

/** The server's address as the client reached it (through trusted proxies), for absolute links. */
export function publicOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Today in Thai time: a window has closed when its last day is before this. */
export function bangkokToday(now: Date): string {
  return bangkokIsoDate(now);
}
