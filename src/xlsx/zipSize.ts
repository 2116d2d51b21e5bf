/**
 * What an .xlsx file (a ZIP archive) says it unpacks to, read from its central directory without
 * unpacking anything: a server reading uploaded workbooks refuses a small file that would unpack
 * to hundreds of megabytes before handing it to exceljs, which unpacks everything in memory.
 */

import { inflateRawSync } from "node:zlib";
import { WORKBOOK_MAX_PARTS, WORKBOOK_UNPACKED_MAX_BYTES } from "../core/workbook/workbookCheck";

export type ZipSize =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly unpackedBytes: number;
      /** Where the central directory starts. */
      readonly directoryOffset: number;
    }
  | { readonly ok: false; readonly reason: "not-zip" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_LENGTH = 22;
/** ZIP64 marks a size it cannot hold in 32 bits this way; no collection workbook needs ZIP64. */
const ZIP64 = 0xffffffff;

export function zipSize(data: Buffer): ZipSize {
  const notZip = { ok: false, reason: "not-zip" } as const;
  if (data.length < EOCD_LENGTH || data.readUInt32LE(0) !== 0x04034b50) return notZip;
  // The end record is last, followed only by an archive comment of at most 65,535 bytes.
  let end = -1;
  for (let at = data.length - EOCD_LENGTH; at >= Math.max(0, data.length - EOCD_LENGTH - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return notZip;
  const entries = data.readUInt16LE(end + 10);
  const directoryOffset = data.readUInt32LE(end + 16);
  let at = directoryOffset;
  let unpackedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) return notZip;
    const size = data.readUInt32LE(at + 24);
    unpackedBytes += size === ZIP64 ? Number.POSITIVE_INFINITY : size;
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return { ok: true, entries, unpackedBytes, directoryOffset };
}

export interface UnpackLimits {
  readonly maxParts: number;
  readonly maxUnpackedBytes: number;
}

/** What every .xlsx MinStd reads may unpack to: far above any real workbook, far below a zip bomb. */
export const XLSX_LIMITS: UnpackLimits = {
  maxParts: WORKBOOK_MAX_PARTS,
  maxUnpackedBytes: WORKBOOK_UNPACKED_MAX_BYTES,
};

export type UnpackCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: "not-zip" | "too-large" };

/**
 * Whether an .xlsx stays within the limits once unpacked. The sizes the ZIP directory declares are
 * checked first, then each part is inflated with its declared size as a hard ceiling, so a file that
 * understates its sizes is caught without ever holding more than one part's declared size in memory.
 */
export function checkUnpack(data: Buffer, limits: UnpackLimits = XLSX_LIMITS): UnpackCheck {
  const size = zipSize(data);
  if (!size.ok) return size;
  if (size.entries > limits.maxParts || size.unpackedBytes > limits.maxUnpackedBytes)
    return { ok: false, reason: "too-large" };
  let at = size.directoryOffset;
  for (let n = 0; n < size.entries; n++) {
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const declared = data.readUInt32LE(at + 24);
    const local = data.readUInt32LE(at + 42);
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50)
      return { ok: false, reason: "not-zip" };
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + compressed);
    if (method === 8) {
      try {
        inflateRawSync(body, { maxOutputLength: Math.max(1, declared) });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { ok: false, reason: code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : "not-zip" };
      }
    } else if (method === 0 && compressed !== declared) return { ok: false, reason: "not-zip" };
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return { ok: true };
}
