import { closeSync, createReadStream, openSync, readSync, statSync, type ReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * The smallest tar (POSIX ustar) that a backup needs: regular files only, written in order and read
 * back by name. Any tar program lists and unpacks a MinStd backup (`tar tf backup.minstd`).
 */

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  const put = (text: string, offset: number, length: number) => h.write(text, offset, length, "ascii");
  const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, "0") + "\0";
  h.write(name, 0, 100, "utf8");
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  put("        ", 148, 8);
  put("0", 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return h;
}

const padding = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK, 0);

export type TarEntry =
  { readonly name: string; readonly data: Uint8Array } | { readonly name: string; readonly file: string };

function write(out: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (e) => (e ? reject(e) : resolve()));
  });
}

/** Writes the entries (a file is streamed, not read into memory) and the end-of-archive blocks. */
export async function writeTar(
  out: Writable,
  entries: readonly TarEntry[],
  mtime = new Date(),
): Promise<void> {
  for (const entry of entries) {
    const size = "data" in entry ? entry.data.byteLength : statSync(entry.file).size;
    await write(out, header(entry.name, size, mtime));
    if ("data" in entry) await write(out, Buffer.from(entry.data));
    else await pipeline(createReadStream(entry.file), out, { end: false });
    await write(out, padding(size));
  }
  await write(out, Buffer.alloc(BLOCK * 2, 0));
}

export interface TarIndexEntry {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

/** The files in a tar and where each one's bytes are; throws on anything that is not a tar. */
export function indexTar(path: string): TarIndexEntry[] {
  const fd = openSync(path, "r");
  try {
    const total = statSync(path).size;
    const entries: TarIndexEntry[] = [];
    const h = Buffer.alloc(BLOCK);
    let at = 0;
    while (at + BLOCK <= total) {
      readSync(fd, h, 0, BLOCK, at);
      if (h.every((b) => b === 0)) break;
      if (h.toString("ascii", 257, 262) !== "ustar") throw new Error("not a tar archive");
      const name = h.toString("utf8", 0, 100).replace(/\0.*$/s, "");
      const size = parseInt(h.toString("ascii", 124, 136).replace(/\0.*$/s, "").trim() || "0", 8);
      if (!Number.isFinite(size) || at + BLOCK + size > total) throw new Error("truncated tar archive");
      entries.push({ name, offset: at + BLOCK, size });
      at += BLOCK + size + padding(size).length;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

export function readEntry(path: string, entry: TarIndexEntry): Buffer {
  const fd = openSync(path, "r");
  try {
    const data = Buffer.alloc(entry.size);
    readSync(fd, data, 0, entry.size, entry.offset);
    return data;
  } finally {
    closeSync(fd);
  }
}

export function streamEntry(path: string, entry: TarIndexEntry): ReadStream {
  return createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 });
}
