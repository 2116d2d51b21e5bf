import type { Status } from "../rules/scoring";

/** The styles of the collection workbook's cells, by name, and the colours of its results. */

export const FONT_NAME = "TH Sarabun New";
export const FONT_SIZE = 14;

export type StyleName =
  | "title"
  | "subtitle"
  | "guide"
  | "section"
  | "label"
  | "fixed"
  | "header"
  | "mission"
  | "id"
  | "text"
  | "target"
  | "input"
  | "inputText"
  | "unused"
  | "percent"
  | "result"
  | "meta";

export interface StyleSpec {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
  /** Fill colour, RRGGBB. */
  readonly fill?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center";
  readonly wrap?: boolean;
  readonly border?: boolean;
  /** Officers can type only into unlocked cells once the sheet is protected. */
  readonly locked: boolean;
}

export const INPUT_FILL = "FFF2CC";

export const STYLES: Readonly<Record<StyleName, StyleSpec>> = {
  title: { bold: true, size: 18, locked: true, vertical: "center" },
  subtitle: { size: 15, locked: true, vertical: "center" },
  guide: { size: 13, color: "595959", wrap: true, vertical: "top", locked: true },
  section: { bold: true, size: 15, fill: "D9E1F2", locked: true, vertical: "center" },
  label: { wrap: true, vertical: "center", border: true, locked: true },
  fixed: { wrap: true, vertical: "center", border: true, fill: "F2F2F2", locked: true },
  header: {
    bold: true,
    fill: "D9E1F2",
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: true,
    locked: true,
  },
  mission: { bold: true, fill: "EDEDED", vertical: "center", wrap: true, border: true, locked: true },
  id: { horizontal: "center", vertical: "top", border: true, locked: true },
  text: { wrap: true, vertical: "top", border: true, locked: true },
  target: { horizontal: "center", vertical: "top", border: true, locked: true },
  input: { fill: INPUT_FILL, horizontal: "right", vertical: "top", border: true, locked: false },
  inputText: { fill: INPUT_FILL, vertical: "top", wrap: true, border: true, locked: false },
  unused: { fill: "BFBFBF", border: true, locked: true },
  percent: { horizontal: "center", vertical: "top", border: true, locked: true },
  result: { vertical: "top", wrap: true, border: true, locked: true },
  meta: { locked: true },
};

/** The fill, font colour and boldness of a result cell, per result (Excel's good/bad/neutral styles). */
export const STATUS_COLOURS: Readonly<
  Record<Status, readonly [fill: string, color: string, bold?: boolean]>
> = {
  pass: ["C6EFCE", "006100"],
  below: ["FFC7CE", "9C0006"],
  "not-done": ["FFEB9C", "9C5700"],
  "no-service": ["E7E6E6", "404040"],
  incomplete: ["FFFFFF", "7F7F7F"],
  invalid: ["FF0000", "FFFFFF", true],
  reported: ["DDEBF7", "1F4E78"],
};
