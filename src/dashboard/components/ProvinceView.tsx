import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
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

const useStyles = makeStyles({
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))",
    gap: "12px",
    margin: "12px 0",
  },
  card: { padding: "12px 16px" },
  counts: { display: "grid", gridTemplateColumns: "1fr", gap: "2px" },
  countButton: { justifyContent: "space-between", minWidth: 0, fontWeight: tokens.fontWeightRegular },
  filters: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-end", margin: "12px 0" },
  small: { color: tokens.colorNeutralForeground3 },
});

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
  const styles = useStyles();
  const { t } = useI18n();
  const progress = useLoad(`progress:${roundId}:${province}`, () =>
    api.get<ProgressResponse>(paths.progress(roundId, province)),
  );
  const results = useLoad(`results:${roundId}:${province}`, () =>
    api.get<ResultsResponse>(paths.results(roundId, province)),
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
      <Title2 as="h1" block id="province-title">
        {t.provinceTitle(name)}
      </Title2>
      <Text as="p" block className={styles.small}>
        {t.asOf(t.dateTime(new Date(data.asOf)))}
      </Text>
      <div className={styles.cards}>
        <Countdown window={data.window} asOf={data.asOf} />
        <Card className={styles.card}>
          <Title3 as="h2" block>
            {t.progressTitle}
          </Title3>
          <div className={styles.counts}>
            {PROGRESS.map((p) => (
              <Button
                key={p}
                appearance={filter.status === p ? "primary" : "subtle"}
                className={styles.countButton}
                aria-pressed={filter.status === p}
                onClick={() => setFilter("status", filter.status === p ? "" : p)}
              >
                <ProgressBadge progress={p} />
                <span>{t.progressCount(data.counts[p], data.total)}</span>
              </Button>
            ))}
          </div>
        </Card>
        <Card className={styles.card}>
          <Title3 as="h2" block>
            {t.resultsTitle}
          </Title3>
          {results.data && (
            <>
              <Text>
                {t.passRate} {t.percent(results.data.overall.passRate)} · {t.resultsOf(results.data.laos)}
              </Text>
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
        </Card>
      </div>

      <div className={styles.filters} role="search" aria-label={t.filtersTitle}>
        <Field label={t.filterStatus}>
          <Select value={filter.status} onChange={(_, d) => setFilter("status", d.value)}>
            <option value="">{t.filterAll}</option>
            {PROGRESS.map((p) => (
              <option key={p} value={p}>
                {t.progress(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterType}>
          <Select value={filter.type} onChange={(_, d) => setFilter("type", d.value)}>
            <option value="">{t.filterAll}</option>
            {types.map((ty) => (
              <option key={ty} value={ty}>
                {t.typeName(ty)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterDistrict}>
          <Select value={filter.district} onChange={(_, d) => setFilter("district", d.value)}>
            <option value="">{t.filterAll}</option>
            {districts.map(([code, th]) => (
              <option key={code} value={code}>
                {th}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterSearch}>
          <Input value={filter.q} onChange={(_, d) => setFilter("q", d.value)} type="search" />
        </Field>
        <Button
          appearance="subtle"
          disabled={FILTER_KEYS.every((k) => !filter[k])}
          onClick={() => go(placeHref(`/province/${province}`, { round: roundId }), true)}
        >
          {t.clearFilters}
        </Button>
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
        <Text role="status" aria-live="polite">
          {t.shown(shown.length, data.total)}
        </Text>
        <ExportButtons
          api={api}
          csv={`/rounds/${roundId}/export.csv${exportQuery}`}
          xlsx={`/rounds/${roundId}/export.xlsx${exportQuery}`}
        />
      </div>
      <LaoProgressTable laos={shown} label={t.provinceTitle(name)} linkParams={linkParams} />
      {shown.length === 0 && (
        <Text as="p" block>
          {t.noMatch}
        </Text>
      )}
    </section>
  );
}
