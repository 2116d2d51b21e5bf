import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Messages } from "../i18n";
import type { IndicatorRow } from "../view/indicatorRows";
import { formatMeasured, formatTarget } from "../view/formatRow";
import type { CellRef } from "../workbookPort";
import StatusBadge, { useStatusBadgeClasses, type StatusBadgeClasses } from "./StatusBadge";

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

/** The rows' class names, merged once for the whole list rather than in each of its 200 and more rows. */
export interface IndicatorItemClasses {
  readonly button: string;
  readonly buttonWithoutCell: string;
  readonly top: string;
  readonly id: string;
  readonly short: string;
  readonly figures: string;
  readonly message: string;
  readonly guidance: string;
  readonly hidden: string;
  readonly badge: StatusBadgeClasses;
}

export function useIndicatorItemClasses(): IndicatorItemClasses {
  const styles = useStyles();
  const badge = useStatusBadgeClasses();
  return useMemo(
    () => ({
      button: styles.button,
      buttonWithoutCell: mergeClasses(styles.button, styles.disabled),
      top: styles.top,
      id: mergeClasses(styles.caption, styles.id),
      short: styles.short,
      figures: mergeClasses(styles.caption, styles.figures),
      message: mergeClasses(styles.caption, styles.message),
      guidance: mergeClasses(styles.caption, styles.guidance),
      hidden: styles.hidden,
      badge,
    }),
    [styles, badge],
  );
}

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
  statusLabel,
  cell,
  onSelect,
  t,
  classes,
}: {
  row: IndicatorRow;
  /** The round's official label of the row's result. */
  statusLabel: string;
  cell: CellRef | undefined;
  onSelect: (cell: CellRef) => void;
  t: Messages;
  classes: IndicatorItemClasses;
}) {
  const message = row.message !== undefined ? t.pick(row.message, row.messageEn ?? row.message) : undefined;
  return (
    <button
      type="button"
      className={cell ? classes.button : classes.buttonWithoutCell}
      aria-disabled={!cell}
      title={cell ? t.goToCell(cell.sheet, cell.cell) : t.noCell}
      data-indicator={row.id}
      onClick={() => cell && onSelect(cell)}
    >
      <span className={classes.top}>
        <span className={classes.id}>{row.id}</span>
        <StatusBadge status={row.status} label={statusLabel} classes={classes.badge} />
      </span>
      <span className={classes.short} title={row.text}>
        {row.short}
      </span>
      <span className={classes.figures}>
        {t.valueLabel}: {formatMeasured(row, t)} · {t.targetLabel}: {formatTarget(row, t)}
        {row.provisional && (
          <>
            <span aria-hidden="true">*</span>
            <span className={classes.hidden}> ({t.provisionalMark})</span>
          </>
        )}
      </span>
      {message && <span className={classes.message}>{message}</span>}
      {wantsGuidance(row) && (
        <span className={classes.guidance} data-guidance="">
          {t.guidanceLabel}: {row.guidance}
        </span>
      )}
    </button>
  );
}
