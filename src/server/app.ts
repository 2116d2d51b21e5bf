import cors from "@fastify/cors";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { MAX_REQUEST_BYTES, XLSX_MEDIA_TYPE } from "../core";
import type { Principal } from "./auth";
import type { Database } from "./db/adapter";
import { DASHBOARD_PREFIX, registerDashboard } from "./dashboardSite";
import { bearerToken } from "./pageCookie";
import { drainRequest } from "./drainRequest";
import { openApiDocument } from "./openapi";
import { requestIdOptions, serverLogger } from "./ops/logging";
import { PROBE_PATHS, registerOperations, type MetricsSharing } from "./ops/operations";
import { MAX_PARAM_LENGTH, registerInputGuard } from "./inputGuard";
import { Problem, problems } from "./problems";
import { principalForToken } from "./queries/users";
import { routeUrl, type RequestContext, type RouteSpec } from "./route";
import { API_ROUTES, SITE_ROUTES } from "./routes";
import {
  DEFAULT_RATE_LIMITS,
  principalOf,
  registerRateLimit,
  SIGNED_IN_ROUTE,
  type RateLimits,
} from "./rateLimit";
import { hashToken } from "./secrets";
import { RoundCache, StampedAnswers, type ServerServices } from "./services";
import { parseOr400 } from "./validation";

export interface AppOptions {
  readonly db: Database;
  /** The server clock; tests move it. Default: the system clock. */
  readonly clock?: () => Date;
  /** Origins allowed by CORS: the add-in's. Default: the add-in's dev server, https://localhost:3000. */
  readonly corsOrigins?: readonly string[];
  /** Largest request body. Default MAX_REQUEST_BYTES of core, which the client measures against too. */
  readonly bodyLimitBytes?: number;
  /**
   * Requests per minute per verified device token, per address otherwise, and failed sign-ins per
   * address (see rateLimit.ts). Counted in the database: every server process shares them.
   */
  readonly rateLimit?: RateLimits;
  /**
   * Addresses (or CIDR ranges) of the reverse proxies / load balancers in front of the server, whose
   * X-Forwarded-For is believed for the client's address (the per-address limits). Default none:
   * the header is ignored, so a client cannot pick its own address.
   */
  readonly trustProxy?: readonly string[];
  /** Days a device token stays valid after its last use (sliding). Default 30. */
  readonly tokenLifetimeDays?: number;
  /** Structured JSON logs with request ids and the redaction list (ops/logging.ts). */
  readonly logger?: boolean;
  /** The key of the embedded database's backup endpoint (ops/localServer.ts); none: no endpoint. */
  readonly backupKey?: string;
  /** The built web dashboard served at /dashboard/; undefined serves a page saying it is not built. */
  readonly dashboardDir?: string;
  /** What /metrics answers besides this process's own (ops/operations.ts): `--workers` gathers all of them. */
  readonly shareMetrics?: MetricsSharing;
}

export const API_VERSION = "1.0.0";
export const DEFAULT_CORS_ORIGINS = ["https://localhost:3000"];
/** How much of an over-limit body is read (and thrown away) so that its 413 arrives: a multiple of the limit. */
const DRAIN_FACTOR = 4;

function toProblem(
  error: FastifyError | Error,
  bodyLimit: number,
  contentType: string | undefined,
): Problem | undefined {
  if (error instanceof Problem) return error;
  const code = (error as FastifyError).code;
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return problems.bodyTooLarge(bodyLimit);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return problems.unsupportedMediaType(contentType ?? "");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return problems.badJson(error.message);
  }
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400)
    return problems.badJson(error.message);
  return undefined;
}

export const DEFAULT_TOKEN_LIFETIME_DAYS = 30;

/** The user behind an Authorization header; null without one; a token problem when it is not valid or expired. */
async function authenticate(
  db: Database,
  header: string | undefined,
  now: Date,
  lifetimeMs: number,
): Promise<Principal | null> {
  if (!header) return null;
  const token = bearerToken(header);
  if (!token) throw problems.tokenInvalid();
  const principal = await principalForToken(db, hashToken(token), now, lifetimeMs);
  if (!principal) throw problems.tokenInvalid();
  return principal;
}

/** The fastify app with every route; listening is up to the caller (see server.ts). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimitBytes ?? MAX_REQUEST_BYTES;
  const services: ServerServices = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    rounds: new RoundCache(),
    answers: new StampedAnswers(),
    limits: options.rateLimit ?? DEFAULT_RATE_LIMITS,
  };
  const app = Fastify({
    logger: options.logger ? serverLogger() : false,
    ...requestIdOptions,
    bodyLimit,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // The router's own refusals (a malformed or over-long path) as problems, like every other answer.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const p = problems.badRequest([
        {
          path: "url",
          message: "ที่อยู่ของคำขอไม่ถูกต้องหรือยาวเกินไป",
          messageEn: `the request's address is malformed or too long (${error.code})`,
        },
      ]);
      void reply.code(p.status).type("application/json; charset=utf-8").send(p.toJSON());
    },
  });
  registerInputGuard(app);
  registerOperations(app, {
    db: options.db,
    ...(options.backupKey && { backupKey: options.backupKey }),
    ...(options.shareMetrics && { shareMetrics: options.shareMetrics }),
  });

  await app.register(cors, {
    origin: [...(options.corsOrigins ?? DEFAULT_CORS_ORIGINS)],
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Authorization", "Content-Type"],
    maxAge: 600,
  });
  const lifetimeMs = (options.tokenLifetimeDays ?? DEFAULT_TOKEN_LIFETIME_DAYS) * 24 * 60 * 60 * 1000;
  registerRateLimit(app, {
    db: options.db,
    limits: services.limits,
    clock: services.clock,
    authenticate: (header, now) => authenticate(options.db, header, now, lifetimeMs),
    // The dashboard's static files cost nothing to serve and are loaded before any sign-in; probes
    // poll from one address and must answer while the database (which counts the limits) is down.
    skip: (req) => req.url.startsWith(DASHBOARD_PREFIX) || PROBE_PATHS.includes(req.url.split("?")[0]!),
  });

  // An answer given before the body was read (413, 415, 429): the rest of the body is read first,
  // up to four times the limit, so the client gets the answer and not a reset connection.
  app.addHook("onSend", async (request, reply) => {
    if (request.raw.complete) return;
    const whole = await drainRequest(request.raw, DRAIN_FACTOR * bodyLimit);
    // Read to its end, the connection can serve the next request (fastify asked to close it).
    if (whole) void reply.removeHeader("connection");
    else void reply.header("connection", "close");
  });

  // JSON, or a round workbook for PUT /rounds/:round; anything else is a 415 problem.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, bodyLimit, request.headers["content-type"]);
    if (!problem) request.log.error(error);
    const p = problem ?? problems.internal();
    if (!problem && !options.logger) console.error(error);
    void reply.code(p.status).type("application/json; charset=utf-8").send(p.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const p = problems.notFound(
      `ที่อยู่ ${request.method} ${request.url}`,
      `route ${request.method} ${request.url}`,
    );
    void reply.code(404).type("application/json; charset=utf-8").send(p.toJSON());
  });

  const openapi = openApiDocument([...API_ROUTES, ...SITE_ROUTES], API_VERSION, bodyLimit);
  app.get("/api/v1/openapi.json", async () => openapi);
  app.get("/api/v1/health", async () => {
    await options.db.query("SELECT 1");
    return { ok: true, database: options.db.kind, time: services.clock().toISOString() };
  });

  for (const spec of [...API_ROUTES, ...SITE_ROUTES]) registerRoute(app, spec, services);
  await registerDashboard(app, options.dashboardDir);
  return app;
}

function registerRoute(app: FastifyInstance, spec: RouteSpec<unknown>, services: ServerServices): void {
  app.route({
    method: spec.method,
    url: routeUrl(spec),
    ...(spec.roles !== "public" && { config: SIGNED_IN_ROUTE }),
    handler: async (request, reply) => {
      void reply.code(spec.status ?? 200);
      const now = services.clock();
      // Verified before the route by the limiter (the token picks the limit's bucket only once verified).
      const principal = spec.roles === "public" ? null : principalOf(request);
      if (spec.roles !== "public") {
        if (!principal) throw problems.signInRequired();
        if (!spec.roles.includes(principal.role))
          throw problems.forbidden(`ใช้ ${spec.method} ${spec.path}`, `use ${spec.method} ${spec.path}`);
      }
      const body = spec.body ? parseOr400(spec.body, request.body ?? {}) : request.body;
      const run = (q: RequestContext["q"]) =>
        spec.handler({
          q,
          principal,
          get me(): Principal {
            if (!principal) throw problems.signInRequired();
            return principal;
          },
          params: request.params as Record<string, string>,
          query: request.query as Record<string, string | undefined>,
          body,
          now,
          services,
          request,
          reply,
        });
      return spec.write ? services.db.transaction(run) : run(services.db);
    },
  });
}
