/**
 * How every printable sheet prints: on A4, one page wide, the table's header row repeated on each
 * page, the page number in Thai in the footer. The .xlsx writers and the Office.js writers both
 * apply it, so a sheet prints the same whichever wrote it.
 */

export interface PrintSpec {
  readonly orientation: "portrait" | "landscape";
  /** Rows repeated on every printed page, e.g. "$4:$4". */
  readonly titleRows?: string;
  readonly header: string;
  readonly footer: string;
}

/** Margins in inches (the unit of the .xlsx file): narrow at the sides, room for header and footer. */
export const PRINT_MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.25,
  footer: 0.25,
} as const;

/** "หน้า 1 / 3": &P and &N are the page number and the page count in a header or footer. */
export const PAGE_NUMBER_FOOTER = "หน้า &P / &N";

/** Points in an inch: Office.js takes margins in points. */
export const POINTS_PER_INCH = 72;

/** "$4:$4" or "$4:$5": rows repeated at the top of every printed page. */
export function titleRows(first: number, last = first): string {
  return `$${first}:$${last}`;
}
