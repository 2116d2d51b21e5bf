import { BOLD_WIDTHS, LINE_HEIGHT_PER_MILLE, METRIC_CODE_POINTS, REGULAR_WIDTHS } from "./textMetricsTable";

/**
 * How much room a text takes in TH Sarabun New, the font of every printed form: its width, where it
 * wraps in a column, and the row height that shows every line. Spreadsheet programs wrap Thai between
 * words with their own dictionaries, and LibreOffice never fits a row's height to its text when it
 * opens a file, so the heights MinStd writes must be right beforehand. Words are found with
 * Intl.Segmenter (ICU's Thai dictionary, as LibreOffice and Word use), or between spaces where a
 * runtime lacks it, which errs towards more lines.
 */

export interface TextFont {
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
}

const INDEX = new Map(METRIC_CODE_POINTS.map((cp, i) => [cp, i]));
/** Per mille of the em for a character outside the table: as wide as the widest Latin capitals. */
const UNKNOWN_WIDTH = 900;
const ZERO_WIDTH = /^(?:[\u0300-\u036f]|[\u200b-\u200d]|\ufe0f)$/u;

function advance(codePoint: number, bold: boolean): number {
  const i = INDEX.get(codePoint);
  const width = i === undefined ? -1 : (bold ? BOLD_WIDTHS : REGULAR_WIDTHS)[i]!;
  if (width >= 0) return width;
  return ZERO_WIDTH.test(String.fromCodePoint(codePoint)) ? 0 : UNKNOWN_WIDTH;
}

/** The width of a line of text, in points. */
export function textWidth(text: string, font: TextFont): number {
  let perMille = 0;
  for (const ch of text) perMille += advance(ch.codePointAt(0)!, font.bold === true);
  return (perMille * font.size) / 1000;
}

/** The height of one line, in points: the font's ascent, descent and line gap. */
export function lineHeight(font: TextFont): number {
  return (LINE_HEIGHT_PER_MILLE * font.size) / 1000;
}

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };
let segmenter: Segmenter | null | undefined;

function thaiWords(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (globalThis.Intl as { Segmenter?: new (l: string, o: object) => Segmenter }).Segmenter;
    segmenter = Ctor ? new Ctor("th", { granularity: "word" }) : null;
  }
  return segmenter;
}

/**
 * The pieces a line may break between: words, and the spaces between them. A number ("1,234.50",
 * "๑๐๐.๐๐") is one piece; it never breaks.
 */
export function breakPieces(line: string): string[] {
  const words = thaiWords();
  const pieces: string[] = [];
  for (const chunk of line.split(/(\s+)/)) {
    if (chunk === "") continue;
    if (/^\s+$/.test(chunk) || !words) pieces.push(chunk);
    else {
      // Keep a number with its thousands separators and decimals whole, whatever the segmenter says.
      for (const part of chunk.split(/([0-9๐-๙][0-9๐-๙,.]*[0-9๐-๙]|[0-9๐-๙])/)) {
        if (part === "") continue;
        if (/^[0-9๐-๙]/.test(part)) pieces.push(part);
        else for (const s of words.segment(part)) pieces.push(s.segment);
      }
    }
  }
  // A closing mark stays with the word before it, an opening one with the word after it.
  const joined: string[] = [];
  for (const piece of pieces) {
    const last = joined.length - 1;
    if (last >= 0 && /^[)\]}”’%.,:;!?ๆฯ]+$/.test(piece)) joined[last] += piece;
    else if (last >= 0 && /^[([{“‘]+$/.test(joined[last]!)) joined[last] += piece;
    else joined.push(piece);
  }
  return joined;
}

/**
 * The lines a text takes in a column `width` points wide, breaking between words as a spreadsheet or
 * word processor does; a word wider than the column is broken where it must (which is what a wider
 * column avoids). Line breaks in the text are kept.
 */
export function wrapText(text: string, width: number, font: TextFont): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    for (const piece of breakPieces(paragraph)) {
      const w = textWidth(piece, font);
      const blank = /^\s+$/.test(piece);
      if (line !== "" && used + w > width && !blank) {
        lines.push(line.trimEnd());
        line = "";
        used = 0;
      }
      if (line === "" && blank) continue;
      if (w > width) {
        // One word wider than the column: broken by characters.
        for (const ch of piece) {
          const c = textWidth(ch, font);
          if (line !== "" && used + c > width) {
            lines.push(line);
            line = "";
            used = 0;
          }
          line += ch;
          used += c;
        }
        continue;
      }
      line += piece;
      used += w;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export function lineCount(text: string, width: number, font: TextFont): number {
  return wrapText(text, width, font).length;
}

/** The widest piece of a text that cannot break (a word, or a number), in points. */
export function widestWord(text: string, font: TextFont): number {
  let widest = 0;
  for (const line of text.split("\n"))
    for (const piece of breakPieces(line)) widest = Math.max(widest, textWidth(piece, font));
  return widest;
}

/**
 * The room for text in a spreadsheet column `chars` of Excel's width units wide, in points: Excel's
 * column of n units is n × 7 + 5 pixels (Calibri 11, the workbook's default font), at 96 pixels an
 * inch; LibreOffice reads it the same way. Less the cell's inner margins on both sides.
 */
export function columnTextWidth(chars: number): number {
  return (chars * 7 + 5) * 0.75 - CELL_PADDING;
}

/** A cell's inner margins, left and right together, in points (with room to spare for rounding). */
const CELL_PADDING = 6;
/** Room above and below the lines of a row, in points. */
const ROW_PADDING = 4;
/** The tallest row a spreadsheet program allows, in points. */
export const MAX_ROW_HEIGHT = 409;

export interface CellText {
  readonly text: string;
  /** The column's width in Excel's units (several columns' widths added up for a merged cell). */
  readonly width: number;
  readonly font: TextFont;
}

/**
 * The height of a row, in points, that shows every line of each of its wrapped cells: the most lines
 * any cell needs times the line height of that cell's font.
 */
export function rowHeight(cells: readonly CellText[], minimum = 0): number {
  let height = minimum;
  for (const cell of cells) {
    const lines = lineCount(cell.text, columnTextWidth(cell.width), cell.font);
    height = Math.max(height, lines * lineHeight(cell.font) + ROW_PADDING);
  }
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(height));
}
