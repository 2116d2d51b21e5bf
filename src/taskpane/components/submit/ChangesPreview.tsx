import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { diffSubmissions, type LaoType, type SubmissionDocument } from "../../../core";
import { useI18n } from "../../hooks/useI18n";
import SectionHeading from "../SectionHeading";

const SHOWN = 30;

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  before: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
  after: { fontWeight: tokens.fontWeightSemibold },
});

/** What this version changes against the last one sent: each input's before and after. */
export default function ChangesPreview({
  document,
  laoType,
  last,
  lastVersion,
}: {
  document: SubmissionDocument;
  laoType: LaoType;
  /** The last version's document; null when nothing was sent; undefined when it cannot be known now. */
  last: SubmissionDocument | null | undefined;
  lastVersion: number | undefined;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const diff = useMemo(
    () => (last === undefined ? undefined : diffSubmissions(last, document)),
    [last, document],
  );
  const shown = (v: string | number | null): string => (v === null ? t.changeEmpty : String(v));

  let body;
  if (!diff) body = <Caption1 className={styles.muted}>{t.changesUnknown}</Caption1>;
  else if (diff.first) body = <Text>{t.changesFirst}</Text>;
  else if (diff.unchanged) body = <Text>{t.changesNone}</Text>;
  else
    body = (
      <>
        <Caption1 className={styles.muted}>
          {lastVersion !== undefined && `${t.changesAgainst(lastVersion)} · `}
          {t.changesCount(diff.changes.length)}
        </Caption1>
        <ul className={styles.list} data-testid="changes">
          {diff.changes.slice(0, SHOWN).map((c) => (
            <li key={c.path} data-change={c.path}>
              <Text>
                {c.indicatorId ?? t.fieldName("form1", laoType)} · {t.fieldName(c.field, laoType)}:{" "}
              </Text>
              <span className={styles.before}>{shown(c.before)}</span> →{" "}
              <span className={styles.after}>{shown(c.after)}</span>
            </li>
          ))}
          {diff.changes.length > SHOWN && (
            <li>
              <Caption1 className={styles.muted}>{t.checklistMore(diff.changes.length - SHOWN)}</Caption1>
            </li>
          )}
        </ul>
      </>
    );

  return (
    <section aria-labelledby="changes-title">
      <SectionHeading id="changes-title">{t.changesTitle}</SectionHeading>
      {body}
    </section>
  );
}
