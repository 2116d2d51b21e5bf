import { z } from "zod";

/** C0 and DEL control characters: nobody types one into a name or a reason, and PostgreSQL can't store NUL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A one-line text a person types (a user's name, a device name, a reason): trimmed, not empty,
 * at most `max` characters, no control characters. The messages say what to fix, Thai first.
 */
export function lineTextSchema(max: number, what: { readonly th: string; readonly en: string }) {
  return z
    .string()
    .trim()
    .min(1, `กรอก${what.th} / enter the ${what.en}`)
    .max(max, `${what.th}ยาวเกิน ${max} ตัวอักษร — ย่อให้สั้นลง / the ${what.en} is longer than ${max} characters`)
    .refine((s) => !CONTROL.test(s), {
      message: `${what.th}มีอักขระควบคุมที่พิมพ์ไม่ได้ — ลบแล้วพิมพ์ใหม่ / the ${what.en} contains a control character: retype it`,
    });
}

/** A staff user's display name, as the server and `minstd admin user add` take it. */
export const userDisplayNameSchema = lineTextSchema(200, { th: "ชื่อผู้ใช้", en: "user's name" });
