import { Caption1, makeStyles, ProgressBar, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { STATUSES, type SummaryPart } from "../../core";
import { useI18n } from "../hooks/useI18n";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  heading: { margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

/** One area's (or the overall) counts per result and pass rate. */
export default function PassRateCard({ title, part, id }: { title: string; part: SummaryPart; id: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.card} aria-labelledby={id} data-summary={id}>
      <Subtitle2 as="h3" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      <Text weight="semibold">{t.passRate(part.passRate)}</Text>
      <ProgressBar
        value={(part.passRate ?? 0) * 100}
        max={100}
        thickness="large"
        color={part.passRate === null ? "brand" : part.passRate >= 0.5 ? "success" : "warning"}
        aria-label={t.passRateBarLabel(title)}
      />
      {part.assessed > 0 && <Caption1>{t.passOfAssessed(part.counts.pass, part.assessed)}</Caption1>}
      <dl className={styles.counts}>
        {/* "Reported" (satisfaction questions without a target) only in rounds that have them. */}
        {STATUSES.filter((s) => s !== "reported" || part.counts.reported > 0).map((s) => (
          <div key={s} style={{ display: "contents" }}>
            <dt className={styles.term}>
              <Caption1>{t.filterLabels[s]}</Caption1>
            </dt>
            <dd className={styles.value} data-count={s}>
              <Caption1>{part.counts[s]}</Caption1>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
