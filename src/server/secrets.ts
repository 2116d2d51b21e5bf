import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";
import { canonicalJson, toArabicDigits } from "../core";

export { canonicalJson };

/** All secret-making and hashing in one place. Only hashes reach the database. */

/** Letters and digits that cannot be confused when read out or typed: no 0/O, 1/I/L, 5/S, 2/Z. */
const CODE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY";
const CODE_LENGTH = 12;

/** A one-time access code for people to type: "7KQM-X3RT-9HVA" (27^12 ≈ 1.5 × 10^17 codes). */
export function newAccessCode(): string {
  let raw = "";
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** What an officer typed, made comparable: no spaces or dashes, capitals, Thai digits (๓ = 3) read as digits. */
export function normaliseAccessCode(typed: string): string {
  return toArabicDigits(typed)
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, "");
}

/**
 * How a code is stored: HMAC-SHA-256 under the server's secret key (see codeKey.ts) of the code's
 * plain SHA-256. A database dump without the key gives nothing to guess codes against; and the
 * unkeyed hashes stored before keys existed are re-keyed in place (rekeyStoredHash), no code lost.
 */
export function hashAccessCode(key: Buffer, typed: string): string {
  return rekeyStoredHash(key, unkeyedCodeHash(typed));
}

/** The code hash stored before keyed hashes (kept only to re-key those rows). */
export function unkeyedCodeHash(typed: string): string {
  return sha256(`code:${normaliseAccessCode(typed)}`);
}

export function rekeyStoredHash(key: Buffer, unkeyed: string): string {
  return createHmac("sha256", key).update(unkeyed, "utf8").digest("hex");
}

/** A new server secret: 32 random bytes, base64url. */
export function newServerSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A device token: 32 random bytes. Sent as "Authorization: Bearer mst_…". */
export function newToken(): string {
  return `mst_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return sha256(`token:${token}`);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The content hash printed on receipts: sha256 of the document's canonical JSON. */
export function contentHash(document: unknown): string {
  return sha256(canonicalJson(document));
}
