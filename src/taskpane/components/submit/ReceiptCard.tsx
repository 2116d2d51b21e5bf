import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { receiptLines, type ReceiptContext } from "../../../client/receipt";
import type { Receipt } from "../../../api";
import { useI18n } from "../../hooks/useI18n";
import SectionHeading from "../SectionHeading";

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(90px, auto) 1fr",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
});

/** The latest receipt as the officer reads it: number, Thai time, content hash, results. */
export default function ReceiptCard({ receipt, context }: { receipt: Receipt; context: ReceiptContext }) {
  const styles = useStyles();
  const { t } = useI18n();
  const lines = receiptLines(receipt, context).filter(
    (l) => l.key !== "id" && l.key !== "lao" && l.key !== "round",
  );
  return (
    <section className={styles.card} aria-labelledby="receipt-title" data-testid="receipt">
      <SectionHeading id="receipt-title">{t.receiptTitle}</SectionHeading>
      <dl className={styles.list}>
        {lines.map((l) => (
          <div key={l.key} style={{ display: "contents" }}>
            <dt className={styles.term}>
              <Caption1>{t.pick(l.label, l.labelEn)}</Caption1>
            </dt>
            <dd className={styles.value} data-receipt={l.key}>
              {t.pick(l.value, l.valueEn)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
