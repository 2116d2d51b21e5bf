import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import type { IndicatorRow } from "../view/indicatorRows";
import { formatMeasured, formatTarget } from "../view/formatRow";
import type { CellRef } from "../workbookPort";
import StatusBadge from "./StatusBadge";

const useStyles = makeStyles({
  button: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  disabled: { cursor: "default", ":hover": { backgroundColor: tokens.colorNeutralBackground1 } },
  top: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  // Fluent's Caption1 and semibold Text as plain spans: a round lists 200 and more of these.
  caption: {
    display: "block",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  short: {
    display: "block",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  id: {
    display: "inline",
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  figures: { color: tokens.colorNeutralForeground2 },
  message: { color: tokens.colorPaletteRedForeground1 },
  guidance: { color: tokens.colorNeutralForeground3 },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** The guidance is shown while there is something to type: not filled in yet, or to fix. */
function wantsGuidance(row: IndicatorRow): boolean {
  return row.guidance !== undefined && (row.status === "incomplete" || row.status === "invalid");
}

/**
 * One indicator: id, short text, result, target and status, and the round's guidance on what to
 * type while the indicator is not complete. Pressing it selects the cell to fill in or fix in Excel.
 */
export default function IndicatorItem({
  row,
  round,
  cell,
  onSelect,
}: {
  row: IndicatorRow;
  round: Round;
  cell: CellRef | undefined;
  onSelect: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const message = row.message !== undefined ? t.pick(row.message, row.messageEn ?? row.message) : undefined;
  return (
    <button
      type="button"
      className={mergeClasses(styles.button, !cell && styles.disabled)}
      aria-disabled={!cell}
      title={cell ? t.goToCell(cell.sheet, cell.cell) : t.noCell}
      data-indicator={row.id}
      onClick={() => cell && onSelect(cell)}
    >
      <span className={styles.top}>
        <span className={mergeClasses(styles.caption, styles.id)}>{row.id}</span>
        <StatusBadge status={row.status} label={t.statusLabel(row.status, round)} />
      </span>
      <span className={styles.short} title={row.text}>
        {row.short}
      </span>
      <span className={mergeClasses(styles.caption, styles.figures)}>
        {t.valueLabel}: {formatMeasured(row, t)} · {t.targetLabel}: {formatTarget(row, t)}
        {row.provisional && (
          <>
            <span aria-hidden="true">*</span>
            <span className={styles.hidden}> ({t.provisionalMark})</span>
          </>
        )}
      </span>
      {message && <span className={mergeClasses(styles.caption, styles.message)}>{message}</span>}
      {wantsGuidance(row) && (
        <span className={mergeClasses(styles.caption, styles.guidance)} data-guidance="">
          {t.guidanceLabel}: {row.guidance}
        </span>
      )}
    </button>
  );
}
