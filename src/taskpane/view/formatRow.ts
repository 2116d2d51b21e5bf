import { formatPercent, groupThousands, type IndicatorKind } from "../../core";
import type { Messages } from "../i18n";
import type { IndicatorRow } from "./indicatorRows";

// Not Intl's NumberFormat: creating the first one cost the pane's start about 40 ms.
const plain = (value: number): string => groupThousands(value, 2);

/** Measured percentages to 2 decimals as on the official printouts; targets as the round states them. */
function amount(row: IndicatorRow, value: number, t: Messages, target = false): string {
  return formatValue(row.kind, row.unit, value, t, target);
}

/** A value of an indicator of `kind`: "85.00%", "3 โครงการ", "มี". */
export function formatValue(
  kind: IndicatorKind,
  unit: string,
  value: number,
  t: Messages,
  target = false,
): string {
  switch (kind) {
    case "ratio":
    case "satisfaction":
      return `${target ? plain(value) : formatPercent(value)}%`;
    case "count":
      return `${plain(value)} ${unit}`;
    case "yesno":
      return value === 1 ? t.yes : t.no;
  }
}

/** The measured result as the list shows it: "85.00%", "3 โครงการ", "มี"; "-" where the official form prints "-". */
export function formatMeasured(row: IndicatorRow, t: Messages): string {
  if (row.value !== undefined) return amount(row, row.value, t);
  switch (row.status) {
    case "no-service":
    case "not-done":
      return "-";
    case "incomplete":
      return t.notEntered;
    default:
      return "—";
  }
}

/** The target with its comparison, "≥ 80%" or "≥ 2 โครงการ", without the provisional mark. */
export function formatTarget(row: IndicatorRow, t: Messages): string {
  if (row.target === undefined) return "—";
  if (row.kind === "yesno") return t.yes;
  return `${row.lowerIsBetter ? "≤" : "≥"} ${amount(row, row.target, t, true)}`;
}
