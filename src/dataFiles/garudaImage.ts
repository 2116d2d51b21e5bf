import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { EmblemError, emblemFromFile, type Emblem } from "../docx/emblem";

/**
 * The Garuda an office has configured for its memos: the official artwork as a PNG or JPEG file,
 * named by `minstd report memo --garuda FILE` or the server's MINSTD_GARUDA_IMAGE. Without one the
 * memo carries MinStd's own drawing. Read once per file.
 */
export const GARUDA_ENV = "MINSTD_GARUDA_IMAGE";

const cache = new Map<string, Emblem>();

/** The emblem of `file`, else of MINSTD_GARUDA_IMAGE; undefined when neither is set. Throws EmblemError (Thai first). */
export function configuredEmblem(file: string | undefined = process.env[GARUDA_ENV]): Emblem | undefined {
  if (!file) return undefined;
  const path = resolve(file);
  const hit = cache.get(path);
  if (hit) return hit;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new EmblemError(
      `อ่านไฟล์ภาพครุฑ “${file}” ไม่ได้ (${(e as NodeJS.ErrnoException).code ?? String(e)}) — ตรวจชื่อไฟล์ใน --garuda หรือ ${GARUDA_ENV} / cannot read the Garuda image file`,
    );
  }
  const emblem = emblemFromFile(new Uint8Array(bytes), `ไฟล์ภาพครุฑ “${file}”`);
  cache.set(path, emblem);
  return emblem;
}
