import { randomUUID } from "node:crypto";
import type { FastifyServerOptions } from "fastify";

/**
 * Structured JSON logs (one line per event, pino through fastify), each request with its id: the
 * X-Request-Id the reverse proxy set, or a new UUID, sent back in the same header. Tokens, access
 * codes and documents never reach the log: bodies are not logged, and the redaction list censors
 * them wherever an error or a handler might put them.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-minstd-backup-key']",
  "headers.authorization",
  "body",
  "req.body",
  "token",
  "code",
  "document",
  "*.token",
  "*.code",
  "*.document",
  "*.body",
  "err.detail",
  "err.parameters",
];

/**
 * The level: MINSTD_LOG_LEVEL, else "info" under a service manager or in a container (stdout is a
 * pipe or a file) and "warn" in a terminal, where an officer trying the server reads its own lines.
 */
export function defaultLogLevel(env: NodeJS.ProcessEnv = process.env, tty = process.stdout.isTTY): string {
  return env.MINSTD_LOG_LEVEL || (tty ? "warn" : "info");
}

export function serverLogger(level = defaultLogLevel()): FastifyServerOptions["logger"] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: {
      // The path without its query string: a query could carry a search an officer typed.
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
        remoteAddress: req.ip,
      }),
    },
  };
}

export const REQUEST_ID_HEADER = "x-request-id";

/** The id is logged as "reqId" (fastify's label) on every line of a request. */
export const requestIdOptions: Pick<FastifyServerOptions, "requestIdHeader" | "genReqId"> = {
  requestIdHeader: REQUEST_ID_HEADER,
  genReqId: () => randomUUID(),
};
