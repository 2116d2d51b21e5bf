import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { passRateText, receiptTimeTh } from "../../../client/receipt";
import type { Receipt } from "../../../api";
import { useI18n } from "../../hooks/useI18n";
import SectionHeading from "../SectionHeading";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Every version sent for this round, newest first. */
export default function VersionHistory({
  receipts,
  returnedVersion,
}: {
  receipts: readonly Receipt[];
  returnedVersion?: number;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section aria-labelledby="history-title">
      <SectionHeading id="history-title">{t.historyTitle}</SectionHeading>
      {receipts.length === 0 ? (
        <Caption1 className={styles.muted}>{t.historyEmpty}</Caption1>
      ) : (
        <table className={styles.table} data-testid="history">
          <thead>
            <tr>
              {[
                t.pick("ฉบับ", "Version"),
                t.pick("ใบรับ / เวลา", "Receipt / time"),
                t.pick("ผล", "Result"),
              ].map((h) => (
                <th key={h} className={styles.cell} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {receipts.map((r) => (
              <tr key={r.version} data-version={r.version}>
                <td className={styles.cell}>
                  {t.historyVersion(r.version)}
                  {r.version === returnedVersion && (
                    <>
                      <br />
                      <Caption1>{t.stateReturned}</Caption1>
                    </>
                  )}
                </td>
                <td className={styles.cell}>
                  {r.receiptNumber}
                  <br />
                  <Caption1 className={styles.muted}>{t.pick(receiptTimeTh(r), r.receivedAt)}</Caption1>
                </td>
                <td className={styles.cell}>{t.pick(passRateText(r).th, passRateText(r).en)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
