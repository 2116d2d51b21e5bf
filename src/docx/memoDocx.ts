import {
  AlignmentType,
  Document,
  ImageRun,
  LeaderType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
} from "docx";
import type { MemoAreaRow, MemoModel } from "../core/reports/memo";
import { textWidth, widestWord, type TextFont } from "../core/workbook/textMetrics";
import { defaultEmblem, type Emblem } from "./emblem";

/**
 * Writes a memo (core/reports/memo) as a Word document in the layout of the official บันทึกข้อความ form
 * (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ): the Garuda 1.5 cm high at the top left, the heading
 * "บันทึกข้อความ" in TH Sarabun New 29 pt bold, the ส่วนราชการ / ที่ / วันที่ / เรื่อง labels 20 pt bold
 * with dotted fill, the text 16 pt, margins of 3 cm left and 2 cm right, indented paragraphs, and the
 * signature block. Uses only the `docx` package and core, no Node APIs, so the task pane can load it
 * in the browser with a dynamic import.
 */

export interface MemoDocxOptions {
  /** The Garuda at the head: the official artwork where the office has configured it, else MinStd's drawing. */
  readonly emblem?: Emblem;
}

export const MEMO_FONT = "TH Sarabun New";
/** Half-points: 16 pt body, 20 pt field labels, 29 pt heading (ระเบียบงานสารบรรณ). */
const BODY = 32;
const LABEL = 40;
const HEADING = 58;
/** The Garuda's height on the form, in pixels at 96 to the inch: 1.5 cm. */
const EMBLEM_HEIGHT = (15 / 25.4) * 96;
const FIRST_LINE_INDENT = convertMillimetersToTwip(25);
/** The text width: A4 (210 mm) less 30 mm and 20 mm margins. */
const TEXT_WIDTH = convertMillimetersToTwip(160);

function run(text: string, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: MEMO_FONT,
    size: BODY,
    sizeComplexScript: BODY,
    language: { value: "th-TH" },
    ...extra,
  } as IRunOptions);
}

/**
 * A label in bold and its value, the rest of the line filled with dots up to the right margin (a dot
 * tab leader, as on the printed form); with `more`, a second label at 75 mm on the same line (ที่ … วันที่ …).
 */
function field(label: string, value: string, more?: { label: string; value: string }): Paragraph {
  const bold = { bold: true, boldComplexScript: true, size: LABEL, sizeComplexScript: LABEL };
  const children = [run(label, bold), run(`  ${value}`)];
  const tabStops: Array<{
    type: (typeof TabStopType)[keyof typeof TabStopType];
    position: number;
    leader: "dot";
  }> = [];
  if (more) {
    children.push(run("\t"), run(more.label, bold), run(`  ${more.value}`));
    tabStops.push({ type: TabStopType.LEFT, position: convertMillimetersToTwip(75), leader: LeaderType.DOT });
  }
  children.push(run("\t"));
  tabStops.push({ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT });
  return new Paragraph({ children, tabStops, spacing: { after: 60 } });
}

function body(text: string, indent = true): Paragraph {
  return new Paragraph({
    children: [run(text)],
    alignment: AlignmentType.THAI_DISTRIBUTE,
    indent: indent ? { firstLine: FIRST_LINE_INDENT } : {},
    spacing: { before: 120 },
  });
}

const TABLE_TEXT = 28;
/** A table cell's inner margins, left and right, in twentieths of a point. */
const CELL_MARGIN = 80;
/** Room kept in each column beyond its text: renderers measure a little differently. */
const CELL_SLACK = 80;
/** The most lines a column heading may take, so that the widest texts get the room. */
const HEADING_LINES = 3;

/**
 * Column widths (twentieths of a point) that never break a word or a number inside a cell: each
 * column at least as wide as its widest word and as a third of its heading (a heading takes at most
 * three lines), and the room left shared out by how much more each column's longest text (below the
 * heading) would need to sit on one line. The first row is the heading.
 */
export function tableColumnWidths(
  rows: ReadonlyArray<readonly string[]>,
  bold: readonly boolean[],
  total: number,
): number[] {
  const columns = rows[0]?.length ?? 0;
  const fonts = bold.map((b): TextFont => ({ size: TABLE_TEXT / 2, bold: b }));
  const pad = 2 * CELL_MARGIN + CELL_SLACK;
  const twips = (points: number): number => Math.ceil(points * 20) + pad;
  const least = Array.from({ length: columns }, (_, c) =>
    twips(
      Math.max(
        textWidth(rows[0]?.[c] ?? "", fonts[0]!) / HEADING_LINES,
        ...rows.map((r, i) => widestWord(r[c] ?? "", fonts[i]!)),
      ),
    ),
  );
  const whole = Array.from({ length: columns }, (_, c) =>
    Math.max(
      least[c]!,
      twips(Math.max(...rows.slice(1).map((r, i) => textWidth(r[c] ?? "", fonts[i + 1]!)))),
    ),
  );
  const spare = total - least.reduce((a, b) => a + b, 0);
  const wanted = whole.map((w, c) => w - least[c]!);
  const wantedSum = wanted.reduce((a, b) => a + b, 0);
  if (spare <= 0) {
    // Not even every word fits: shrink in proportion.
    const scale = total / (total - spare);
    return least.map((w) => Math.floor(w * scale));
  }
  if (wantedSum <= spare) {
    // Everything fits on one line: the rest goes to every column alike.
    const extra = (spare - wantedSum) / columns;
    return whole.map((w) => Math.floor(w + extra));
  }
  return least.map((w, c) => Math.floor(w + (spare * wanted[c]!) / wantedSum));
}

function cell(text: string, opts: { bold?: boolean; width: number; align?: "left" | "center" }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [
          run(text, {
            size: TABLE_TEXT,
            sizeComplexScript: TABLE_TEXT,
            ...(opts.bold && { bold: true, boldComplexScript: true }),
          }),
        ],
      }),
    ],
  });
}

function areaTable(memo: MemoModel): Table {
  const cells = (r: MemoAreaRow) => [
    r.title,
    r.indicators,
    r.passed,
    r.below,
    r.notDone,
    r.noService,
    r.passRate,
  ];
  const rows = [memo.areaTable.columns, ...memo.areaTable.rows.map(cells), cells(memo.areaTable.total)];
  const widths = tableColumnWidths(
    rows,
    rows.map((_, i) => i === 0 || i === rows.length - 1),
    TEXT_WIDTH,
  );
  const row = (values: readonly string[], bold: boolean) =>
    new TableRow({
      children: values.map((v, i) =>
        cell(v, { bold, width: widths[i]!, align: i === 0 ? "left" : "center" }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: memo.areaTable.columns.map((c, i) => cell(c, { bold: true, width: widths[i]! })),
      }),
      ...memo.areaTable.rows.map((r) => row(cells(r), false)),
      row(cells(memo.areaTable.total), true),
    ],
  });
}

/** The memo as a docx Document (for callers that add to it before packing). */
export function memoDocument(memo: MemoModel, options: MemoDocxOptions = {}): Document {
  const emblem = options.emblem ?? defaultEmblem();
  const development =
    memo.development.length === 0
      ? [body(memo.noDevelopment)]
      : memo.development.map(
          (d) =>
            new Paragraph({
              children: [
                run(`${d.no}. ${d.text} `),
                run(`(${d.label}${d.detail ? ` ${d.detail}` : ""})`, { italics: true }),
              ],
              alignment: AlignmentType.THAI_DISTRIBUTE,
              indent: { left: FIRST_LINE_INDENT, hanging: convertMillimetersToTwip(7) },
              spacing: { before: 60 },
            }),
        );
  const signature = (text: string, before = 0) =>
    new Paragraph({
      children: [run(text)],
      alignment: AlignmentType.CENTER,
      indent: { left: convertMillimetersToTwip(70) },
      spacing: { before },
    });
  return new Document({
    creator: "MinStd",
    title: `${memo.heading} ${memo.subject}`,
    styles: {
      default: {
        document: { run: { font: MEMO_FONT, size: BODY, sizeComplexScript: BODY } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(15),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(20),
            },
          },
        },
        children: [
          // The Garuda at the left margin, the heading centred on the text width beside it, as on the form.
          new Paragraph({
            spacing: { after: 120 },
            tabStops: [{ type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) }],
            children: [
              new ImageRun({
                type: emblem.type,
                data: emblem.data,
                transformation: {
                  width: Math.round((EMBLEM_HEIGHT * emblem.width) / emblem.height),
                  height: Math.round(EMBLEM_HEIGHT),
                },
                altText: { name: "ตราครุฑ", description: "ตราครุฑ", title: "ตราครุฑ" },
              }),
              run("\t"),
              run(memo.heading, {
                bold: true,
                boldComplexScript: true,
                size: HEADING,
                sizeComplexScript: HEADING,
              }),
            ],
          }),
          field("ส่วนราชการ", memo.department),
          field("ที่", memo.reference, { label: "วันที่", value: memo.date }),
          field("เรื่อง", memo.subject),
          new Paragraph({
            spacing: { before: 120 },
            children: [run("เรียน"), run(`  ${memo.to}`)],
          }),
          ...memo.opening.map((p) => body(p)),
          new Paragraph({ spacing: { before: 120 }, children: [] }),
          areaTable(memo),
          body(memo.developmentHeading),
          ...development,
          body(memo.closing),
          signature(memo.signature.name, 720),
          signature(memo.signature.position),
          ...memo.notes.map(
            (n, i) =>
              new Paragraph({
                spacing: { before: i === 0 ? 480 : 0 },
                children: [run(`หมายเหตุ ${n}`, { size: 28, sizeComplexScript: 28 })],
              }),
          ),
        ],
      },
    ],
  });
}

/** The memo as .docx bytes; works in Node and in the browser. */
export async function memoDocx(memo: MemoModel, options: MemoDocxOptions = {}): Promise<Uint8Array> {
  return Packer.pack(memoDocument(memo, options), "uint8array");
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
