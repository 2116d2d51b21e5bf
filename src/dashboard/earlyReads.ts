import { API_BASE, pathsFor } from "./paths";
import { parsePlace } from "./place";
import { loadSession } from "./session";

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
  arrived?: { readonly text: string };
}

interface EarlyReads {
  readonly token: string;
  readonly at: number;
  readonly reads: Map<string, EarlyRead>;
}

type WithEarlyReads = typeof globalThis & { [KEY]?: EarlyReads };

/** Sends the reads of the view named in the address, with the stored token; nothing when signed out. */
export function startEarlyReads(): void {
  const session = loadSession();
  if (!session) return;
  const reads = new Map<string, EarlyRead>();
  for (const path of pathsFor(parsePlace(window.location.hash))) {
    const response = fetch(`${API_BASE}${path}`, { headers: { authorization: `Bearer ${session.token}` } });
    const settled = response
      .then(async (res) => {
        if (res.ok) read.arrived = { text: await res.clone().text() };
      })
      .catch(() => undefined); // the app's read of it sees the failure
    const read: EarlyRead = { response, settled };
    reads.set(path, read);
  }
  (globalThis as WithEarlyReads)[KEY] = { token: session.token, at: Date.now(), reads };
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
