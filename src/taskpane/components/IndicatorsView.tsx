import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { countByFilter, filterGroups, type IndicatorFilter } from "../view/indicatorFilter";
import type { AreaGroup } from "../view/indicatorRows";
import { cellForIndicator } from "../view/workbookReport";
import type { CellRef, IndicatorCells, WorkbookProblem } from "../workbookPort";
import IndicatorFilters from "./IndicatorFilters";
import IndicatorItem, { useIndicatorItemClasses } from "./IndicatorItem";
import WorkbookProblems from "./WorkbookProblems";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  area: { display: "flex", flexDirection: "column" },
  areaHeading: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  heading: { margin: 0 },
  list: { listStyle: "none", margin: 0, padding: 0 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The indicators grouped by area, with result filters and search; pressing one selects its cell in Excel. */
export default function IndicatorsView({
  round,
  groups,
  cells,
  problems,
  onSelectCell,
}: {
  round: Round;
  groups: readonly AreaGroup[];
  cells: Readonly<Record<string, IndicatorCells>>;
  problems: readonly WorkbookProblem[];
  onSelectCell: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const itemClasses = useIndicatorItemClasses();
  const [filter, setFilter] = useState<IndicatorFilter>("all");
  const [query, setQuery] = useState("");
  const counts = useMemo(() => countByFilter(groups), [groups]);
  const shown = useMemo(() => filterGroups(groups, filter, query), [groups, filter, query]);
  const shownCount = shown.reduce((n, g) => n + g.rows.length, 0);
  const anyProvisional = groups.some((g) => g.rows.some((r) => r.provisional));

  return (
    <div className={styles.root}>
      <WorkbookProblems problems={problems} onSelect={onSelectCell} />
      <IndicatorFilters
        filter={filter}
        counts={counts}
        query={query}
        onFilter={setFilter}
        onQuery={setQuery}
      />
      <Caption1 className={styles.note} aria-live="polite">
        {t.shownCount(shownCount, counts.all)}
      </Caption1>
      {shown.length === 0 && <Text>{t.noIndicatorsMatch}</Text>}
      {shown.map((group) => (
        <section
          key={group.area.id}
          className={styles.area}
          aria-labelledby={`area-${group.area.id}`}
          data-area={group.area.id}
        >
          <div className={styles.areaHeading}>
            <Subtitle2 as="h3" id={`area-${group.area.id}`} className={styles.heading}>
              {t.areaHeading(group.area.form, group.area.title)}
            </Subtitle2>
            <Caption1>
              {t.areaCounts(group.summary.counts.pass, group.summary.assessed, group.summary.total)}
            </Caption1>
          </div>
          <ul className={styles.list}>
            {group.rows.map((row) => (
              <li key={row.id}>
                <IndicatorItem
                  row={row}
                  statusLabel={t.statusLabel(row.status, round)}
                  cell={cellForIndicator(row, cells[row.id])}
                  onSelect={onSelectCell}
                  t={t}
                  classes={itemClasses}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {anyProvisional && <Caption1 className={styles.note}>{t.provisionalNote}</Caption1>}
    </div>
  );
}
