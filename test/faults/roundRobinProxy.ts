import http from "node:http";
import type net from "node:net";

/**
 * A load balancer on 127.0.0.1 in front of several server processes, as an office's nginx or cloud
 * balancer would be: each request goes to the next server in turn. A server that refuses the
 * connection (stopped, restarting) is skipped for that request, since nothing reached it; a server
 * that fails after the request was sent gets the client a 502 page, as nginx gives for a POST.
 * It adds X-Forwarded-For like a real balancer, so servers that trust it see the client's address.
 */

export interface RoundRobinProxy {
  readonly url: string;
  /** Requests answered by each upstream, by its position in the list. */
  readonly served: number[];
  /** Requests that reached no server at all. */
  readonly unavailable: () => number;
  /** Points one position at another address (a server started again on a new port). */
  setUpstream(index: number, url: string): void;
  close(): Promise<void>;
}

function upstreamPort(url: string): number {
  const u = new URL(url);
  if (u.hostname !== "127.0.0.1")
    throw new Error(`the round-robin proxy forwards to 127.0.0.1 only, not ${u.hostname}`);
  return Number(u.port);
}

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

class Refused extends Error {}

function forward(
  port: number,
  req: http.IncomingMessage,
  body: Buffer,
  clientAddress: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const forwardedFor = req.headers["x-forwarded-for"];
    const headers: http.OutgoingHttpHeaders = {
      ...req.headers,
      host: `127.0.0.1:${port}`,
      connection: "close",
      "x-forwarded-for": forwardedFor ? `${String(forwardedFor)}, ${clientAddress}` : clientAddress,
    };
    delete headers["keep-alive"];
    const out = http.request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    out.on("error", (e: NodeJS.ErrnoException) => reject(e.code === "ECONNREFUSED" ? new Refused() : e));
    out.end(body);
  });
}

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const ports = upstreams.map(upstreamPort);
  const served = ports.map(() => 0);
  let unavailable = 0;
  let next = 0;
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const first = next;
      next = (next + 1) % ports.length;
      const tryFrom = async (offset: number): Promise<void> => {
        const index = (first + offset) % ports.length;
        try {
          const answer = await forward(ports[index]!, req, body, req.socket.remoteAddress ?? "127.0.0.1");
          served[index]!++;
          const headers: http.OutgoingHttpHeaders = {
            ...answer.headers,
            "content-length": String(answer.body.length),
          };
          delete headers["transfer-encoding"];
          delete headers.connection;
          delete headers["keep-alive"];
          res.writeHead(answer.status, headers);
          res.end(answer.body);
        } catch (e) {
          if (e instanceof Refused && offset + 1 < ports.length) return tryFrom(offset + 1);
          unavailable++;
          if (res.headersSent || res.destroyed) return;
          res.writeHead(502, { "content-type": "text/html" });
          res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
      };
      void tryFrom(0);
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
    served,
    unavailable: () => unavailable,
    setUpstream(index, url) {
      ports[index] = upstreamPort(url);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
