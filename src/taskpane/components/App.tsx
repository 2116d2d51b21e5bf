import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { LaoRegister, Round } from "../../core";
import { ConnectionContext, useConnectionModel } from "../hooks/useConnection";
import { I18nContext, type I18n } from "../hooks/useI18n";
import { useKnownRounds } from "../hooks/useKnownRounds";
import { useServerRounds } from "../hooks/useServerRounds";
import { messagesFor, type Language } from "../i18n";
import type { HostStatus } from "../officeHost";
import type { Connection } from "../server/connection";
import type { WorkbookPort } from "../workbookPort";
import { REQUIREMENT_SETS } from "../../excel/requirements";
import OutsideExcelMessage from "./OutsideExcelMessage";
import Pane from "./Pane";
import PaneHeader from "./PaneHeader";
import UnsupportedExcelMessage from "./UnsupportedExcelMessage";

export interface AppProps {
  /**
   * Where the pane runs (detectHost); anything but an Excel with every required set shows a message
   * instead of the pane.
   */
  readonly host: HostStatus;
  readonly port: WorkbookPort;
  /** Loads the LAO register (registerLoader: fetched on demand, not bundled). */
  readonly loadRegister: () => Promise<LaoRegister>;
  /** The rounds the pane knows; by default core's round registry (shipped and registered rounds), followed live. */
  readonly rounds?: readonly Round[];
  /** The clock for the deadline banner; injectable for tests. */
  readonly clock?: () => Date;
  readonly initialLanguage?: Language;
  /** Opens the link to the collection server; by default over the add-in's own storage (loaded lazily). */
  readonly openConnection?: () => Promise<Connection>;
  /** After rounds received from the server were kept and registered (the page recalculates the workbook). */
  readonly onRoundsKept?: () => void;
  /**
   * After the pane has drawn what it read of the workbook: its indicators, the first-run setup, or
   * why it cannot show them. Called again after later reads.
   */
  readonly onWorkbookShown?: () => void;
}

const openAddinConnection = (): Promise<Connection> =>
  import(/* webpackChunkName: "connection" */ "../server/openConnection").then((m) => m.openConnection());

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  main: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});

const systemClock = (): Date => new Date();

/**
 * The task pane: Fluent UI, Thai first with an English switch, and the pane, the outside-Excel
 * message, or what an Excel without a required set needs.
 */
export default function App({
  host,
  port,
  loadRegister,
  rounds,
  clock,
  initialLanguage,
  openConnection,
  onRoundsKept,
  onWorkbookShown,
}: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage ?? "th");
  const i18n = useMemo<I18n>(() => ({ language, t: messagesFor(language), setLanguage }), [language]);
  const registered = useKnownRounds();
  const known = rounds ?? registered;
  const inExcel = host.kind === "excel" && port.isAvailable();
  // The link to the server (the client, in chunks of its own) opens once the pane has drawn the
  // workbook: opening it sooner would make the officer wait longer for the list.
  const [workbookShown, setWorkbookShown] = useState(false);
  const shown = useCallback(() => {
    setWorkbookShown(true);
    onWorkbookShown?.();
  }, [onWorkbookShown]);
  const connection = useConnectionModel(openConnection ?? openAddinConnection, inExcel && workbookShown);
  useServerRounds(connection, onRoundsKept);

  let content;
  if (host.kind === "excel-lacking") content = <UnsupportedExcelMessage missing={host.missing} />;
  else if (host.kind !== "excel") content = <OutsideExcelMessage reason={host} />;
  else if (!inExcel) content = <UnsupportedExcelMessage missing={[REQUIREMENT_SETS.workbookApi]} />;
  else
    content = (
      <Pane
        port={port}
        loadRegister={loadRegister}
        rounds={known}
        clock={clock ?? systemClock}
        onShown={shown}
      />
    );

  return (
    // No layout class on the provider itself: Fluent copies it onto the portals of pop-ups.
    <FluentProvider theme={webLightTheme} lang={language}>
      <I18nContext.Provider value={i18n}>
        <ConnectionContext.Provider value={connection}>
          <div className={styles.root}>
            <PaneHeader />
            <main className={styles.main}>{content}</main>
          </div>
        </ConnectionContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
