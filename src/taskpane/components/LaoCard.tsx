import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { laoDisplayName, type Lao } from "../../core";
import { useI18n } from "../hooks/useI18n";

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0`,
  },
  value: { margin: 0 },
  name: { margin: 0 },
});

/** The chosen LAO: its full name, code, type, district and province. */
export default function LaoCard({ lao }: { lao: Lao }) {
  const styles = useStyles();
  const { t } = useI18n();
  const facts: Array<[string, string]> = [
    [t.laoCode, lao.code],
    [t.laoType, t.laoTypeName(lao.type)],
    [t.district, lao.districtTh],
    [t.province, lao.provinceTh],
  ];
  return (
    <section className={styles.card} aria-label={t.laoSelected} data-lao={lao.code}>
      <Subtitle2 as="h3" className={styles.name}>
        {laoDisplayName(lao.type, lao.name)}
      </Subtitle2>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.value}>
              <Caption1>{value}</Caption1>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
