import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "../hooks/useI18n";
import type { CellRef, WorkbookProblem } from "../workbookPort";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  fill: { margin: 0 },
});

/**
 * What the workbook reader could not take in, each with a link to its cell; cells that are only
 * empty yet (แบบ 1's basic data) are one line with a link to the first, not a list of faults.
 */
export default function WorkbookProblems({
  problems,
  onSelect,
}: {
  problems: readonly WorkbookProblem[];
  onSelect: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const toFix = problems.filter((p) => !p.notFilled);
  const toFill = problems.filter((p) => p.notFilled);
  if (problems.length === 0) return null;
  const first = toFill[0];
  return (
    <MessageBar intent={toFix.length > 0 ? "warning" : "info"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{toFix.length > 0 ? t.workbookProblemsTitle : t.toFillTitle}</MessageBarTitle>
        {toFix.length > 0 && (
          <ul className={styles.list}>
            {toFix.map((p, i) => (
              <li key={`${p.sheet}!${p.cell}#${i}`}>
                <Link as="button" onClick={() => onSelect({ sheet: p.sheet, cell: p.cell })}>
                  {p.sheet}!{p.cell}
                </Link>{" "}
                {t.pick(p.message, p.messageEn)}
              </li>
            ))}
          </ul>
        )}
        {first && (
          <p className={styles.fill}>
            {t.toFill(toFill.length, first.sheet)}{" "}
            <Link as="button" onClick={() => onSelect({ sheet: first.sheet, cell: first.cell })}>
              {t.goToFirstToFill}
            </Link>
          </p>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
