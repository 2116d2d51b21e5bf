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
import { TABLE as tables } from "./tableStyles";
import { Notice } from "./Notice";

const SECTION = { margin: "16px 0 24px" };
const GRID = {
  display: "grid",
  gridTemplateColumns: "minmax(320px, 1fr) minmax(320px, 1fr)",
  gap: "16px",
  alignItems: "start",
};
const TOGGLES = { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" } as const;

type By = "area" | "indicator" | "type" | "province";
const EXPORT_VIEW: Record<By, string> = {
  area: "areas",
  indicator: "indicators",
  type: "types",
  province: "provinces",
};

const share = (n: number, d: number) => (d === 0 ? null : n / d);

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
  const { t, language } = useI18n();
  const provinceName = (p: { provinceTh: string; provinceEn?: string }) =>
    language === "en" && p.provinceEn ? p.provinceEn : p.provinceTh;
  const completeness = useLoad(
    `completeness:${roundId}`,
    () => api.get<CompletenessResponse>(paths.completeness(roundId)),
    true,
    () => api.take<CompletenessResponse>(paths.completeness(roundId)),
  );
  const results = useLoad(
    `results:${roundId}`,
    () => api.get<ResultsResponse>(paths.results(roundId)),
    true,
    () => api.take<ResultsResponse>(paths.results(roundId)),
  );

  const provinces = completeness.data?.provinces;
  const sorted = useMemo(
    () =>
      [...(provinces ?? [])]
        .map((p) => ({ ...p, share: p.registered === 0 ? 0 : (p.submitted + p.returned) / p.registered }))
        .sort((a, b) => a.share - b.share || (a.provinceCode < b.provinceCode ? -1 : 1)),
    [provinces],
  );

  const error = completeness.error ?? results.error;
  if (error) return <Notice error={error} onRetry={() => window.location.reload()} />;
  if (!completeness.data || !results.data) return <p>{t.loading}</p>;
  const totals = completeness.data.totals;

  return (
    <>
      <h1 className="title2">{t.nationalTitle}</h1>
      <section style={SECTION} aria-labelledby="completeness-title">
        <h2 className="title3" id="completeness-title">
          {t.completenessTitle}
        </h2>
        <p className="text" data-totals>
          {t.totals}: {t.colSubmitted} {t.thousands(totals.submitted)} · {t.colReturned}{" "}
          {t.thousands(totals.returned)} · {t.colNotStarted} {t.thousands(totals.notStarted)} /{" "}
          {t.thousands(totals.registered)} ({t.colSubmittedPct}{" "}
          {t.percent(share(totals.submitted + totals.returned, totals.registered))})
        </p>
        <p className="text small">{t.drillHint}</p>
        <ExportButtons
          api={api}
          csv={`/rounds/${roundId}/export.csv?view=completeness`}
          xlsx={`/rounds/${roundId}/export.xlsx?view=national`}
        />
        <div style={GRID}>
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
          <div className="card">
            <span className="strong">{t.completenessChart}</span>
            <span className="small muted">{t.chartNote}</span>
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
          </div>
        </div>
      </section>

      <PassRates api={api} roundId={roundId} results={results.data} provinceName={provinceName} />
    </>
  );
}

/**
 * The pass rates by area, indicator, LAO type or province. Its own component, so switching the
 * table or the round's definition arriving redraws this section only, not the provinces above. The
 * definition (tens of KB) only names the indicators in the by-indicator table: it is read once the
 * first screen is drawn (this section is), not with it.
 */
function PassRates({
  api,
  roundId,
  results,
  provinceName,
}: {
  api: Api;
  roundId: string;
  results: ResultsResponse;
  provinceName: (p: { provinceTh: string; provinceEn?: string }) => string;
}) {
  const { t } = useI18n();
  const [by, setBy] = useState<By>("area");
  const definition = useLoad(`round:${roundId}`, () => api.get<RoundDefinition>(paths.round(roundId)));
  const compiled = useMemo(
    () => (definition.data ? compileRound(definition.data.round) : undefined),
    [definition.data],
  );

  const rows: Array<{ key: string; first: React.ReactNode; second?: React.ReactNode; part: SummaryPart }> =
    by === "area"
      ? results.byArea.map((a) => ({ key: a.areaId, first: a.title, part: a }))
      : by === "type"
        ? results.byType.map((ty) => ({ key: ty.type, first: t.typeName(ty.type), part: ty }))
        : by === "province"
          ? results.byProvince.map((p) => ({
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
          : results.byIndicator.map((i) => {
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
    <section style={SECTION} aria-labelledby="passrate-title">
      <h2 className="title3" id="passrate-title">
        {t.passRateTitle}
      </h2>
      <p className="text">
        {t.passRate} {t.percent(results.overall.passRate)} · {t.resultsOf(results.laos)}
      </p>
      <div style={TOGGLES} role="group" aria-label={t.by}>
        {(
          [
            ["area", t.byArea],
            ["indicator", t.byIndicator],
            ["type", t.byType],
            ["province", t.byProvince],
          ] as const
        ).map(([key, text]) => (
          <button
            key={key}
            type="button"
            className="button small"
            aria-pressed={by === key}
            onClick={() => setBy(key)}
          >
            {text}
          </button>
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
      <p className="text small muted">{t.passRateNote}</p>
      {definition.error !== undefined && <Notice error={definition.error} onRetry={definition.reload} />}
    </section>
  );
}
