/**
 * Writes src/core/workbook/textMetricsTable.ts: the advance widths of the characters MinStd prints, measured
 * from Laksaman (fonts-thai-tlwg), which is metric-compatible with TH Sarabun New, in regular and
 * bold, per 1000 units of the em. Run once when the character set changes:
 *
 *   npx tsx scripts/measure-thai-font.ts [/usr/share/fonts/truetype/tlwg]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The characters measured: printable ASCII, the Thai block, and the symbols the sheets use. */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0x0e01, 0x0e5b],
];
const EXTRA = "≤≥×÷–—…·“”‘’•";

interface Font {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  advance(codePoint: number): number | undefined;
}

function readFont(file: string): Font {
  const data = readFileSync(file);
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(data.toString("latin1", at, at + 4), data.readUInt32BE(at + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
    return offset;
  };
  const head = table("head");
  const hhea = table("hhea");
  const os2 = table("OS/2");
  const hmtx = table("hmtx");
  const metrics = data.readUInt16BE(hhea + 34);
  const advanceOfGlyph = (glyph: number): number =>
    data.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));

  // cmap: the Unicode BMP subtable (format 4).
  const cmap = table("cmap");
  let format4 = -1;
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + data.readUInt32BE(cmap + 4 + i * 8 + 4);
    if (data.readUInt16BE(sub) === 4) format4 = sub;
  }
  if (format4 < 0) throw new Error(`${file}: no format 4 cmap`);
  const segments = data.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyphOf = (cp: number): number => {
    for (let s = 0; s < segments; s++) {
      if (cp > data.readUInt16BE(ends + s * 2)) continue;
      const start = data.readUInt16BE(starts + s * 2);
      if (cp < start) return 0;
      const delta = data.readInt16BE(deltas + s * 2);
      const ro = data.readUInt16BE(rangeOffsets + s * 2);
      if (ro === 0) return (cp + delta) & 0xffff;
      const at = rangeOffsets + s * 2 + ro + (cp - start) * 2;
      const g = data.readUInt16BE(at);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return {
    unitsPerEm: data.readUInt16BE(head + 18),
    // The typographic line metrics (OS/2), which spreadsheet programs lay out lines of a cell by.
    ascender: data.readInt16BE(os2 + 68),
    descender: data.readInt16BE(os2 + 70),
    lineGap: data.readInt16BE(os2 + 72),
    advance(cp) {
      const glyph = glyphOf(cp);
      return glyph === 0 ? undefined : advanceOfGlyph(glyph);
    },
  };
}

function codePoints(): number[] {
  const list: number[] = [];
  for (const [from, to] of RANGES) for (let cp = from; cp <= to; cp++) list.push(cp);
  for (const ch of EXTRA) list.push(ch.codePointAt(0)!);
  return list;
}

/** Per mille of the em, rounded up so that an estimate errs towards one line more. */
function widths(font: Font, list: readonly number[]): number[] {
  return list.map((cp) => {
    const a = font.advance(cp);
    return a === undefined ? -1 : Math.ceil((a * 1000) / font.unitsPerEm);
  });
}

const folder = process.argv[2] ?? "/usr/share/fonts/truetype/tlwg";
const regular = readFont(join(folder, "Laksaman.ttf"));
const bold = readFont(join(folder, "Laksaman-Bold.ttf"));
const list = codePoints();
const lineHeight = Math.ceil(
  ((regular.ascender - regular.descender + regular.lineGap) * 1000) / regular.unitsPerEm,
);
const out = `/**
 * Advance widths of TH Sarabun New (measured from the metric-compatible Laksaman of fonts-thai-tlwg by
 * scripts/measure-thai-font.ts; do not edit by hand), per 1000 units of the em. Thai vowels and tone
 * marks written above or below a consonant have zero advance. -1: the font has no such character.
 */
export const METRIC_CODE_POINTS: readonly number[] = ${JSON.stringify(list)};
export const REGULAR_WIDTHS: readonly number[] = ${JSON.stringify(widths(regular, list))};
export const BOLD_WIDTHS: readonly number[] = ${JSON.stringify(widths(bold, list))};
/** The font's typographic ascent + descent + line gap (OS/2), per 1000 units of the em. */
export const LINE_HEIGHT_PER_MILLE = ${lineHeight};
`;
writeFileSync(join(__dirname, "..", "src", "core", "workbook", "textMetricsTable.ts"), out);
console.log(`measured ${list.length} characters; line height ${lineHeight}‰ of the em`);
