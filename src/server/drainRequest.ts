import type { IncomingMessage } from "node:http";

/**
 * Reads and throws away what is left of a request's body, up to maxBytes. The server answers some
 * requests before reading their body (one over the size limit, an unsupported content type, a
 * rate limit); closing the connection then, with the client still sending, resets it, and the
 * client sees a broken network instead of the answer. Read to the end, the answer arrives.
 * Resolves true when the body was read to its end, false when it was longer than maxBytes (or the
 * connection broke): then the connection should be closed after the answer.
 */
export function drainRequest(raw: IncomingMessage, maxBytes: number): Promise<boolean> {
  if (raw.complete) return Promise.resolve(true);
  if (raw.destroyed || raw.readableEnded) return Promise.resolve(false);
  return new Promise((resolve) => {
    let read = 0;
    const finish = (whole: boolean): void => {
      raw.off("data", onData);
      raw.off("end", onEnd);
      raw.off("error", onBroken);
      raw.off("close", onBroken);
      resolve(whole);
    };
    const onData = (chunk: Buffer): void => {
      read += chunk.length;
      if (read > maxBytes) {
        raw.pause();
        finish(false);
      }
    };
    const onEnd = (): void => finish(true);
    const onBroken = (): void => finish(raw.complete);
    raw.on("data", onData);
    raw.once("end", onEnd);
    raw.once("error", onBroken);
    raw.once("close", onBroken);
    raw.resume();
  });
}
