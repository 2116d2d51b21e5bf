import { createRequire } from "node:module";
import { statSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { FIRST_SCREEN_DATA_ID, TOKEN_END_LENGTH, type FirstScreenRenderer } from "../api";
import { FIRST_SCREEN_FILE } from "./dashboardFiles";

/**
 * The staff's first screen drawn into the web app's page (see src/api/firstScreen.ts): the answers
 * come from the API's own routes, asked with the cookie's token as the browser would have asked,
 * and the drawing from the app's built renderer. Anything short of every answer draws nothing: the
 * app then reads and draws as it does without the cookie.
 */

/** The answers every signed-in page starts with, and where they say the user lands (null: nowhere drawn). */
export interface Landing {
  readonly answers: Answers;
  readonly place: string | null;
}

/** A drawn first screen: the root element's content, and the data block's (`FirstScreenData` as JSON). */
export interface FirstScreen {
  readonly markup: string;
  readonly json: string;
}

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

/** The answers read so far, by path: parsed for the drawing, and as the server sent them for the page. */
interface Answers {
  readonly parsed: Record<string, unknown>;
  readonly sent: Record<string, string>;
}

/** Reads paths through the API's own routes with `token` (their checks, limits and answers), each once. */
function reader(app: FastifyInstance, request: FastifyRequest, token: string, answers: Answers) {
  const read = async (path: string): Promise<number> => {
    const res = await app.inject({
      method: "GET",
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: request.ip,
    });
    if (res.statusCode === 200) {
      answers.sent[path] = res.payload;
      answers.parsed[path] = JSON.parse(res.payload);
    }
    return res.statusCode;
  };
  return async (paths: readonly string[]): Promise<"read" | "signed-out" | "failed"> => {
    const statuses = await Promise.all(paths.filter((p) => !(p in answers.sent)).map(read));
    return statuses.includes(401) ? "signed-out" : statuses.every((s) => s === 200) ? "read" : "failed";
  };
}

/** The first reads with the cookie's token: whether it still signs in, and where its user lands. */
export async function readLanding(
  app: FastifyInstance,
  request: FastifyRequest,
  renderer: FirstScreenRenderer,
  token: string,
): Promise<Landing | "signed-out" | "failed"> {
  const answers: Answers = { parsed: {}, sent: {} };
  const read = await reader(app, request, token, answers)(renderer.reads(""));
  return read === "read" ? { answers, place: renderer.place(answers.parsed) } : read;
}

/** The landing place's screen, drawn from its reads; undefined when one of them failed. */
export async function drawLanding(
  app: FastifyInstance,
  request: FastifyRequest,
  renderer: FirstScreenRenderer,
  token: string,
  landing: Landing & { readonly place: string },
): Promise<FirstScreen | undefined> {
  const answers = { parsed: { ...landing.answers.parsed }, sent: { ...landing.answers.sent } };
  if ((await reader(app, request, token, answers)(renderer.reads(landing.place))) !== "read")
    return undefined;
  return {
    markup: renderer.render(landing.place, answers.parsed),
    json: firstScreenJson(landing.place, token, answers.sent),
  };
}

/**
 * `FirstScreenData` as JSON, with the answers as the API sent them (not parsed and written again),
 * and "<" written as \u003c: nothing in it can end the data block's element or open another.
 */
export function firstScreenJson(
  place: string,
  token: string,
  sent: Readonly<Record<string, string>>,
): string {
  const head = JSON.stringify({ place, tokenEnd: token.slice(-TOKEN_END_LENGTH) });
  const answers = Object.entries(sent).map(([path, json]) => `${JSON.stringify(path)}:${json}`);
  // In JSON text "<" can only be inside a string, where \u003c is the same character.
  return `${head.slice(0, -1)},"answers":{${answers.join(",")}}}`.replaceAll("<", "\\u003c");
}

const ROOT = '<div id="root"></div>';

/**
 * The built page in two parts: what can be sent before the first screen is drawn (the head, with the
 * scripts to fetch and the styles, up to the body's start), and the rest.
 */
export function pageParts(page: string): { readonly head: string; readonly rest: string } {
  const at = page.indexOf("<body>");
  if (at < 0 || !page.includes(ROOT)) throw new Error("index.html has no body or no root element");
  return { head: page.slice(0, at + "<body>".length), rest: page.slice(at + "<body>".length) };
}

/** The page's rest with the data block first (before the early script reads it) and the drawing in the root. */
export function restWithFirstScreen(rest: string, screen: FirstScreen): string {
  const block = `\n    <script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${screen.json}</script>`;
  return block + rest.replace(ROOT, () => `<div id="root">${screen.markup}</div>`);
}
