import { Caption1, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, DismissCircleFilled } from "@fluentui/react-icons";
import { useI18n } from "../../hooks/useI18n";
import type { Checklist } from "../../view/submitChecklist";
import type { CellRef } from "../../workbookPort";
import SectionHeading from "../SectionHeading";

const SHOWN = 8;

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: "2px" },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  body: { display: "flex", flexDirection: "column", minWidth: 0 },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The checks before sending; every problem links to its cell. */
export default function SubmitChecklist({
  checklist,
  onSelectCell,
}: {
  checklist: Checklist;
  onSelectCell: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section aria-labelledby="checklist-title">
      <SectionHeading id="checklist-title">{t.checklistTitle}</SectionHeading>
      <ul className={styles.list}>
        {checklist.items.map((item) => (
          <li key={item.id} className={styles.item} data-check={item.id} data-ok={item.ok}>
            {item.ok ? (
              <CheckmarkCircleFilled className={styles.ok} aria-hidden />
            ) : (
              <DismissCircleFilled className={styles.bad} aria-hidden />
            )}
            <div className={styles.body}>
              <Text weight={item.ok ? "regular" : "semibold"}>
                {t.checklistItem(item.id)}
                {!item.ok && ` — ${t.checklistCount(item.problems.length)}`}
              </Text>
              {!item.ok && (
                <ul className={styles.problems}>
                  {item.problems.slice(0, SHOWN).map((p) => (
                    <li key={p.key}>
                      {p.cell ? (
                        <Link
                          as="button"
                          onClick={() => onSelectCell(p.cell!)}
                          title={t.goToCell(p.cell.sheet, p.cell.cell)}
                        >
                          {p.label}
                        </Link>
                      ) : (
                        <Text>{p.label}</Text>
                      )}
                      {p.message !== p.label && (
                        <Caption1 className={styles.muted}> — {t.pick(p.message, p.messageEn)}</Caption1>
                      )}
                    </li>
                  ))}
                  {item.problems.length > SHOWN && (
                    <li>
                      <Caption1 className={styles.muted}>
                        {t.checklistMore(item.problems.length - SHOWN)}
                      </Caption1>
                    </li>
                  )}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
