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
});

/** What the workbook reader could not take in, each with a link to its cell. */
export default function WorkbookProblems({
  problems,
  onSelect,
}: {
  problems: readonly WorkbookProblem[];
  onSelect: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.workbookProblemsTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={`${p.sheet}!${p.cell}#${i}`}>
              <Link as="button" onClick={() => onSelect({ sheet: p.sheet, cell: p.cell })}>
                {p.sheet}!{p.cell}
              </Link>{" "}
              {t.pick(p.message, p.messageEn)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
