import type { StatusCounts } from "../../core";
import { useI18n } from "../hooks/useI18n";

const hidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/** A polite live region: screen readers hear the new counts when the results change as cells are typed. */
export default function StatusAnnouncer({ counts, total }: { counts: StatusCounts; total: number }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" style={hidden}>
      {t.announce(counts, total)}
    </div>
  );
}
