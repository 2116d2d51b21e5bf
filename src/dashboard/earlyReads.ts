import { FIRST_SCREEN_DATA_ID, FIRST_SCREEN_STALE_CLASS, type FirstScreenData } from "../api/firstScreen";
import { API_BASE, pathsFor } from "./paths";
import { parsePlace } from "./place";
import { loadLanguage, loadSession, type Session } from "./session";

/**
 * The first view's reads, started by a small script at the top of the page (early.ts) while the
 * app's own code is still arriving and being compiled, so the data and the code come in side by
 * side. The app takes each answer once (takeEarlyRead); anything it does not take is dropped.
 */

const KEY = "__minstdEarlyReads";
/** An early answer older than this is not used: the app asks again. */
const FRESH_MS = 10_000;

export interface EarlyRead {
  readonly response: Promise<Response>;
  /** Resolves once the answer's body is in (`arrived`), or the read has failed. */
  readonly settled: Promise<void>;
  /** The body of a successful answer once it has arrived, so the app can draw it without waiting. */
  arrived?: { readonly data: unknown };
}

interface EarlyReads {
  readonly token: string;
  readonly at: number;
  readonly reads: Map<string, EarlyRead>;
  /** The page came with a first screen drawn for this token (see cameWithFirstScreen). */
  readonly drawnForToken?: boolean;
  /** … and it is the one the app draws (see showsFirstScreen). */
  readonly fits?: boolean;
}

type WithEarlyReads = typeof globalThis & { [KEY]?: EarlyReads };

/** The path of an address's hash, without its query: "#/national?round=2568" → "/national". */
const placePath = (hash: string) => hash.replace(/^#/, "").split("?")[0]!.replace(/\/$/, "");

/**
 * Whether the server's drawing of a first screen (src/api/firstScreen.ts) is what the app will
 * draw: drawn for this session's token, in the language chosen, at the address's place (the
 * address names none, or the same view with no query, or exactly the place drawn). A shared
 * computer's session never uses one: the page cookie is for the officer's own computer only.
 */
export function firstScreenFits(
  first: FirstScreenData,
  session: Session | null,
  language: string,
  hash: string,
): boolean {
  if (!session || session.shared || !session.token.endsWith(first.tokenEnd) || language !== "th")
    return false;
  const path = placePath(hash);
  return path === "" || hash === first.place || (path === placePath(first.place) && !hash.includes("?"));
}

/** The data block the server put beside its drawing, if any. */
function pageFirstScreen(): FirstScreenData | undefined {
  const block = document.getElementById(FIRST_SCREEN_DATA_ID);
  try {
    return block?.textContent ? (JSON.parse(block.textContent) as FirstScreenData) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A read the page came with (the server's first screen): settled, its data in. The app takes the
 * data; the response is made only if something asks for it, not before the page's first paint.
 */
function answeredRead(data: unknown): EarlyRead {
  return {
    get response() {
      return Promise.resolve(
        new Response(JSON.stringify(data), { headers: { "content-type": "application/json" } }),
      );
    },
    settled: Promise.resolve(),
    arrived: { data },
  };
}

/**
 * Takes the page's first screen if it fits (else hides it until the app draws), and sends the reads
 * of the view named in the address that the page did not come with, with the stored token; nothing
 * when signed out.
 */
export function startEarlyReads(): void {
  const session = loadSession();
  const first = pageFirstScreen();
  const fits = first !== undefined && firstScreenFits(first, session, loadLanguage(), window.location.hash);
  if (first && !fits) document.documentElement.classList.add(FIRST_SCREEN_STALE_CLASS);
  if (!session) return;
  const reads = new Map<string, EarlyRead>();
  if (fits) for (const [path, data] of Object.entries(first.answers)) reads.set(path, answeredRead(data));
  for (const path of pathsFor(parsePlace(window.location.hash))) {
    if (reads.has(path)) continue;
    const response = fetch(`${API_BASE}${path}`, { headers: { authorization: `Bearer ${session.token}` } });
    const settled = response
      .then(async (res) => {
        if (res.ok) read.arrived = { data: await res.clone().json() };
      })
      .catch(() => undefined); // the app's read of it sees the failure
    const read: EarlyRead = { response, settled };
    reads.set(path, read);
  }
  const drawnForToken = first !== undefined && session.token.endsWith(first.tokenEnd);
  (globalThis as WithEarlyReads)[KEY] = { token: session.token, at: Date.now(), reads, drawnForToken, fits };
}

/** The paths of the early reads not taken yet (the app asks for them all with its first view's). */
export function earlyReadPaths(): string[] {
  return [...((globalThis as WithEarlyReads)[KEY]?.reads.keys() ?? [])];
}

/** Whether the page shows the server's drawing of the screen the app draws first. */
export function showsFirstScreen(): boolean {
  return (globalThis as WithEarlyReads)[KEY]?.fits === true;
}

/**
 * Whether the page came with a first screen drawn for this session's token (of whichever place):
 * the browser has the page cookie (src/api/firstScreen.ts).
 */
export function cameWithFirstScreen(): boolean {
  return (globalThis as WithEarlyReads)[KEY]?.drawnForToken === true;
}

/** The early read of `path` if one was asked for with `token` and is fresh; each is taken once. */
export function takeEarlyRead(path: string, token: string): EarlyRead | undefined {
  const early = (globalThis as WithEarlyReads)[KEY];
  if (!early || early.token !== token || Date.now() - early.at > FRESH_MS) return undefined;
  const read = early.reads.get(path);
  early.reads.delete(path);
  return read;
}

/**
 * Resolves when every early read has settled, or after `ms`, whichever is first. The answers
 * usually arrive while the app's code loads, but their bodies are read by callbacks that wait
 * behind that code: rendering before them drew "loading" and then each level of the view after a
 * frame of its own.
 */
export function earlyReadsSettled(ms: number): Promise<void> {
  const early = (globalThis as WithEarlyReads)[KEY];
  if (!early) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.all([...early.reads.values()].map((read) => read.settled)),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).then(() => clearTimeout(timer));
}
