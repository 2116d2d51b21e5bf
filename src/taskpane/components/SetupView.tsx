import { Button, makeStyles, Spinner, Text, Title3, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Lao, LaoRegister, Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { useLaoRegister } from "../hooks/useLaoRegister";
import { errorText } from "../view/errorText";
import { defaultRound, roundsForType } from "../view/roundChoice";
import type { WorkbookPort } from "../workbookPort";
import ErrorNotice from "./ErrorNotice";
import LaoCard from "./LaoCard";
import LaoPicker from "./LaoPicker";
import RoundPicker from "./RoundPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  title: { margin: 0 },
});

/** First run in an empty workbook: choose the LAO and the round, then build the collection workbook. */
export default function SetupView({
  port,
  loadRegister,
  rounds,
  now,
  onCreated,
}: {
  port: WorkbookPort;
  loadRegister: () => Promise<LaoRegister>;
  rounds: readonly Round[];
  now: Date;
  onCreated: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const register = useLaoRegister(loadRegister);
  const [lao, setLao] = useState<Lao>();
  const choices = useMemo(() => (lao ? roundsForType(rounds, lao.type) : []), [rounds, lao]);
  const [picked, setPicked] = useState<Round>();
  // A new LAO may change which rounds apply: then the open (or newest) one of its rounds is selected.
  const round = picked && choices.includes(picked) ? picked : defaultRound(choices, now);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>();

  const create = async (): Promise<void> => {
    if (!lao || !round) return;
    setCreating(true);
    setError(undefined);
    try {
      await port.createWorkbook(round, lao);
      onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className={styles.root}>
      <Title3 as="h2" className={styles.title}>
        {t.setupTitle}
      </Title3>
      <Text>{t.setupIntro}</Text>
      {register.phase === "error" ? (
        <ErrorNotice title={errorText(register.error, t.pick)} onRetry={register.retry} />
      ) : (
        <LaoPicker
          register={register.phase === "ready" ? register.register : undefined}
          selected={lao}
          onSelect={setLao}
        />
      )}
      {lao && <LaoCard lao={lao} />}
      <RoundPicker lao={lao} choices={choices} selected={round} onSelect={setPicked} />
      <Button
        appearance="primary"
        size="large"
        disabled={!lao || !round || creating}
        icon={creating ? <Spinner size="tiny" /> : undefined}
        onClick={() => void create()}
      >
        {creating ? t.creating : t.createButton}
      </Button>
      {error !== undefined && <ErrorNotice title={t.createFailed} error={error} />}
    </div>
  );
}
