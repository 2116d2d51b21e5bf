import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowDownRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { memoDefaults } from "../../core/reports/memoDefaults";
import { useI18n } from "../hooks/useI18n";
import { buildMemoFile, type MemoFields, type MemoSource } from "../view/memoFile";
import { downloadsBlocked, saveFile } from "../view/saveFile";
import ErrorNotice from "./ErrorNotice";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
});

type MemoState =
  | { readonly phase: "idle" }
  | { readonly phase: "building" }
  | { readonly phase: "done"; readonly file: string }
  | { readonly phase: "error"; readonly error: unknown };

const FIELDS = [
  ["department", "memoDepartment", undefined],
  ["reference", "memoReference", "memoReferenceHint"],
  ["to", "memoTo", undefined],
  ["signerName", "memoSignerName", "memoSignerNameHint"],
  ["signerPosition", "memoSignerPosition", undefined],
] as const;

/**
 * The draft memo (บันทึกข้อความ) of the workbook's results as a Word file: the memo's fields,
 * prefilled with what the memo says by default, and a button that makes the file in the pane and
 * offers it for download. Needs no server: the memo is of the workbook as it is now.
 */
export default function MemoSection({ source, now }: { source: MemoSource; now: Date }) {
  const styles = useStyles();
  const { t } = useI18n();
  const defaults = useMemo(() => memoDefaults(source.lao), [source.lao]);
  const [fields, setFields] = useState<MemoFields>(() => ({
    department: defaults.department,
    reference: "",
    to: defaults.to,
    signerName: "",
    signerPosition: defaults.signerPosition,
  }));
  const [state, setState] = useState<MemoState>({ phase: "idle" });
  const blocked = downloadsBlocked();
  const building = state.phase === "building";

  const run = async (): Promise<void> => {
    setState({ phase: "building" });
    try {
      const file = await buildMemoFile(source, fields, new Date(now.getTime()));
      saveFile(file.bytes, file.name, file.type);
      setState({ phase: "done", file: file.name });
    } catch (error) {
      setState({ phase: "error", error });
    }
  };

  return (
    <section className={styles.card} aria-labelledby="memo-title" data-memo>
      <Subtitle2 as="h3" id="memo-title" className={styles.heading}>
        {t.memoTitle}
      </Subtitle2>
      <Caption1>{t.memoIntro}</Caption1>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (!building) void run();
        }}
      >
        {FIELDS.map(([key, label, hint]) => (
          <Field key={key} label={t[label]} {...(hint && { hint: t[hint] })}>
            <Input
              value={fields[key]}
              onChange={(_, data) => setFields((f) => ({ ...f, [key]: data.value }))}
            />
          </Field>
        ))}
        <Caption1 className={styles.note}>{t.memoDefaultNote}</Caption1>
        <Caption1>{t.memoDate(now)}</Caption1>
        {blocked ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.memoBlockedTitle}</MessageBarTitle>
              {t.memoBlockedBody}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Caption1 className={styles.note}>{t.memoHostHint}</Caption1>
        )}
        <Button
          type="submit"
          appearance="primary"
          icon={building ? <Spinner size="tiny" /> : <DocumentArrowDownRegular />}
          disabled={building}
        >
          {building ? t.memoDownloading : t.memoDownload}
        </Button>
      </form>
      {state.phase === "done" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t.memoDownloaded(state.file)}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "error" && (
        <ErrorNotice title={t.memoFailed} error={state.error} onRetry={() => void run()} />
      )}
    </section>
  );
}
