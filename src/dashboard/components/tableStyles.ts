import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Native table elements styled like Fluent's Table: the province list has up to 334 rows and the
 * national tables 76–214, and Fluent's Table components (focus management and styles per cell) cost
 * several times more to draw than plain cells, where nothing in a cell needs them.
 */
export const useTableStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "& th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightRegular,
      color: tokens.colorNeutralForeground2,
      padding: "6px 8px",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      verticalAlign: "bottom",
    },
    "& td": {
      padding: "5px 8px",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "middle",
    },
    "& tbody tr:hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "none",
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
});
