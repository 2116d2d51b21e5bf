import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Status } from "../../core";

/*
 * A result's badge: the look of Fluent's tint, rounded Badge with its icon, drawn as plain elements.
 * A round lists 200 and more of them, and Fluent's Badge and icon components cost the pane a
 * noticeable part of its first render; these are a span and an svg with class names made once.
 */

/** The icons' paths (Fluent UI System Icons, 20 px regular): each only repeats the label. */
const CIRCLE = "M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14m-8 7a8 8 0 1 1 16 0 8 8 0 0 1-16 0";
const ICON_PATH: Record<Status, string> = {
  // CheckmarkCircleRegular
  pass: "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 1a7 7 0 1 0 0 14 7 7 0 0 0 0-14m3.36 4.65c.17.17.2.44.06.63l-.06.07-4 4a.5.5 0 0 1-.64.07l-.07-.06-2-2a.5.5 0 0 1 .63-.77l.07.06L9 11.3l3.65-3.65c.2-.2.51-.2.7 0",
  // ArrowTrendingDownRegular
  below:
    "M17.96 14.7a.5.5 0 0 1-.46.3h-6a.5.5 0 0 1 0-1h4.8l-5.8-5.8-2.15 2.15a.5.5 0 0 1-.7 0l-5.5-5.5a.5.5 0 1 1 .7-.7L8 9.29l2.15-2.14c.2-.2.5-.2.7 0L17 13.29V8.5a.5.5 0 0 1 1 0v6a1 1 0 0 1-.04.2",
  // DismissCircleRegular
  "not-done":
    "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 1a7 7 0 1 0 0 14 7 7 0 0 0 0-14M7.8 7.11l.08.06L10 9.3l2.12-2.12a.5.5 0 0 1 .64-.06l.07.06c.17.18.2.44.06.64l-.06.07L10.7 10l2.12 2.12c.17.17.2.44.06.64l-.06.07a.5.5 0 0 1-.64.06l-.07-.06L10 10.7l-2.12 2.12a.5.5 0 0 1-.64.06l-.07-.06a.5.5 0 0 1-.06-.64l.06-.07L9.3 10 7.17 7.88a.5.5 0 0 1-.06-.64l.06-.07a.5.5 0 0 1 .64-.06",
  // SubtractCircleRegular
  "no-service":
    "M6 10c0-.28.22-.5.5-.5h7a.5.5 0 0 1 0 1h-7A.5.5 0 0 1 6 10m4 8a8 8 0 1 0 0-16 8 8 0 0 0 0 16m0-1a7 7 0 1 1 0-14 7 7 0 0 1 0 14",
  // CircleRegular
  incomplete: CIRCLE,
  // ErrorCircleRegular
  invalid:
    "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 1a7 7 0 1 0 0 14 7 7 0 0 0 0-14m0 9.5a.75.75 0 1 1 0 1.5.75.75 0 0 1 0-1.5M10 6a.5.5 0 0 1 .5.41V11a.5.5 0 0 1-1 .09V6.5c0-.28.22-.5.5-.5",
  reported: CIRCLE,
};

// Fluent's Badge (medium, rounded, tint) and its icon slot, as its styles set them.
const textPadding = tokens.spacingHorizontalXXS;
const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    boxSizing: "border-box",
    alignItems: "center",
    justifyContent: "center",
    position: "relative",
    ...typographyStyles.caption1Strong,
    minWidth: "20px",
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${textPadding})`,
    borderRadius: tokens.borderRadiusMedium,
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      left: 0,
      bottom: 0,
      right: 0,
      ...shorthands.borderStyle("solid"),
      ...shorthands.borderColor("inherit"),
      ...shorthands.borderWidth(tokens.strokeWidthThin),
      borderRadius: "inherit",
    },
    // Official labels can be long ("ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567"): let them wrap in a narrow pane.
    height: "auto",
    minHeight: "20px",
    whiteSpace: "normal",
    textAlign: "start",
    paddingBlock: "2px",
  },
  icon: {
    display: "flex",
    lineHeight: "1",
    margin: `0 calc(-1 * ${textPadding})`,
    marginRight: `calc(${tokens.spacingHorizontalXXS} + ${textPadding})`,
    fontSize: "12px",
  },
  svg: { flexShrink: 0, "@media (forced-colors: active)": { forcedColorAdjust: "auto" } },
  pass: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  below: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  "not-done": {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1),
  },
  "no-service": {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  incomplete: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  invalid: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  reported: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
  },
});

export interface StatusBadgeClasses {
  /** The badge of each result: its shape and its colours. */
  readonly root: Readonly<Record<Status, string>>;
  readonly icon: string;
  readonly svg: string;
}

/** The badges' class names, merged once for a whole list. */
export function useStatusBadgeClasses(): StatusBadgeClasses {
  const styles = useStyles();
  return useMemo(
    () => ({
      root: Object.fromEntries(
        (Object.keys(ICON_PATH) as Status[]).map((s) => [s, mergeClasses(styles.root, styles[s])]),
      ) as Record<Status, string>,
      icon: styles.icon,
      svg: styles.svg,
    }),
    [styles],
  );
}

/** A result's badge: its colour and icon only repeat the label, which is always written out. */
export default function StatusBadge({
  status,
  label,
  classes,
}: {
  status: Status;
  label: string;
  classes: StatusBadgeClasses;
}) {
  return (
    <span className={classes.root[status]} data-status={status}>
      <span className={classes.icon}>
        <svg
          className={classes.svg}
          fill="currentColor"
          aria-hidden="true"
          width="1em"
          height="1em"
          viewBox="0 0 20 20"
        >
          <path d={ICON_PATH[status]} />
        </svg>
      </span>
      {label}
    </span>
  );
}
