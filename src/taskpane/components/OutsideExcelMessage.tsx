import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "../hooks/useI18n";
import type { HostStatus } from "../officeHost";

export type OutsideExcelReason = Extract<HostStatus, { kind: "other-host" | "no-office" }>;

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** What the pane shows instead of itself outside Excel (a browser, Word…); see UnsupportedExcelMessage for an Excel too old for it. */
export default function OutsideExcelMessage({ reason }: { reason: OutsideExcelReason }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t.outsideTitle}</MessageBarTitle>
        <Text>{reason.kind === "other-host" ? t.outsideOtherHost(reason.host) : t.outsideBrowser}</Text>
        <Text>{t.outsideHowTo}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
