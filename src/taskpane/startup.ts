/**
 * Asks Excel to start the add-in's shared runtime whenever this workbook opens, so MINSTD.*
 * formulas calculate at once on later opens, before anyone opens the pane. Keep this call when
 * the pane is replaced.
 */
export async function loadWithDocument(info: { host: Office.HostType | null }): Promise<void> {
  if (info.host !== Office.HostType.Excel) return;
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return;
  await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
}
