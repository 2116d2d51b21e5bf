import { FluentProvider } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { dashboardTheme } from "../theme";

/**
 * Fluent UI's theme and context for the pages built with its components (sign-in, the LAO's pages,
 * a submission, access codes, administration). The first screens draw without it (see
 * index.html's styles), so it comes in the chunks of those pages: see lazyFluent.tsx.
 */
export default function FluentArea({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <FluentProvider theme={dashboardTheme} lang={language} style={{ background: "transparent" }}>
      {children}
    </FluentProvider>
  );
}
