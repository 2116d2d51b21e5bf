import { makeStyles, SearchBox, Field, ToggleButton, tokens } from "@fluentui/react-components";
import { useI18n } from "../hooks/useI18n";
import { INDICATOR_FILTERS, type IndicatorFilter } from "../view/indicatorFilter";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

/** The result filters, each with how many indicators it shows, and the search box. */
export default function IndicatorFilters({
  filter,
  counts,
  query,
  onFilter,
  onQuery,
}: {
  filter: IndicatorFilter;
  counts: Record<IndicatorFilter, number>;
  query: string;
  onFilter: (filter: IndicatorFilter) => void;
  onQuery: (query: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <div role="group" aria-label={t.filterGroupLabel} className={styles.group}>
        {INDICATOR_FILTERS.filter((f) => f !== "reported" || counts[f] > 0 || filter === f).map((f) => (
          <ToggleButton
            key={f}
            size="small"
            shape="circular"
            checked={filter === f}
            appearance={filter === f ? "primary" : "secondary"}
            onClick={() => onFilter(f)}
          >
            {t.filterLabels[f]} ({counts[f]})
          </ToggleButton>
        ))}
      </div>
      <Field label={t.searchLabel}>
        <SearchBox
          value={query}
          placeholder={t.searchPlaceholder}
          onChange={(_, data) => onQuery(data.value)}
        />
      </Field>
    </div>
  );
}
