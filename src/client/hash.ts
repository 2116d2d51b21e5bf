import { canonicalJson } from "../core";

/**
 * The content hash printed on receipts, computed here exactly as the server does: sha256 of the
 * document's canonical JSON (core/rules/canonicalJson), as "sha256:<hex>". Web Crypto, so it runs in
 * the task pane and in Node alike.
 */
export async function contentHash(document: unknown): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalJson(document)));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** A new submission id: a random UUID, made once per version and kept with it until acknowledged. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
