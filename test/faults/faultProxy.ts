import http from "node:http";
import net from "node:net";

/**
 * An HTTP proxy on 127.0.0.1 that breaks requests on purpose, between the client and a real
 * server: the faults an officer's connection from a town hall produces. Each request gets one
 * fault, chosen by a function (seeded random for the fault run, a script for exact tests).
 */

export const FAULTS = [
  "pass", // forwarded as is
  "drop", // the connection is closed as soon as the request arrives: never forwarded
  "delay", // forwarded after a wait (which may outlast the client's timeout)
  "duplicate", // forwarded twice at once; the client gets one of the answers
  "cut-request", // the head and part of the body are forwarded, then both connections are cut
  "cut-response", // forwarded; the client gets the head and part of the answer, then the cut
  "lose-response", // forwarded; the client's connection is closed without an answer
  "gateway-error", // a 503 page in HTML with Retry-After: 1, as a load balancer gives; never forwarded
] as const;
export type Fault = (typeof FAULTS)[number];

export interface ProxiedRequest {
  readonly n: number;
  readonly method: string;
  readonly path: string;
  /** The body's size from its content-length (0 without one). */
  readonly bytes: number;
}

export type FaultChooser = (request: ProxiedRequest) => Fault;

export interface ProxyLogLine extends ProxiedRequest {
  readonly fault: Fault;
  readonly at: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Requests seen, and how many got each fault. */
  readonly counts: Record<Fault, number> & { requests: number; upstreamDown: number };
  readonly log: ProxyLogLine[];
  setUpstream(url: string): void;
  choose(chooser: FaultChooser): void;
  /** The next request that matches, once the proxy has all of it (a dropped one: when it arrives). */
  seen(match: (r: ProxiedRequest) => boolean): Promise<ProxiedRequest>;
  /** With holdDelayed: forwards every delayed request held so far. */
  release(): void;
  /** Resolves once every delayed request has been forwarded and answered (or failed). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  readonly upstream: string;
  readonly choose?: FaultChooser;
  /** The wait of a "delay" fault, in ms. */
  readonly delayMs?: () => number;
  /**
   * A "delay" waits for release() instead of a time (exact tests): it outlasts the client's timeout
   * however slow the machine, and the test says when it arrives.
   */
  readonly holdDelayed?: boolean;
  /** Keep a log line per request (exact tests). */
  readonly keepLog?: boolean;
}

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Faults at random with the given rates (the rest pass). */
export function randomFaults(random: () => number, rates: Partial<Record<Fault, number>>): FaultChooser {
  const table = Object.entries(rates) as Array<[Fault, number]>;
  return () => {
    let x = random();
    for (const [fault, rate] of table) {
      if (x < rate) return fault;
      x -= rate;
    }
    return "pass";
  };
}

/** The given faults, in order, for requests that match; "pass" for the rest and once the list is used up. */
export function scriptedFaults(
  match: (r: ProxiedRequest) => boolean,
  faults: readonly Fault[],
): FaultChooser {
  const queue = [...faults];
  return (r) => (match(r) ? (queue.shift() ?? "pass") : "pass");
}

interface Upstream {
  readonly host: string;
  readonly port: number;
}

function parseUpstream(url: string): Upstream {
  const u = new URL(url);
  if (u.hostname !== "127.0.0.1")
    throw new Error(`the fault proxy forwards to 127.0.0.1 only, not ${u.hostname}`);
  return { host: u.hostname, port: Number(u.port) };
}

interface UpstreamAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

function forward(to: Upstream, req: http.IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {
      ...req.headers,
      host: `${to.host}:${to.port}`,
      connection: "close",
    };
    delete headers["keep-alive"];
    const out = http.request(
      { host: to.host, port: to.port, method: req.method, path: req.url, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    out.on("error", reject);
    out.end(body);
  });
}

/** Sends the head and half of the body upstream over a raw socket, then cuts it. */
function forwardHalf(to: Upstream, req: http.IncomingMessage, body: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(to.port, to.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, `host: ${to.host}:${to.port}`];
      for (const [name, value] of Object.entries(req.headers)) {
        if (name === "host" || name === "connection" || value === undefined) continue;
        lines.push(`${name}: ${Array.isArray(value) ? value.join(", ") : value}`);
      }
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      socket.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 20);
    });
    socket.on("error", () => resolve());
  });
}

function reply(res: http.ServerResponse, answer: UpstreamAnswer): void {
  const headers = { ...answer.headers };
  delete headers["transfer-encoding"];
  delete headers.connection;
  delete headers["keep-alive"];
  headers["content-length"] = String(answer.body.length);
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let upstream = parseUpstream(options.upstream);
  let chooser: FaultChooser = options.choose ?? (() => "pass");
  const delayMs = options.delayMs ?? (() => 200);
  const counts = Object.fromEntries([
    ...FAULTS.map((f) => [f, 0]),
    ["requests", 0],
    ["upstreamDown", 0],
  ]) as FaultProxy["counts"];
  const log: ProxyLogLine[] = [];
  const sockets = new Set<net.Socket>();
  const watchers: Array<{ match: (r: ProxiedRequest) => boolean; resolve: (r: ProxiedRequest) => void }> = [];
  let held: Array<() => void> = [];
  const delayed = new Set<Promise<unknown>>();
  const afterDelay = (run: () => Promise<unknown>): void => {
    let go!: () => void;
    const wait = new Promise<void>((resolve) => (go = resolve));
    if (options.holdDelayed) held.push(go);
    else setTimeout(go, delayMs());
    const done: Promise<unknown> = wait.then(run).finally(() => delayed.delete(done));
    delayed.add(done);
  };

  const server = http.createServer((req, res) => {
    const n = ++counts.requests;
    const request = {
      n,
      method: req.method ?? "GET",
      path: req.url ?? "/",
      bytes: Number(req.headers["content-length"] ?? 0) || 0,
    };
    const fault = chooser(request);
    counts[fault]++;
    if (options.keepLog) log.push({ ...request, fault, at: Date.now() });
    const notify = (): void => {
      for (const w of watchers.filter((w) => w.match(request))) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(request);
      }
    };
    if (fault === "drop") {
      req.socket.destroy();
      notify();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      notify();
      const body = Buffer.concat(chunks);
      const to = upstream;
      const cut = (): void => {
        req.socket.destroy();
      };
      const down = (): void => {
        counts.upstreamDown++;
        cut();
      };
      switch (fault) {
        case "gateway-error":
          res.writeHead(503, { "content-type": "text/html", "retry-after": "1" });
          res.end("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
          return;
        case "cut-request":
          void forwardHalf(to, req, body).then(cut);
          return;
        case "delay":
          afterDelay(() => forward(to, req, body).then((a) => reply(res, a), down));
          return;
        case "duplicate": {
          const first = forward(to, req, body);
          const second = forward(to, req, body);
          Promise.any([first, second]).then((a) => reply(res, a), down);
          second.catch(() => undefined);
          first.catch(() => undefined);
          return;
        }
        case "cut-response":
          forward(to, req, body).then((a) => {
            const headers = { ...a.headers, "content-length": String(a.body.length) };
            delete headers["transfer-encoding"];
            res.writeHead(a.status, headers);
            res.write(a.body.subarray(0, Math.floor(a.body.length / 2)));
            setTimeout(cut, 10);
          }, down);
          return;
        case "lose-response":
          forward(to, req, body).then(cut, down);
          return;
        default:
          forward(to, req, body).then((a) => reply(res, a), down);
      }
    });
  });
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    log,
    setUpstream(url) {
      upstream = parseUpstream(url);
    },
    choose(next) {
      chooser = next;
    },
    seen(match) {
      return new Promise((resolve) => watchers.push({ match, resolve }));
    },
    release() {
      const now = held;
      held = [];
      for (const go of now) go();
    },
    async settled() {
      while (delayed.size > 0) await Promise.allSettled([...delayed]);
    },
    async close() {
      held = [];
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
