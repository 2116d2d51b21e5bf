import { createRequire } from "node:module";
import { statSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  FIRST_SCREEN_DATA_ID,
  TOKEN_END_LENGTH,
  type FirstScreenData,
  type FirstScreenRenderer,
} from "../api";
import { FIRST_SCREEN_FILE } from "./dashboardFiles";

/**
 * The staff's first screen drawn into the web app's page (see src/api/firstScreen.ts): the answers
 * come from the API's own routes, asked with the cookie's token as the browser would have asked,
 * and the drawing from the app's built renderer. Anything short of every answer draws nothing: the
 * app then reads and draws as it does without the cookie.
 */

export type FirstScreen =
  | { readonly kind: "drawn"; readonly markup: string; readonly data: FirstScreenData }
  | { readonly kind: "signed-out" }
  | { readonly kind: "none" };

/** The built renderer in `dir`, loaded again when a new build replaces it; undefined when absent. */
export function firstScreenRenderer(dir: string): () => FirstScreenRenderer | undefined {
  const file = join(dir, FIRST_SCREEN_FILE);
  let loaded: { key: string; renderer: FirstScreenRenderer | undefined } | undefined;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    const key = stat ? `${stat.mtimeMs}:${stat.size}` : "";
    if (loaded?.key !== key) {
      const require = createRequire(file);
      if (stat) delete require.cache[file];
      loaded = {
        key,
        renderer: stat ? (require(file) as { firstScreen: FirstScreenRenderer }).firstScreen : undefined,
      };
    }
    return loaded.renderer;
  };
}

export async function drawFirstScreen(
  app: FastifyInstance,
  request: FastifyRequest,
  renderer: FirstScreenRenderer,
  token: string,
): Promise<FirstScreen> {
  const answers: Record<string, unknown> = {};
  /** Each read once, through the API's routes (their checks, limits and answers). */
  const read = async (path: string): Promise<number> => {
    const res = await app.inject({
      method: "GET",
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: request.ip,
    });
    if (res.statusCode === 200) answers[path] = res.json();
    return res.statusCode;
  };
  const readAll = async (paths: readonly string[]) => {
    const statuses = await Promise.all(paths.filter((p) => !(p in answers)).map(read));
    return statuses.includes(401) ? "signed-out" : statuses.every((s) => s === 200) ? "read" : "failed";
  };
  const landing = await readAll(renderer.reads(""));
  if (landing !== "read") return { kind: landing === "signed-out" ? "signed-out" : "none" };
  const place = renderer.place(answers);
  if (!place) return { kind: "none" };
  if ((await readAll(renderer.reads(place))) !== "read") return { kind: "none" };
  return {
    kind: "drawn",
    markup: renderer.render(place, answers),
    data: { place, tokenEnd: token.slice(-TOKEN_END_LENGTH), answers },
  };
}

/** The page with the drawing in its root element and the data block before its first script. */
export function pageWithFirstScreen(page: string, screen: { markup: string; data: FirstScreenData }): string {
  // "<" written as \u003c: nothing in the data can end the element or start another.
  const json = JSON.stringify(screen.data).replaceAll("<", "\\u003c");
  const block = `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${json}</script>\n    `;
  const head = page.indexOf("<script>");
  const root = '<div id="root"></div>';
  if (head < 0 || !page.includes(root)) throw new Error("index.html has no early script or no root element");
  const withData = page.slice(0, head) + block + page.slice(head);
  return withData.replace(root, () => `<div id="root">${screen.markup}</div>`);
}
