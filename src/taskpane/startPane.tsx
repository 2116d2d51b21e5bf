/**
 * Starts the task pane. In Excel's shared runtime this page also hosts the MINSTD.* functions
 * (functions.js, loaded by the same page), so startup does what both need: find where the page runs
 * and whether this Excel has every requirement set the add-in cannot work without
 * (src/excel/requirements.ts), ask Excel to load the add-in with the workbook, register the rounds
 * kept in OfficeRuntime.storage (core's round registry, shared with the functions), then show the
 * pane — or, in an Excel without a required set, what it needs — and recalculate if there were any.
 */
import { createRoot, type Root } from "react-dom/client";
import type { LaoRegister } from "../core";
import { recalculateAll } from "../excel/navigate";
import App from "./components/App";
import { ExcelWorkbookPort } from "./excelWorkbookPort";
import { detectHost, officeGlobal, type HostStatus, type OfficeLike } from "./officeHost";
import { REGISTER_ASSET, registerLoader } from "./register/loadRegister";
import { officeRuntimeStorage, registerStoredRounds } from "./rounds/storedRounds";
import type { Connection } from "./server/connection";
import { loadWithDocument } from "./startup";

export interface StartOptions {
  /** The Office global of office.js; by default the page's. */
  readonly office?: OfficeLike;
  readonly loadRegister?: () => Promise<LaoRegister>;
  /** Opens the link to the collection server; by default over the add-in's own storage. */
  readonly openConnection?: () => Promise<Connection>;
}

/** Registers the rounds received in earlier sessions; resolves with whether there were any. */
async function registerKeptRounds(): Promise<boolean> {
  const storage = officeRuntimeStorage();
  if (!storage) return false;
  const { registered, problems } = await registerStoredRounds(storage);
  for (const problem of problems) console.warn(problem.en);
  return registered.length > 0;
}

/** Renders the pane into `element` once the host is known; resolves with the React root. */
export async function startPane(element: HTMLElement, options: StartOptions = {}): Promise<Root> {
  const host: HostStatus = await detectHost(options.office ?? officeGlobal());
  const loadRegister = options.loadRegister ?? registerLoader(REGISTER_ASSET);
  let kept = false;
  if (host.kind === "excel") {
    // Whether the workbook is empty (the LAO is chosen from it) or set up (its LAO's type comes from
    // it), the pane needs the register: fetch it while the workbook is read, not after.
    loadRegister().catch(() => undefined);
    loadWithDocument({ host: Office.HostType.Excel }).catch((e: unknown) => console.error(e));
    kept = await registerKeptRounds().catch((e: unknown) => {
      console.error(e);
      return false;
    });
  }
  const port = new ExcelWorkbookPort({ loadRegister });
  // Cells that named a kept round before it was known calculate again once the pane has drawn what
  // it read of the workbook (its indicators need the register too): Excel does one thing at a time,
  // and the officer sees the list first.
  let recalculated = false;
  const recalculateKept = (): void => {
    if (!kept || recalculated) return;
    recalculated = true;
    recalculateAll().catch((e: unknown) => console.error(e));
  };
  const root = createRoot(element);
  root.render(
    <App
      host={host}
      port={port}
      loadRegister={loadRegister}
      openConnection={options.openConnection}
      onRoundsKept={() => void recalculateAll().catch((e: unknown) => console.error(e))}
      onWorkbookShown={recalculateKept}
    />,
  );
  return root;
}
