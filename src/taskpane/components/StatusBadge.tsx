import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  CircleRegular,
  DismissCircleRegular,
  ErrorCircleRegular,
  ArrowTrendingDownRegular,
  SubtractCircleRegular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { Status } from "../../core";

/** Colour and icon per result: both only repeat the label, which is always written out. */
const LOOK: Record<Status, { color: NonNullable<BadgeProps["color"]>; icon: ReactElement }> = {
  pass: { color: "success", icon: <CheckmarkCircleRegular /> },
  below: { color: "warning", icon: <ArrowTrendingDownRegular /> },
  "not-done": { color: "severe", icon: <DismissCircleRegular /> },
  "no-service": { color: "informative", icon: <SubtractCircleRegular /> },
  incomplete: { color: "subtle", icon: <CircleRegular /> },
  invalid: { color: "danger", icon: <ErrorCircleRegular /> },
  reported: { color: "brand", icon: <CircleRegular /> },
};

const useStyles = makeStyles({
  // Official labels can be long ("ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567"): let them wrap in a narrow pane.
  badge: { height: "auto", minHeight: "20px", whiteSpace: "normal", textAlign: "start", paddingBlock: "2px" },
});

export default function StatusBadge({ status, label }: { status: Status; label: string }) {
  const styles = useStyles();
  const look = LOOK[status];
  return (
    <Badge
      className={styles.badge}
      appearance="tint"
      shape="rounded"
      color={look.color}
      icon={look.icon}
      data-status={status}
    >
      {label}
    </Badge>
  );
}
