/// <reference types="office-js" />
import { quoteSheet } from "../core";

/**
 * A sheet MinStd writes and may write again (the summary sheet, the receipt sheet): it is found by a
 * workbook-scoped name pointing at its A1, so a later write replaces that sheet and never one the
 * officer made and happened to name the same; such a sheet makes the new one take the next free
 * name ("สรุปผล (2)").
 */

/** The names the new sheet may take, in order of preference: "สรุปผล", "สรุปผล (2)", … */
export function candidateNames(wanted: string, count = 9): string[] {
  return [wanted, ...Array.from({ length: count - 1 }, (_, i) => `${wanted.slice(0, 26)} (${i + 2})`)];
}

/** The sheet a workbook-scoped name refers to, from its formula ("='สรุปผล'!$A$1"). */
export function sheetOfReference(formula: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'][^!]*))!/.exec(formula.trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1].replace(/''/g, "'");
  // A name whose sheet was deleted refers to #REF!.
  return m[2] === "#REF" ? undefined : m[2];
}

/** Every sheet name wanted is taken by the officer's own sheets. Thai and English texts. */
export class OwnedSheetError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "OwnedSheetError";
  }
}

export interface OwnedSheet {
  /** The sheet's name, e.g. "ใบรับ". */
  readonly wanted: string;
  /** The workbook-scoped name that marks the sheet MinStd wrote, e.g. "MinStd_Receipt". */
  readonly mark: string;
  /** The name's comment, for an officer who finds it in Name Manager. */
  readonly markComment: string;
  /** What the sheet is, in the error ("แทรกชีตสรุปผล"). */
  readonly action: { readonly th: string; readonly en: string };
}

/**
 * Deletes the sheet written before (if any) and adds an empty one in its place, marked. One round
 * trip; the caller queues the writes and syncs.
 */
export async function replaceOwnedSheet(
  context: Excel.RequestContext,
  owned: OwnedSheet,
): Promise<{ sheet: Excel.Worksheet; name: string }> {
  const workbook = context.workbook;
  const candidates = candidateNames(owned.wanted).map((name) => ({
    name,
    sheet: workbook.worksheets.getItemOrNullObject(name),
  }));
  const mark = workbook.names.getItemOrNullObject(owned.mark);
  mark.load("formula");
  await context.sync();

  const previous = mark.isNullObject ? undefined : sheetOfReference(mark.formula);
  const free = candidates.find((c) => c.sheet.isNullObject || c.name === previous);
  if (!free) {
    throw new OwnedSheetError(
      `มีแผ่นงานชื่อ “${owned.wanted}” และชื่อที่ตามด้วยเลขลำดับครบแล้ว — เปลี่ยนชื่อหรือลบแผ่นงานเหล่านั้นก่อน แล้ว${owned.action.th}อีกครั้ง`,
      `sheets named “${owned.wanted}” and its numbered variants all exist — rename or delete them, then ${owned.action.en} again`,
    );
  }
  if (!mark.isNullObject) mark.delete();
  // Only the sheet MinStd wrote before is deleted, and only to put the new one in its place.
  const old = previous === undefined ? undefined : candidates.find((c) => c.name === previous);
  if (old && !old.sheet.isNullObject) old.sheet.delete();
  const sheet = workbook.worksheets.add(free.name);
  workbook.names.add(owned.mark, `=${quoteSheet(free.name)}!$A$1`, owned.markComment);
  return { sheet, name: free.name };
}
