import {
  AlignmentType,
  Document,
  LeaderType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
} from "docx";
import type { MemoAreaRow, MemoModel } from "../core/memo";

/**
 * Writes a memo (core/memo) as a Word document in the layout of a Thai official memo: TH Sarabun New
 * 16 pt (the heading 29 pt), margins of 3 cm left and 2 cm right, the ส่วนราชการ / ที่ / วันที่ /
 * เรื่อง / เรียน lines with dotted fill, indented paragraphs, and the signature block. Uses only the
 * `docx` package, no Node APIs, so the task pane can load it in the browser with a dynamic import.
 */

export const MEMO_FONT = "TH Sarabun New";
/** Half-points: 16 pt body, 29 pt heading (ระเบียบงานสารบรรณ). */
const BODY = 32;
const HEADING = 58;
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
  const bold = { bold: true, boldComplexScript: true };
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
  // The area's title gets the most room; the pass rate (๑๐๐.๐๐) must not wrap.
  const shares = [0.25, 0.1, 0.08, 0.16, 0.15, 0.14, 0.12];
  const widths = shares.map((share) => Math.floor(TEXT_WIDTH * share));
  const cells = (r: MemoAreaRow) => [
    r.title,
    r.indicators,
    r.passed,
    r.below,
    r.notDone,
    r.noService,
    r.passRate,
  ];
  const row = (values: readonly string[], bold: boolean) =>
    new TableRow({
      children: values.map((v, i) =>
        cell(v, { bold, width: widths[i]!, align: i === 0 ? "left" : "center" }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
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
export function memoDocument(memo: MemoModel): Document {
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
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
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
            children: [run("เรียน", { bold: true, boldComplexScript: true }), run(`  ${memo.to}`)],
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
export async function memoDocx(memo: MemoModel): Promise<Uint8Array> {
  return Packer.pack(memoDocument(memo), "uint8array");
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
