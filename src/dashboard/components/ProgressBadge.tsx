import { Badge } from "@fluentui/react-components";
import type { Progress } from "../../core/progress";
import { useI18n } from "../i18n";

const COLOR = {
  submitted: "success",
  returned: "warning",
  late: "danger",
  "not-started": "informative",
} as const;

export default function ProgressBadge({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={COLOR[progress]} shape="rounded">
      {t.progressShort[progress]}
    </Badge>
  );
}
