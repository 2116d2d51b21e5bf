/// <reference types="office-js" />
import { parseRange, rangeAddress, type CellLocation, type CollectionLayout, type RangeRef } from "../core";
import type { ExcelHost } from "./host";
import { evaluateContents, inputsIn, loadWorkbook, type WorkbookScan } from "./reader";
import { sheetBounds } from "./sheetBounds";

export type ChangeListener = (scan: WorkbookScan, changed: readonly CellLocation[]) => void;

/**
 * Called when a change could not be taken in: the changed cells could not be read, or the workbook
 * no longer matches its layout (e.g. an indicator id was typed over: WorkbookRefused). Watching
 * goes on; the next change is read again.
 */
export type WatchErrorListener = (error: unknown) => void;

export interface Watch {
  /** The scan made when watching began. */
  readonly scan: WorkbookScan;
  stop(): Promise<void>;
}

function intersect(a: RangeRef, b: RangeRef): RangeRef | undefined {
  const start = { row: Math.max(a.start.row, b.start.row), col: Math.max(a.start.col, b.start.col) };
  const end = { row: Math.min(a.end.row, b.end.row), col: Math.min(a.end.col, b.end.col) };
  return start.row <= end.row && start.col <= end.col ? { start, end } : undefined;
}

/**
 * Scans the workbook once, then on every worksheet change re-reads only the changed cells that
 * lie within the collection workbook (one round trip per change, none for changes elsewhere)
 * and hands the listener the new scan.
 */
export async function watchWorkbook(
  host: ExcelHost,
  layout: CollectionLayout,
  listener: ChangeListener,
  onError: WatchErrorListener = () => undefined,
): Promise<Watch> {
  return host.run(async (context) => {
    const { contents, sheetIds } = await loadWorkbook(context, layout);
    const scan = evaluateContents(layout, contents);
    const bounds = new Map(layout.sheets.map((s) => [s.name, parseRange(sheetBounds(s).address)!]));
    const handler = context.workbook.worksheets.onChanged.add(
      async (event: Excel.WorksheetChangedEventArgs) => {
        const sheet = sheetIds.get(event.worksheetId);
        const changed = parseRange(event.address);
        const area = sheet && changed ? intersect(changed, bounds.get(sheet)!) : undefined;
        if (!sheet || !area) return;
        let next: WorkbookScan;
        try {
          await host.run(async (ctx) => {
            const range = ctx.workbook.worksheets.getItem(sheet).getRange(rangeAddress(area));
            range.load("values, numberFormat");
            await ctx.sync();
            contents.patch(sheet, area, range.values, range.numberFormat);
          });
          next = evaluateContents(layout, contents);
        } catch (error) {
          onError(error);
          return;
        }
        listener(next, inputsIn(layout, sheet, area));
      },
    );
    await context.sync();
    return {
      scan,
      // Excel removes a handler only through the request context that added it.
      stop: () =>
        host.runIn(handler.context, async (ctx) => {
          handler.remove();
          await ctx.sync();
        }),
    };
  });
}
