import { Card, Subtitle1, Text, makeStyles } from "@fluentui/react-components";
import type { CompiledRound } from "../../core/rules/compiledRound";
import { useI18n } from "../i18n";
import type { ReturnView } from "../types";

const useStyles = makeStyles({
  card: { padding: "12px 16px", margin: "12px 0" },
  heading: { margin: 0 },
});

/** The province's comments on the LAO's returned versions, newest first, by indicator as on the form. */
export default function LaoReturns({
  compiled,
  returns,
}: {
  compiled: CompiledRound;
  returns: readonly ReturnView[];
}) {
  const styles = useStyles();
  const { t } = useI18n();
  if (returns.length === 0) return null;
  const ref = (id: string) => {
    const ind = compiled.byId.get(id);
    return ind ? t.digits(t.indicatorRef(ind.area.form, ind.def.no)) : id;
  };
  return (
    <Card className={styles.card} aria-labelledby="comments-title">
      <Subtitle1 as="h2" block id="comments-title" className={styles.heading}>
        {t.laoCommentsTitle}
      </Subtitle1>
      {returns.map((r) => (
        <div key={r.version} data-return={r.version}>
          <Text weight="semibold">{t.returnedBy(r.returnedBy, r.returnedAtTh, r.version)}</Text>
          <ul>
            {Object.entries(r.comments).map(([id, text]) => (
              <li key={id}>
                {ref(id)}: {text}
              </li>
            ))}
            {r.note && <li>{r.note}</li>}
          </ul>
        </div>
      ))}
    </Card>
  );
}
