import type { Progress } from "../../core/reports/progress";
import { useI18n } from "../i18n";

/** A status pill in Fluent's tint badge colours (index.html's styles); a plain span, as lists draw hundreds of them. */
const TONE: Record<Progress, string> = {
  submitted: "badge submitted",
  returned: "badge returned",
  late: "badge late",
  "not-started": "badge",
};

export default function ProgressBadge({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  return <span className={TONE[progress]}>{t.progressShort[progress]}</span>;
}
