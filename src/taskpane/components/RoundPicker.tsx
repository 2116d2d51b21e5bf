import { Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { bangkokStartOfDay, type Lao, type Round } from "../../core";
import { useI18n } from "../hooks/useI18n";

/** The rounds that assess the chosen LAO's type; nothing to choose before an LAO is chosen. */
export default function RoundPicker({
  lao,
  choices,
  selected,
  onSelect,
}: {
  lao: Lao | undefined;
  choices: readonly Round[];
  selected: Round | undefined;
  onSelect: (round: Round) => void;
}) {
  const { t } = useI18n();
  if (!lao) return <Text>{t.chooseLaoFirst}</Text>;
  if (choices.length === 0) return <Text role="alert">{t.noRoundForType(lao.type)}</Text>;
  return (
    <Field label={t.roundLabel} required>
      <RadioGroup
        value={selected?.id ?? ""}
        onChange={(_, data) => {
          const round = choices.find((r) => r.id === data.value);
          if (round) onSelect(round);
        }}
      >
        {choices.map((r) => (
          <Radio
            key={r.id}
            value={r.id}
            label={{
              children: (
                <>
                  {r.title}
                  <br />
                  <Text size={200}>
                    {t.roundWindow(
                      bangkokStartOfDay(r.window.opens),
                      bangkokStartOfDay(r.window.closes),
                      r.window.provisional === true,
                    )}
                  </Text>
                </>
              ),
            }}
          />
        ))}
      </RadioGroup>
    </Field>
  );
}
