import { Card, Field, Select, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { diffSubmissions } from "../../core/reports/submissionDiff";
import type { LaoType } from "../../core/rules/laoTypes";
import type { BasicData } from "../../core/rules/submission";
import { useI18n } from "../i18n";
import type { VersionView } from "../types";

const useStyles = makeStyles({
  card: { padding: "12px 16px", margin: "16px 0" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))",
    gap: "4px 24px",
    margin: 0,
  },
  pair: { margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  pickers: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-end", margin: "8px 0" },
  list: { margin: "8px 0", paddingLeft: "20px" },
  before: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
  after: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BASIC = ["population", "households", "villages", "budget"] as const;

/** One end of the comparison: a choice among the versions, each named by its number and when it came. */
function VersionPicker({
  label,
  versions,
  value,
  onChange,
}: {
  label: string;
  versions: readonly VersionView[];
  value: number;
  onChange: (version: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <Select value={String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t.versionOption(v.version, v.receivedAtTh)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** แบบ 1 of the version shown: the LAO's basic data, and the person who prepared it (the one to call). */
export function BasicDataCard({ basic, laoType }: { basic: BasicData | undefined; laoType: LaoType }) {
  const styles = useStyles();
  const { t } = useI18n();
  const shown = (v: string | number | undefined | null) =>
    v === undefined || v === null || String(v).trim() === ""
      ? t.notFilled
      : typeof v === "number"
        ? t.digits(v.toLocaleString("en-US", { maximumFractionDigits: 2 }))
        : v;
  // A figure kept as typed text ("85,000,000") is shown in the page's digits like a number.
  const figure = (v: string | number | undefined | null) =>
    typeof v === "string" ? shown(t.digits(v)) : shown(v);
  const phone = basic?.preparer?.phone?.trim();
  return (
    <Card className={styles.card} data-section="form1">
      <Title3 as="h2" block>
        {t.form1Title}
      </Title3>
      <dl className={styles.grid}>
        {BASIC.map((key) => (
          <div key={key} className={styles.pair}>
            <dt className={styles.term}>{t.fieldName(key, laoType)}</dt>
            <dd className={styles.value}>{figure(basic?.[key])}</dd>
          </div>
        ))}
      </dl>
      <Title3 as="h3" block style={{ marginTop: 12, fontSize: tokens.fontSizeBase400 }}>
        {t.preparerTitle}
      </Title3>
      <dl className={styles.grid} data-section="preparer">
        <div className={styles.pair}>
          <dt className={styles.term}>{t.fieldName("preparer.name", laoType)}</dt>
          <dd className={styles.value}>{shown(basic?.preparer?.name)}</dd>
        </div>
        <div className={styles.pair}>
          <dt className={styles.term}>{t.fieldName("preparer.position", laoType)}</dt>
          <dd className={styles.value}>{shown(basic?.preparer?.position)}</dd>
        </div>
        <div className={styles.pair}>
          <dt className={styles.term}>{t.fieldName("preparer.phone", laoType)}</dt>
          <dd className={styles.value}>
            {phone ? <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a> : t.notFilled}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** What changed between any two versions the LAO sent (core's diff, the pane's wording). */
export function VersionDiff({
  versions,
  laoType,
  indicatorRef,
}: {
  /** The LAO's type: it decides what some แบบ 1 fields are called. */
  laoType: LaoType;
  /** Newest first, as the server lists them. */
  versions: readonly VersionView[];
  indicatorRef: (id: string) => string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const newest = versions[0]!.version;
  const [from, setFrom] = useState(versions[1]?.version ?? newest);
  const [to, setTo] = useState(newest);
  const byVersion = useMemo(() => new Map(versions.map((v) => [v.version, v])), [versions]);
  const diff = useMemo(() => {
    const a = byVersion.get(from);
    const b = byVersion.get(to);
    return a && b ? diffSubmissions(a.document, b.document) : undefined;
  }, [byVersion, from, to]);
  if (versions.length < 2) return null;
  // Numbers in the officer's digits; text (a phone, a name) exactly as the LAO typed it.
  const shown = (v: string | number | null) =>
    v === null ? t.changeEmpty : typeof v === "number" ? t.digits(v) : v;
  return (
    <Card className={styles.card} data-section="changes">
      <Title3 as="h2" block id="changes-title">
        {t.changesTitle}
      </Title3>
      <div className={styles.pickers}>
        <VersionPicker label={t.changesFrom} versions={versions} value={from} onChange={setFrom} />
        <VersionPicker label={t.changesTo} versions={versions} value={to} onChange={setTo} />
      </div>
      <Text as="p" block role="status" aria-live="polite" className={styles.muted}>
        {diff && (diff.unchanged ? t.changesNone : t.changesCount(diff.changes.length))}
      </Text>
      {diff && !diff.unchanged && (
        <ul className={styles.list} aria-labelledby="changes-title">
          {diff.changes.map((c) => (
            <li key={c.path} data-change={c.path}>
              {c.indicatorId ? indicatorRef(c.indicatorId) : t.fieldName("form1", laoType)} ·{" "}
              {t.fieldName(c.field, laoType)}: <span className={styles.before}>{shown(c.before)}</span> →{" "}
              <span className={styles.after}>{shown(c.after)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
