import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useI18n } from "../hooks/useI18n";
import LanguageSwitch from "./LanguageSwitch";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0 },
  switch: { flexShrink: 0, whiteSpace: "nowrap" },
});

export default function PaneHeader() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header}>
      <Subtitle2 as="h1" className={styles.title}>
        {t.appTitle}
      </Subtitle2>
      <div className={styles.switch}>
        <LanguageSwitch />
      </div>
    </header>
  );
}
