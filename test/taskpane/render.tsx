/** Rendering helpers for the pane's component tests. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import type { LaoRegister } from "../../src/core";
import App, { type AppProps } from "../../src/taskpane/components/App";
import { I18nContext } from "../../src/taskpane/hooks/useI18n";
import { messagesFor, type Language } from "../../src/taskpane/i18n";
import { testRegister } from "./fixtures";
import type { PaneWorkbook } from "./excelPane";

/** Renders a component inside Fluent's provider with the texts of one language. */
export function renderInLanguage(ui: ReactElement, language: Language = "th"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ language, t: messagesFor(language), setLanguage: () => undefined }}>
        {ui}
      </I18nContext.Provider>
    </FluentProvider>,
  );
}

/** A register loader over the real register that counts its calls. */
export function countingLoader(): { load: () => Promise<LaoRegister>; calls: () => number } {
  let calls = 0;
  return {
    load: async () => {
      calls += 1;
      return testRegister();
    },
    calls: () => calls,
  };
}

/** A connection that never finishes opening: for tests that are not about the server. */
export const noConnection = (): Promise<never> => new Promise<never>(() => undefined);

/** Renders the whole pane inside Excel over its real workbook port on the Office.js double, at a fixed time. */
export function renderApp(
  pane: PaneWorkbook,
  props: Partial<AppProps> & { now?: string } = {},
): RenderResult & PaneWorkbook {
  const now = new Date(props.now ?? "2025-08-20T10:00:00+07:00");
  const result = render(
    <App
      host={{ kind: "excel" }}
      port={pane.port}
      loadRegister={countingLoader().load}
      clock={() => now}
      openConnection={noConnection}
      {...props}
    />,
  );
  return { ...result, ...pane };
}
