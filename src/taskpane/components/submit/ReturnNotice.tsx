import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import type { ReturnComments } from "../../../client";
import { useI18n } from "../../hooks/useI18n";
import type { CellRef } from "../../workbookPort";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  note: { margin: `${tokens.spacingVerticalXS} 0` },
});

/** The province's return: its note and a comment per indicator, each linking to the indicator's cell. */
export default function ReturnNotice({
  returned,
  cellOf,
  onSelectCell,
}: {
  returned: ReturnComments;
  cellOf: (indicatorId: string) => CellRef | undefined;
  onSelectCell: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="returned">
      <MessageBarBody>
        <MessageBarTitle>{t.returnedTitle(returned.version)}</MessageBarTitle>
        <div>{t.returnedBy(returned.returnedBy, returned.returnedAtTh)}</div>
        {returned.note && <p className={styles.note}>{returned.note}</p>}
        <ul className={styles.list}>
          {Object.entries(returned.comments).map(([id, comment]) => {
            const cell = cellOf(id);
            return (
              <li key={id} data-comment={id}>
                {cell ? (
                  <Link
                    as="button"
                    onClick={() => onSelectCell(cell)}
                    title={t.goToCell(cell.sheet, cell.cell)}
                  >
                    {id}
                  </Link>
                ) : (
                  id
                )}
                : {comment}
              </li>
            );
          })}
        </ul>
        <div>{t.returnedHint}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
