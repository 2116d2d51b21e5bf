/**
 * CSV for officers' spreadsheets: UTF-8 with a BOM and CRLF line ends (what Excel expects), and
 * text a spreadsheet would run as a formula (=, +, -, @, tab or CR first) given a leading
 * apostrophe, so it is shown and never run. The server's exports and the web app's code lists
 * both write through here.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
/** What starts like a formula but is safe as it is: the official dash, a plain signed number. */
const SAFE = /^(?:-|[-+]?\d+(?:\.\d+)?)$/;

export function csvCell(value: CsvCell): string {
  const raw = value === null ? "" : String(value);
  const text = typeof value === "string" && FORMULA_START.test(raw) && !SAFE.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file's text, BOM first. */
export function csvText(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
