/**
 * What an .xlsx file (a ZIP archive) says it unpacks to, read from its central directory without
 * unpacking anything: a server reading uploaded workbooks refuses a small file that would unpack
 * to hundreds of megabytes before handing it to exceljs, which unpacks everything in memory.
 */

export type ZipSize =
  | { readonly ok: true; readonly entries: number; readonly unpackedBytes: number }
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
  return { ok: true, entries, unpackedBytes };
}
