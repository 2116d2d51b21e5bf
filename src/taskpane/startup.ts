import { hostSupports, REQUIREMENT_SETS } from "../excel/requirements";

/**
 * Asks Excel to start the add-in's shared runtime whenever this workbook opens, so MINSTD.*
 * formulas calculate at once on later opens, before anyone opens the pane. Keep this call when
 * the pane is replaced.
 */
export async function loadWithDocument(info: { host: Office.HostType | null }): Promise<void> {
  if (info.host !== Office.HostType.Excel) return;
  if (!hostSupports(REQUIREMENT_SETS.sharedRuntime)) return;
  await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
}
