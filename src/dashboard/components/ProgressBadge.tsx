import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Progress } from "../../core/reports/progress";
import { useI18n } from "../i18n";

/** A status pill in Fluent's tint badge colours; a plain span, as lists draw hundreds of them. */
const useStyles = makeStyles({
  badge: {
    display: "inline-block",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  submitted: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
  returned: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteMarigoldForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`,
  },
  late: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
  },
  notStarted: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export default function ProgressBadge({ progress }: { progress: Progress }) {
  const styles = useStyles();
  const { t } = useI18n();
  const tone =
    progress === "submitted"
      ? styles.submitted
      : progress === "returned"
        ? styles.returned
        : progress === "late"
          ? styles.late
          : styles.notStarted;
  return <span className={mergeClasses(styles.badge, tone)}>{t.progressShort[progress]}</span>;
}
