import { collectionLayout, type Lao, type Round } from "../core";
import { officeHost, type ExcelHost } from "./host";
import { evaluateContents, loadWorkbook, type WorkbookScan } from "./reader";
import { watchWorkbook, type ChangeListener, type Watch, type WatchErrorListener } from "./watch";

/** Reads the collection workbook in one round trip: core's document and report, and every problem at its cell. */
export async function readWorkbook(
  round: Round,
  lao: Lao,
  host: ExcelHost = officeHost,
): Promise<WorkbookScan> {
  const layout = collectionLayout(round, lao);
  return host.run(async (context) =>
    evaluateContents(layout, (await loadWorkbook(context, layout)).contents),
  );
}

/** Scans, then calls listener(scan, changedInputCells) after each edit, re-reading only the changed cells. */
export async function onChanged(
  round: Round,
  lao: Lao,
  listener: ChangeListener,
  host: ExcelHost = officeHost,
  onError?: WatchErrorListener,
): Promise<Watch> {
  return watchWorkbook(host, collectionLayout(round, lao), listener, onError);
}
