/// <reference types="office-js" />
import { quoteSheet } from "../core";
import { officeHost, type ExcelHost } from "./host";
import { sheetOfReference } from "./ownedSheet";
import { hostSupports, REQUIREMENT_SETS } from "./requirements";

/**
 * The province's comments on a returned submission, as notes on the cells concerned, so the
 * officer sees them where the fix goes. Notes (ExcelApi 1.18) where Excel has them, else comments.
 * MinStd's text is marked, so showing the comments again (or clearing them after the next version
 * is accepted) replaces only MinStd's part and never an officer's own note.
 */

/** The first line of MinStd's part of a note. */
export const RETURN_NOTE_MARK = "ความเห็นของจังหวัด (MinStd):";

export interface CellNote {
  readonly sheet: string;
  readonly cell: string;
  /** The comment, without the mark. */
  readonly text: string;
}

interface NoteLike {
  content: string;
  delete(): void;
  getLocation(): Excel.Range;
  load(props: string): unknown;
}

interface NoteCollectionLike {
  items: NoteLike[];
  load(props: string): unknown;
  add(cellAddress: string, content: string): unknown;
}

const key = (sheet: string, cell: string): string => `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;

/** "'แบบเทศบาล 2-1'!$F$7" or "Sheet1!F7" as "แบบเทศบาล 2-1!F7"; the first cell of a range. */
function addressKey(address: string): string {
  const sheet = sheetOfReference(address);
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0]!;
  return sheet === undefined ? address : key(sheet, cell);
}

/** The content with MinStd's part taken out ("" when nothing else is left). */
export function withoutReturnNote(content: string): string {
  const at = content.indexOf(RETURN_NOTE_MARK);
  return at < 0 ? content : content.slice(0, at).trimEnd();
}

/** Replaces MinStd's notes with these (none: only clears them). Two round trips. */
export async function showReturnNotes(
  notes: readonly CellNote[],
  host: ExcelHost = officeHost,
): Promise<void> {
  await host.run(async (context) => {
    const useNotes = hostSupports(REQUIREMENT_SETS.notesApi);
    const workbook = context.workbook as unknown as {
      notes: NoteCollectionLike;
      comments: NoteCollectionLike;
    };
    const collection = useNotes ? workbook.notes : workbook.comments;
    collection.load("items/content");
    await context.sync();
    const locations = collection.items.map((item) => {
      const range = item.getLocation();
      range.load("address");
      return { item, range };
    });
    await context.sync();

    const wanted = new Map(notes.map((n) => [key(n.sheet, n.cell), n]));
    for (const { item, range } of locations) {
      const at = addressKey(range.address);
      const note = wanted.get(at);
      if (note) {
        const own = withoutReturnNote(item.content);
        item.content = [own, block(note.text)].filter(Boolean).join("\n\n");
        wanted.delete(at);
      } else if (item.content.includes(RETURN_NOTE_MARK)) {
        const own = withoutReturnNote(item.content);
        if (own) item.content = own;
        else item.delete();
      }
    }
    for (const note of wanted.values())
      collection.add(`${quoteSheet(note.sheet)}!${note.cell}`, block(note.text));
    await context.sync();
  });
}

const block = (text: string): string => `${RETURN_NOTE_MARK}\n${text}`;
