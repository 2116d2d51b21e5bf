import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Role, Principal } from "./auth";
import type { Queryable } from "./db/adapter";
import type { ServerServices } from "./services";

/**
 * One endpoint: its method and path (under /api/v1), who may call it, the body it takes and the
 * answer it gives (schemas of src/api), and whether it writes. A write runs in one transaction (commit on success, rollback on any error,
 * so nothing is stored on error). The route table also produces the OpenAPI document and drives
 * the authorization tests.
 */
export interface RouteSpec<B = unknown, R = unknown> {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** fastify path under /api/v1, e.g. "/rounds/:round/window" (from the server's root with `site`). */
  readonly path: string;
  /** A page or file for everyone (the public results), served from the server's root, not /api/v1. */
  readonly site?: boolean;
  /** "Thai / English" one-liner for the OpenAPI document. */
  readonly summary: string;
  /** Roles allowed; "public" needs no token. Finer checks (own LAO, own province) are in handlers. */
  readonly roles: readonly Role[] | "public";
  readonly body?: z.ZodType<B>;
  /**
   * For OpenAPI only: the JSON body of a route that reads its body itself, because it also takes a
   * file (consumes) and answers a bad one with its own problem (a round: JSON or .xlsx).
   */
  readonly ownJsonBody?: z.ZodType;
  /** The JSON answer's schema; absent when the answer is a file (see produces). */
  readonly response?: z.ZodType<unknown, R>;
  /** Content types of a request body that is a file, not JSON (the handler gets a Buffer). */
  readonly consumes?: readonly string[];
  readonly write?: boolean;
  /** Content types of a success response, when not JSON. */
  readonly produces?: readonly string[];
  /** The success status (default 200). */
  readonly status?: number;
  readonly handler: (ctx: RequestContext<B>) => Promise<Answer<NoInfer<R>>>;
}

/** An answer of the schema's shape, which the handler may build from readonly data (core's types are). */
export type Answer<T> =
  T extends ReadonlyArray<infer E>
    ? ReadonlyArray<Answer<E>>
    : T extends object
      ? { readonly [K in keyof T]: Answer<T[K]> }
      : T;

export interface RequestContext<B = unknown> {
  /** The database: inside the request's transaction for writes. */
  readonly q: Queryable;
  /** The caller; throws 401 on public routes where nobody signed in. */
  readonly me: Principal;
  readonly principal: Principal | null;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: B;
  /** The server clock, read once per request. */
  readonly now: Date;
  readonly services: ServerServices;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** Keeps the body and answer types of each route while collecting them in one list. */
export function route<B, R = unknown>(spec: RouteSpec<B, R>): RouteSpec<B, R> {
  return spec;
}

/** The path a route is served at. */
export function routeUrl(spec: Pick<RouteSpec, "path" | "site">): string {
  return spec.site ? spec.path : `/api/v1${spec.path}`;
}
