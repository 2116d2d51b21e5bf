import {
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { RequirementSet } from "../../excel/requirements";
import { useI18n } from "../hooks/useI18n";
import { dashboardAddress } from "../server/defaultServer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  way: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  setName: { color: tokens.colorNeutralForeground3 },
  address: { overflowWrap: "anywhere" },
});

/**
 * What the pane shows instead of itself in an Excel without a requirement set it cannot work without
 * (perpetual Office 2016/2019, Excel on iPad): which Excel is needed, what this one lacks in plain
 * words, and the two ways that work without the add-in (the workbook alone; uploading it on the web).
 */
export default function UnsupportedExcelMessage({
  missing,
  server,
}: {
  /** The required sets the running Excel lacks. */
  readonly missing: readonly RequirementSet[];
  /** The collection server's address, when the add-in was built with one. */
  readonly server?: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const waysId = useId();
  const dashboard = dashboardAddress(server);
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle role="heading" aria-level={2}>
            {t.lackingTitle}
          </MessageBarTitle>
          <Text>{t.lackingWhichExcel}</Text>
          <Text weight="semibold">{t.lackingMissingHeading}</Text>
          <ul className={styles.list}>
            {missing.map((set) => (
              <li key={set.id}>
                <Text>{t.requirementText[set.id]}</Text>{" "}
                <Caption1 className={styles.setName}>{t.requirementSetName(set.name, set.version)}</Caption1>
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby={waysId} className={styles.body}>
        <Subtitle2 as="h3" id={waysId} className={styles.heading}>
          {t.lackingOtherWaysHeading}
        </Subtitle2>
        <ol className={styles.list}>
          <li>
            <div className={styles.way}>
              <Text weight="semibold">{t.lackingWorkbookTitle}</Text>
              <Text>{t.lackingWorkbookBody}</Text>
            </div>
          </li>
          <li>
            <div className={styles.way}>
              <Text weight="semibold">{t.lackingUploadTitle}</Text>
              <Text>{t.lackingUploadBody}</Text>
              {dashboard !== null && (
                <Text>
                  {t.lackingUploadAddress}{" "}
                  <Link href={dashboard} target="_blank" rel="noreferrer" className={styles.address}>
                    {dashboard}
                  </Link>
                </Text>
              )}
              <Text>{t.lackingCli}</Text>
            </div>
          </li>
        </ol>
      </section>
    </div>
  );
}
