import type { FastifyReply, FastifyRequest } from "fastify";
import { PAGE_COOKIE } from "../api";
import { DASHBOARD_PREFIX } from "./dashboardFiles";

/**
 * The copy of a device token that only the web app's page receives (see src/api/firstScreen.ts):
 * HttpOnly (no script reads it), SameSite=Strict (no other site's link or form sends it) and
 * limited to the page's path, so the API, which takes bearer tokens only, never sees it.
 */

/** Browsers keep a cookie 400 days at most; the token itself lasts until it is revoked. */
const MAX_AGE_S = 400 * 86_400;

const TOKEN_SHAPE = /^mst_[A-Za-z0-9_-]{20,100}$/;

function cookie(value: string, maxAge: number, request: FastifyRequest): string {
  const secure = request.protocol === "https" ? "; Secure" : "";
  return `${PAGE_COOKIE}=${value}; Path=${DASHBOARD_PREFIX}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

export function setPageCookie(reply: FastifyReply, request: FastifyRequest, token: string): void {
  reply.header("set-cookie", cookie(token, MAX_AGE_S, request));
}

export function clearPageCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.header("set-cookie", cookie("", 0, request));
}

/** The token in the request's page cookie, if it has one of a token's shape. */
export function pageCookieToken(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== PAGE_COOKIE) continue;
    const token = value.join("=");
    return TOKEN_SHAPE.test(token) ? token : undefined;
  }
  return undefined;
}

/** The token of an Authorization header ("Bearer …"). */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}
