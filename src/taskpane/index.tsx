/**
 * The task pane's entry. In Excel's shared runtime this page also hosts the MINSTD.* functions
 * (functions.js, loaded by the same page), so startup does what both need: ask Excel to load the
 * add-in with the workbook, register the rounds kept in OfficeRuntime.storage (core's round
 * registry, shared with the functions) and recalculate if there were any, then show the pane.
 */
import "./customFunctionsGuard";
import { createRoot } from "react-dom/client";
import { recalculateAll } from "../excel/navigate";
import App from "./components/App";
import { ExcelWorkbookPort } from "./excelWorkbookPort";
import { detectHost, officeGlobal, type HostStatus } from "./officeHost";
import { REGISTER_ASSET, registerLoader } from "./register/loadRegister";
import { officeRuntimeStorage, registerStoredRounds } from "./rounds/storedRounds";
import { loadWithDocument } from "./startup";

/** Rounds received in earlier sessions; cells that named them before they were known are recalculated. */
async function registerKeptRounds(): Promise<void> {
  const storage = officeRuntimeStorage();
  if (!storage) return;
  const { registered, problems } = await registerStoredRounds(storage);
  for (const problem of problems) console.warn(problem.en);
  if (registered.length > 0) await recalculateAll();
}

async function start(): Promise<void> {
  const office = officeGlobal();
  const host: HostStatus = await detectHost(office);
  const loadRegister = registerLoader(REGISTER_ASSET);
  if (host.kind === "excel") {
    // Whether the workbook is empty (the LAO is chosen from it) or set up (its LAO's type comes from
    // it), the pane needs the register: fetch it while the workbook is read, not after.
    loadRegister().catch(() => undefined);
    loadWithDocument({ host: Office.HostType.Excel }).catch((e: unknown) => console.error(e));
    await registerKeptRounds().catch((e: unknown) => console.error(e));
  }
  const port = new ExcelWorkbookPort({ loadRegister });
  createRoot(document.getElementById("root")!).render(
    <App
      host={host}
      port={port}
      loadRegister={loadRegister}
      onRoundsKept={() => void recalculateAll().catch((e: unknown) => console.error(e))}
    />,
  );
}

void start();
