/**
 * A horizontal bar chart drawn with plain elements (no chart library: the page stays small): one
 * bar per row, value 0–1, its label on the left and the figure on the right. It is one image for
 * assistive technology, named by `label`; the tables beside it carry the same figures. Its classes
 * are in index.html's styles.
 */
export interface Bar {
  readonly key: string;
  readonly label: string;
  /** 0–1, or null for no data (no bar). */
  readonly value: number | null;
  readonly text: string;
}

export default function BarChart({
  label,
  bars,
  labelWidth = 160,
}: {
  label: string;
  bars: readonly Bar[];
  labelWidth?: number;
}) {
  const columns = { gridTemplateColumns: `${labelWidth}px minmax(80px, 1fr) 56px` };
  return (
    <div role="img" aria-label={label} className="chart" data-chart={label}>
      {bars.map((b) => (
        <div key={b.key} style={columns} data-bar={b.key} title={`${b.label}: ${b.text}`}>
          <span className="chart-label">{b.label}</span>
          <span className="chart-track">
            {b.value !== null && (
              <span className="chart-bar" style={{ width: `${Math.min(100, b.value * 100)}%` }} />
            )}
          </span>
          <span className="chart-value">{b.text}</span>
        </div>
      ))}
    </div>
  );
}
