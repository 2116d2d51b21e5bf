import { describeLao, LAO_TYPE_INFO } from "../core";
import { loadRegister } from "../dataFiles";
import { json, UsageError, type Output } from "./output";

export function laoFind(words: string[], opts: { json?: boolean; limit?: string }, io: Output): number {
  const text = words.join(" ").trim();
  if (!text)
    throw new UsageError(
      "พิมพ์ชื่อ รหัส อำเภอ หรือจังหวัด เช่น minstd lao find คลองท่อม / give a name, code, district or province",
    );
  const limit = opts.limit ? Number(opts.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError("--limit ต้องเป็นจำนวนเต็มบวก / --limit must be a positive whole number");
  const matches = loadRegister().search(text, limit);
  if (opts.json) {
    io.out(json(matches.map((m) => ({ ...m.lao, typeTh: LAO_TYPE_INFO[m.lao.type].th }))));
    return 0;
  }
  if (matches.length === 0) {
    io.out(`ไม่พบ อปท. ที่ตรงกับ “${text}” — ลองพิมพ์ชื่อสั้นลง หรือค้นด้วยอำเภอ/จังหวัด / nothing found`);
    return 0;
  }
  for (const m of matches) io.out(describeLao(m.lao));
  return 0;
}
