import { GARUDA_PNG_BASE64, GARUDA_PNG_SIZE } from "./garudaPng";

/**
 * The Garuda at the head of a memo: MinStd's own drawing (assets/garuda.svg) unless the office gives
 * the official artwork as a PNG or JPEG file. No Node APIs: the task pane uses it too.
 */
export interface Emblem {
  readonly type: "png" | "jpg";
  readonly data: Uint8Array;
  /** Pixels, for the aspect ratio. */
  readonly width: number;
  readonly height: number;
}

export class EmblemError extends Error {}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function defaultEmblem(): Emblem {
  return { type: "png", data: fromBase64(GARUDA_PNG_BASE64), ...GARUDA_PNG_SIZE };
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number): number => u16(b, at) * 65536 + u16(b, at + 2);

/** A PNG or JPEG file's type and size; an EmblemError (Thai first) for anything else. */
export function emblemFromFile(data: Uint8Array, name = "ไฟล์ภาพครุฑ"): Emblem {
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47)
    return { type: "png", data, width: u32(data, 16), height: u32(data, 20) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    // Walk the JPEG's segments to the frame header (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { type: "jpg", data, width: u16(data, at + 7), height: u16(data, at + 5) };
      at += 2 + u16(data, at + 2);
    }
  }
  throw new EmblemError(
    `${name} ต้องเป็นไฟล์ภาพ PNG หรือ JPEG ของตราครุฑ / the Garuda emblem must be a PNG or JPEG image`,
  );
}
