import { useId, useMemo } from "react";
import { type LaoType } from "../../core/rules/laoTypes";
import { laoListMatcher, PROGRESS, type Progress } from "../../core/reports/progress";
import { queryString, type Api } from "../api";
import { paths } from "../paths";
import { useI18n } from "../i18n";
import { go, placeHref } from "../route";
import type { Me, ProgressResponse, ResultsResponse } from "../types";
import { useLoad } from "../useLoad";
import BarChart from "./BarChart";
import Countdown from "./Countdown";
import ExportButtons from "./ExportButtons";
import LaoProgressTable from "./LaoProgressTable";
import { Notice } from "./Notice";
import ProgressBadge from "./ProgressBadge";

const CARDS = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))",
  gap: "12px",
  margin: "12px 0",
};
const COUNTS = { display: "grid", gridTemplateColumns: "1fr", gap: "2px" };
const COUNT_BUTTON = { justifyContent: "space-between", minWidth: 0, fontWeight: "normal" };
const FILTERS = {
  display: "flex",
  flexWrap: "wrap",
  gap: "12px",
  alignItems: "flex-end",
  margin: "12px 0",
} as const;

/** A labelled control of the filters, in the layout of Fluent's Field (label above). */
function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

const FILTER_KEYS = ["status", "type", "district", "q"] as const;

/** A province's LAOs: deadline, where each stands, results so far, filters and exports. */
export default function ProvinceView({
  api,
  province,
  roundId,
  params,
}: {
  api: Api;
  me: Me;
  province: string;
  roundId: string;
  params: URLSearchParams;
}) {
  const { t } = useI18n();
  const progress = useLoad(
    `progress:${roundId}:${province}`,
    () => api.get<ProgressResponse>(paths.progress(roundId, province)),
    true,
    () => api.take<ProgressResponse>(paths.progress(roundId, province)),
  );
  const results = useLoad(
    `results:${roundId}:${province}`,
    () => api.get<ResultsResponse>(paths.results(roundId, province)),
    true,
    () => api.take<ResultsResponse>(paths.results(roundId, province)),
  );

  const filter = useMemo(
    () =>
      Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as Record<
        (typeof FILTER_KEYS)[number],
        string
      >,
    [params],
  );
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string) =>
    go(placeHref(`/province/${province}`, { ...filter, [key]: value, round: roundId }), true);

  const data = progress.data;
  const shown = useMemo(() => {
    if (!data) return [];
    const match = laoListMatcher({
      ...(filter.status && { progress: [filter.status as Progress] }),
      ...(filter.type && { type: filter.type as LaoType }),
      ...(filter.district && { district: filter.district }),
      ...(filter.q && { search: filter.q }),
    });
    return data.laos.filter(match);
  }, [data, filter]);
  const linkParams = useMemo(() => ({ ...filter, round: roundId }), [filter, roundId]);
  const districts = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of data?.laos ?? []) seen.set(l.districtCode, l.districtTh);
    return [...seen.entries()];
  }, [data]);
  const types = useMemo(() => [...new Set((data?.laos ?? []).map((l) => l.type))], [data]);

  if (progress.error) return <Notice error={progress.error} onRetry={progress.reload} />;
  if (!data) return <p>{t.loading}</p>;
  const name = data.province?.th ?? province;
  const exportQuery = queryString({ province, ...filter, status: filter.status });

  return (
    <section aria-labelledby="province-title">
      <h1 className="title2" id="province-title">
        {t.provinceTitle(name)}
      </h1>
      <p className="text muted">{t.asOf(t.dateTime(new Date(data.asOf)))}</p>
      <div style={CARDS}>
        <Countdown window={data.window} asOf={data.asOf} />
        <div className="card">
          <h2 className="title3">{t.progressTitle}</h2>
          <div style={COUNTS}>
            {PROGRESS.map((p) => (
              <button
                key={p}
                type="button"
                className={filter.status === p ? "button primary" : "button subtle"}
                style={COUNT_BUTTON}
                aria-pressed={filter.status === p}
                onClick={() => setFilter("status", filter.status === p ? "" : p)}
              >
                <ProgressBadge progress={p} />
                <span>{t.progressCount(data.counts[p], data.total)}</span>
              </button>
            ))}
          </div>
        </div>
        <div className="card">
          <h2 className="title3">{t.resultsTitle}</h2>
          {results.data && (
            <>
              <span>
                {t.passRate} {t.percent(results.data.overall.passRate)} · {t.resultsOf(results.data.laos)}
              </span>
              <BarChart
                label={t.resultsTitle}
                bars={results.data.byArea
                  .filter((a) => a.total > 0)
                  .map((a) => ({
                    key: a.areaId,
                    label: a.title,
                    value: a.passRate,
                    text: t.percent(a.passRate),
                  }))}
                labelWidth={120}
              />
            </>
          )}
          {results.error !== undefined && <Notice error={results.error} />}
        </div>
      </div>

      <div style={FILTERS} role="search" aria-label={t.filtersTitle}>
        <Field label={t.filterStatus}>
          {(id) => (
            <select
              id={id}
              className="select"
              value={filter.status}
              onChange={(e) => setFilter("status", e.target.value)}
            >
              <option value="">{t.filterAll}</option>
              {PROGRESS.map((p) => (
                <option key={p} value={p}>
                  {t.progress(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.filterType}>
          {(id) => (
            <select
              id={id}
              className="select"
              value={filter.type}
              onChange={(e) => setFilter("type", e.target.value)}
            >
              <option value="">{t.filterAll}</option>
              {types.map((ty) => (
                <option key={ty} value={ty}>
                  {t.typeName(ty)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.filterDistrict}>
          {(id) => (
            <select
              id={id}
              className="select"
              value={filter.district}
              onChange={(e) => setFilter("district", e.target.value)}
            >
              <option value="">{t.filterAll}</option>
              {districts.map(([code, th]) => (
                <option key={code} value={code}>
                  {th}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.filterSearch}>
          {(id) => (
            <input
              id={id}
              className="input"
              type="search"
              value={filter.q}
              onChange={(e) => setFilter("q", e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          className="button subtle"
          disabled={FILTER_KEYS.every((k) => !filter[k])}
          onClick={() => go(placeHref(`/province/${province}`, { round: roundId }), true)}
        >
          {t.clearFilters}
        </button>
      </div>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          flexWrap: "wrap",
          gap: 8,
          margin: "8px 0",
        }}
      >
        <span role="status" aria-live="polite">
          {t.shown(shown.length, data.total)}
        </span>
        <ExportButtons
          api={api}
          csv={`/rounds/${roundId}/export.csv${exportQuery}`}
          xlsx={`/rounds/${roundId}/export.xlsx${exportQuery}`}
        />
      </div>
      <LaoProgressTable laos={shown} label={t.provinceTitle(name)} linkParams={linkParams} />
      {shown.length === 0 && <p className="text">{t.noMatch}</p>}
    </section>
  );
}
