import { takeEarlyRead } from "./earlyReads";
import type { ProblemBody } from "../api";
import { saveBlob } from "./saveFile";
import type { Language } from "./i18n";
import { API_BASE } from "./paths";

/**
 * The dashboard's calls to the collection server (same origin, /api/v1). The token goes in the
 * Authorization header only, never in a URL, so downloads are fetched and saved from a Blob too.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly th: string,
    readonly en: string,
    /** The problem's details (e.g. every issue of a refused round file). */
    readonly details?: unknown,
  ) {
    super(en);
    this.name = "ApiError";
  }

  text(language: Language): string {
    return language === "th" ? this.th : this.en;
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  /** Starts these reads now; the next get() of each path takes the answer instead of asking again. */
  prefetch(paths: readonly string[]): void;
  /**
   * The answer of a read started by prefetch() if it has arrived already (taken once, like get()),
   * so a view can draw it in its first render instead of a render later.
   */
  take<T>(path: string): T | undefined;
  send<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** Sends a file as the request body (e.g. a workbook to check) and reads the JSON answer. */
  upload<T>(path: string, file: Blob, contentType: string, method?: "POST" | "PUT"): Promise<T>;
  /** Fetches a file and hands it to the browser to save under the server's file name. */
  download(path: string): Promise<void>;
}

async function failure(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ProblemBody>;
    return new ApiError(
      res.status,
      body.code ?? "error",
      body.message ?? res.statusText,
      body.messageEn ?? res.statusText,
      body.details,
    );
  } catch {
    return new ApiError(res.status, "error", `ข้อผิดพลาด ${res.status}`, `error ${res.status}`);
  }
}

/** A read started before a view asks for it, and its data once it has arrived. */
interface Started {
  readonly answer: Promise<unknown>;
  readonly at: number;
  arrived?: { readonly data: unknown };
}

export function createApi(token: string | null, onSignedOut: () => void): Api {
  /** The server's answer to a request already sent, or the problem it reports. */
  const answer = async (sent: Promise<Response>): Promise<Response> => {
    let res: Response;
    try {
      res = await sent;
    } catch {
      throw new ApiError(0, "network", "ติดต่อเครื่องแม่ข่ายไม่ได้", "cannot reach the server");
    }
    if (res.status === 401 && token) onSignedOut();
    if (!res.ok) throw await failure(res);
    return res;
  };
  const call = (
    method: string,
    path: string,
    body?: unknown,
    file?: { data: Blob; type: string },
  ): Promise<Response> =>
    answer(
      // fetch() may throw before it returns a promise; answer() reports that as a failed request too.
      Promise.resolve().then(() =>
        fetch(`${API_BASE}${path}`, {
          method,
          headers: {
            ...(token && { authorization: `Bearer ${token}` }),
            ...(body !== undefined && { "content-type": "application/json" }),
            ...(file && { "content-type": file.type }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          ...(file && { body: file.data }),
        }),
      ),
    );
  // Taken once, and only soon after: a later read asks the server again.
  const early = new Map<string, Started>();
  const fresh = (started: Started | undefined) => started && Date.now() - started.at < 10_000;
  const fetchJson = async (path: string) => (await call("GET", path)).json() as Promise<unknown>;
  /**
   * The page's own early read of `path` (see earlyReads.ts) if there is one, else a new read: its
   * data at once when the early read's answer is here already.
   */
  const firstRead = (path: string): Started => {
    const sent = token ? takeEarlyRead(path, token) : undefined;
    if (sent?.arrived) {
      const { data } = sent.arrived;
      return { answer: Promise.resolve(data), at: Date.now(), arrived: { data } };
    }
    const started: Started = {
      answer: sent ? answer(sent.response).then((res) => res.json() as Promise<unknown>) : fetchJson(path),
      at: Date.now(),
    };
    started.answer.then(
      (data) => (started.arrived = { data }),
      () => undefined, // the get() that takes it sees the error
    );
    return started;
  };
  return {
    async get<T>(path: string) {
      const started = early.get(path);
      early.delete(path);
      if (fresh(started)) return (await started!.answer) as T;
      return (await fetchJson(path)) as T;
    },
    prefetch(paths: readonly string[]) {
      for (const path of paths) if (!early.has(path)) early.set(path, firstRead(path));
    },
    take<T>(path: string) {
      const started = early.get(path);
      if (!fresh(started) || !started!.arrived) return undefined;
      early.delete(path);
      return started!.arrived.data as T;
    },
    async send<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown) {
      return (await (await call(method, path, body)).json()) as T;
    },
    async upload<T>(path: string, data: Blob, type: string, method: "POST" | "PUT" = "POST") {
      return (await (await call(method, path, undefined, { data, type })).json()) as T;
    },
    async download(path: string) {
      const res = await call("GET", path);
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "minstd";
      saveBlob(name, await res.blob());
    },
  };
}

/** "?a=1&b=x" from the set values (empty ones left out). */
export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
