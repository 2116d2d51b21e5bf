import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * A horizontal bar chart drawn with plain elements (no chart library: the page stays small): one
 * bar per row, value 0–1, its label on the left and the figure on the right. It is one image for
 * assistive technology, named by `label`; the tables beside it carry the same figures.
 */
export interface Bar {
  readonly key: string;
  readonly label: string;
  /** 0–1, or null for no data (no bar). */
  readonly value: number | null;
  readonly text: string;
}

const useStyles = makeStyles({
  chart: { display: "grid", gap: "3px", margin: "8px 0", fontSize: tokens.fontSizeBase200 },
  row: { display: "grid", alignItems: "center", gap: "8px" },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", textAlign: "right" },
  track: {
    position: "relative",
    height: "14px",
    backgroundColor: tokens.colorNeutralBackground4,
    borderRadius: tokens.borderRadiusSmall,
  },
  bar: {
    height: "100%",
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  value: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

export default function BarChart({
  label,
  bars,
  labelWidth = 160,
}: {
  label: string;
  bars: readonly Bar[];
  labelWidth?: number;
}) {
  const styles = useStyles();
  const columns = { gridTemplateColumns: `${labelWidth}px minmax(80px, 1fr) 56px` };
  return (
    <div role="img" aria-label={label} className={styles.chart} data-chart={label}>
      {bars.map((b) => (
        <div
          key={b.key}
          className={styles.row}
          style={columns}
          data-bar={b.key}
          title={`${b.label}: ${b.text}`}
        >
          <span className={styles.label}>{b.label}</span>
          <span className={styles.track}>
            {b.value !== null && (
              <span
                className={styles.bar}
                style={{ width: `${Math.min(100, b.value * 100)}%`, display: "block" }}
              />
            )}
          </span>
          <span className={styles.value}>{b.text}</span>
        </div>
      ))}
    </div>
  );
}
