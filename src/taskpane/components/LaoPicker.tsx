import { Caption1, Combobox, Field, makeStyles, Option, Spinner, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LAO_TYPE_INFO, laoDisplayName, type Lao, type LaoRegister } from "../../core";
import { useI18n } from "../hooks/useI18n";

export const LAO_RESULT_LIMIT = 20;

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column" },
  where: { color: tokens.colorNeutralForeground3 },
});

/** Finds the LAO in the register by name, code, district or province (core LaoRegister.search). */
export default function LaoPicker({
  register,
  selected,
  onSelect,
}: {
  register: LaoRegister | undefined;
  selected: Lao | undefined;
  onSelect: (lao: Lao | undefined) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  // Controlled, so that typing opens the list (Fluent opens a freeform combobox only on click or arrow keys).
  const [open, setOpen] = useState(false);
  const matches = useMemo(
    () => (register && query.trim() ? register.search(query, LAO_RESULT_LIMIT) : []),
    [register, query],
  );
  const status = !register
    ? undefined
    : query.trim() === "" || (selected && query === laoDisplayName(selected.type, selected.name))
      ? t.laoHint
      : matches.length === 0
        ? t.noLaoMatch(query.trim())
        : t.laoMatchCount(matches.length, LAO_RESULT_LIMIT);

  return (
    <Field label={t.laoLabel} hint={register ? <span aria-live="polite">{status}</span> : undefined} required>
      {register ? (
        <Combobox
          freeform
          // Inside the field (not a portal at the end of <body>): the list stays within the page's
          // landmarks for screen readers, and in the pane's own scrolling.
          inlinePopup
          value={query}
          placeholder={t.laoPlaceholder}
          selectedOptions={selected ? [selected.code] : []}
          open={open && matches.length > 0}
          onOpenChange={(_, data) => setOpen(data.open)}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            if (selected) onSelect(undefined);
          }}
          onOptionSelect={(_, data) => {
            const lao = data.optionValue ? register.get(data.optionValue) : undefined;
            onSelect(lao);
            setOpen(false);
            if (lao) setQuery(laoDisplayName(lao.type, lao.name));
          }}
        >
          {matches.map(({ lao }) => (
            <Option key={lao.code} value={lao.code} text={laoDisplayName(lao.type, lao.name)}>
              <span className={styles.option}>
                <span>{laoDisplayName(lao.type, lao.name)}</span>
                <Caption1 className={styles.where}>
                  {LAO_TYPE_INFO[lao.type].th} · {lao.code} · อ.{lao.districtTh} จ.{lao.provinceTh}
                </Caption1>
              </span>
            </Option>
          ))}
        </Combobox>
      ) : (
        <Spinner size="tiny" label={t.loadingRegister} labelPosition="after" />
      )}
    </Field>
  );
}
