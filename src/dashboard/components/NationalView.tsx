import { Card, Text, Title2, Title3, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { compileRound, indicatorText } from "../../core/rules/compiledRound";
import { type SummaryPart } from "../../core/rules/summary";
import type { Api } from "../api";
import { paths } from "../paths";
import { useI18n, type Messages } from "../i18n";
import { placeHref } from "../route";
import type { CompletenessResponse, ResultsResponse, RoundDefinition } from "../types";
import { useLoad } from "../useLoad";
import BarChart from "./BarChart";
import ExportButtons from "./ExportButtons";
import { useTableStyles } from "./tableStyles";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  section: { margin: "16px 0 24px" },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(320px, 1fr) minmax(320px, 1fr)",
    gap: "16px",
    alignItems: "start",
  },
  card: { padding: "12px 16px" },
  toggles: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  small: { color: tokens.colorNeutralForeground3 },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
});

type By = "area" | "indicator" | "type" | "province";
const EXPORT_VIEW: Record<By, string> = {
  area: "areas",
  indicator: "indicators",
  type: "types",
  province: "provinces",
};

function countCells(p: SummaryPart, t: Messages, className: string) {
  return (
    <>
      <td className={className}>{t.digits(p.assessed)}</td>
      <td className={className}>{t.digits(p.counts.pass)}</td>
      <td className={className}>{t.digits(p.counts.below)}</td>
      <td className={className}>{t.digits(p.counts["not-done"])}</td>
      <td className={className}>{t.digits(p.counts["no-service"])}</td>
      <td className={className}>{t.percent(p.passRate)}</td>
    </>
  );
}

/** The national office's view: completeness per province (table and chart) and pass rates, with drill-down. */
export default function NationalView({ api, roundId }: { api: Api; roundId: string }) {
  const styles = useStyles();
  const tables = useTableStyles();
  const { t, language } = useI18n();
  const provinceName = (p: { provinceTh: string; provinceEn?: string }) =>
    language === "en" && p.provinceEn ? p.provinceEn : p.provinceTh;
  const [by, setBy] = useState<By>("area");
  const completeness = useLoad(`completeness:${roundId}`, () =>
    api.get<CompletenessResponse>(paths.completeness(roundId)),
  );
  const results = useLoad(`results:${roundId}`, () => api.get<ResultsResponse>(paths.results(roundId)));
  // The round's definition (tens of KB) only names the indicators in the by-indicator table: it is
  // read once the first screen is drawn, not with it.
  const drawn = completeness.data !== undefined && results.data !== undefined;
  const definition = useLoad(`round:${roundId}`, () => api.get<RoundDefinition>(paths.round(roundId)), drawn);
  const compiled = useMemo(
    () => (definition.data ? compileRound(definition.data.round) : undefined),
    [definition.data],
  );

  const provinces = completeness.data?.provinces;
  const sorted = useMemo(
    () =>
      [...(provinces ?? [])]
        .map((p) => ({ ...p, share: p.registered === 0 ? 0 : (p.submitted + p.returned) / p.registered }))
        .sort((a, b) => a.share - b.share || a.provinceCode.localeCompare(b.provinceCode)),
    [provinces],
  );

  const error = completeness.error ?? results.error ?? definition.error;
  if (error) return <Notice error={error} onRetry={() => window.location.reload()} />;
  if (!completeness.data || !results.data) return <p>{t.loading}</p>;
  const totals = completeness.data.totals;
  const share = (n: number, d: number) => (d === 0 ? null : n / d);

  const rows: Array<{ key: string; first: React.ReactNode; second?: React.ReactNode; part: SummaryPart }> =
    by === "area"
      ? results.data.byArea.map((a) => ({ key: a.areaId, first: a.title, part: a }))
      : by === "type"
        ? results.data.byType.map((ty) => ({ key: ty.type, first: t.typeName(ty.type), part: ty }))
        : by === "province"
          ? results.data.byProvince.map((p) => ({
              key: p.provinceCode,
              first: (
                <a
                  className={tables.link}
                  href={placeHref(`/province/${p.provinceCode}`, { round: roundId })}
                >
                  {provinceName(p)}
                </a>
              ),
              part: p,
            }))
          : results.data.byIndicator.map((i) => {
              // Until the definition is in, a row shows its indicator's id.
              const ind = compiled?.byId.get(i.id);
              return {
                key: i.id,
                first: ind ? `${ind.def.no}. ${indicatorText(ind.def, undefined)}` : i.id,
                second: ind?.area.title,
                part: i,
              };
            });

  return (
    <>
      <Title2 as="h1" block>
        {t.nationalTitle}
      </Title2>
      <section className={styles.section} aria-labelledby="completeness-title">
        <Title3 as="h2" block id="completeness-title">
          {t.completenessTitle}
        </Title3>
        <Text as="p" block data-totals>
          {t.totals}: {t.colSubmitted} {t.thousands(totals.submitted)} · {t.colReturned}{" "}
          {t.thousands(totals.returned)} · {t.colNotStarted} {t.thousands(totals.notStarted)} /{" "}
          {t.thousands(totals.registered)} ({t.colSubmittedPct}{" "}
          {t.percent(share(totals.submitted + totals.returned, totals.registered))})
        </Text>
        <Text as="p" block size={200}>
          {t.drillHint}
        </Text>
        <ExportButtons
          api={api}
          csv={`/rounds/${roundId}/export.csv?view=completeness`}
          xlsx={`/rounds/${roundId}/export.xlsx?view=national`}
        />
        <div className={styles.grid}>
          <table className={tables.table} aria-labelledby="completeness-title">
            <thead>
              <tr>
                <th scope="col">{t.colProvince}</th>
                <th scope="col" className={tables.num}>
                  {t.colRegistered}
                </th>
                <th scope="col" className={tables.num}>
                  {t.colSubmitted}
                </th>
                <th scope="col" className={tables.num}>
                  {t.colReturned}
                </th>
                <th scope="col" className={tables.num}>
                  {t.colNotStarted}
                </th>
                <th scope="col" className={tables.num}>
                  {t.colSubmittedPct}
                </th>
              </tr>
            </thead>
            <tbody>
              {completeness.data.provinces.map((p) => (
                <tr key={p.provinceCode} data-province={p.provinceCode}>
                  <td>
                    <a
                      className={tables.link}
                      href={placeHref(`/province/${p.provinceCode}`, { round: roundId })}
                    >
                      {provinceName(p)}
                    </a>
                  </td>
                  <td className={tables.num}>{t.digits(p.registered)}</td>
                  <td className={tables.num}>{t.digits(p.submitted)}</td>
                  <td className={tables.num}>{t.digits(p.returned)}</td>
                  <td className={tables.num}>{t.digits(p.notStarted)}</td>
                  <td className={tables.num}>{t.percent(share(p.submitted + p.returned, p.registered))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Card className={styles.card}>
            <Text weight="semibold">{t.completenessChart}</Text>
            <Text size={200} className={styles.small}>
              {t.chartNote}
            </Text>
            <BarChart
              label={t.completenessChart}
              labelWidth={110}
              bars={sorted.map((p) => ({
                key: p.provinceCode,
                label: provinceName(p),
                value: p.share,
                text: t.percent(p.share),
              }))}
            />
          </Card>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="passrate-title">
        <Title3 as="h2" block id="passrate-title">
          {t.passRateTitle}
        </Title3>
        <Text as="p" block>
          {t.passRate} {t.percent(results.data.overall.passRate)} · {t.resultsOf(results.data.laos)}
        </Text>
        <div className={styles.toggles} role="group" aria-label={t.by}>
          {(
            [
              ["area", t.byArea],
              ["indicator", t.byIndicator],
              ["type", t.byType],
              ["province", t.byProvince],
            ] as const
          ).map(([key, text]) => (
            <ToggleButton key={key} checked={by === key} onClick={() => setBy(key)} size="small">
              {text}
            </ToggleButton>
          ))}
        </div>
        <ExportButtons
          api={api}
          csv={`/rounds/${roundId}/export.csv?view=${EXPORT_VIEW[by]}`}
          xlsx={`/rounds/${roundId}/export.xlsx?view=national`}
        />
        {(by === "area" || by === "type") && (
          <BarChart
            label={`${t.passRateTitle} ${t.by} ${by === "area" ? t.byArea : t.byType}`}
            labelWidth={260}
            bars={rows.map((r) => ({
              key: r.key,
              label: typeof r.first === "string" ? r.first : r.key,
              value: r.part.passRate,
              text: t.percent(r.part.passRate),
            }))}
          />
        )}
        <table className={tables.table} aria-labelledby="passrate-title">
          <thead>
            <tr>
              <th scope="col">
                {by === "area"
                  ? t.colArea
                  : by === "type"
                    ? t.colType
                    : by === "province"
                      ? t.colProvince
                      : t.colIndicator}
              </th>
              {by === "indicator" && <th scope="col">{t.colArea}</th>}
              {[t.colAssessed, t.colPass, t.colBelow, t.colNotDone, t.colNoService, t.passRate].map((h) => (
                <th key={h} scope="col" className={tables.num}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-row={r.key}>
                <td>{r.first}</td>
                {by === "indicator" && <td>{r.second}</td>}
                {countCells(r.part, t, tables.num)}
              </tr>
            ))}
          </tbody>
        </table>
        <Text as="p" block size={200} className={styles.small}>
          {t.passRateNote}
        </Text>
      </section>
    </>
  );
}
