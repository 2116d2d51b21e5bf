import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { parseServerUrl } from "../../client/serverUrl";
import { useConnection } from "../hooks/useConnection";
import { useI18n } from "../hooks/useI18n";
import ErrorNotice from "./ErrorNotice";
import SectionHeading from "./SectionHeading";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  who: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "busy" }
  | { readonly kind: "failed"; readonly error: unknown }
  | { readonly kind: "signed-out"; readonly revoked: boolean };

/**
 * The server's address and this device's sign-in: a one-time access code from the province is
 * redeemed for a token kept in the add-in's storage (never in the workbook); sign out revokes it.
 */
export default function SettingsView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { status, signIn, signOut } = useConnection();
  const [server, setServer] = useState<string | undefined>();
  const [code, setCode] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [checked, setChecked] = useState(false);

  if (status.phase === "loading") return <Spinner label={t.loadingConnection} />;
  if (status.phase === "error") return <ErrorNotice title={t.signInFailed} error={status.error} />;

  const address = server ?? status.server;
  const parsed = address.trim() === "" ? undefined : parseServerUrl(address);
  const serverError =
    address.trim() === ""
      ? t.serverMissing
      : parsed && !parsed.ok
        ? t.pick(parsed.message, parsed.messageEn)
        : undefined;
  const codeError = code.trim() === "" ? t.codeMissing : undefined;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setChecked(true);
    if (serverError || codeError) return;
    setPhase({ kind: "busy" });
    try {
      await signIn(address, code);
      setCode("");
      setChecked(false);
      setPhase({ kind: "idle" });
    } catch (error) {
      setPhase({ kind: "failed", error });
    }
  };

  const leave = async (): Promise<void> => {
    setPhase({ kind: "busy" });
    const { revoked } = await signOut().catch(() => ({ revoked: false }));
    setPhase({ kind: "signed-out", revoked });
  };

  const session = status.session;
  return (
    <section className={styles.root} aria-labelledby="settings-title">
      <SectionHeading id="settings-title">{t.settingsTitle}</SectionHeading>
      {session ? (
        <>
          <div className={styles.who} data-testid="signed-in">
            <Body1>{t.signedInAs(session.user.displayName)}</Body1>
            <Caption1 className={styles.muted}>{t.signedInServer(status.server)}</Caption1>
            <Caption1 className={styles.muted}>{t.signedInSince(session.savedAt)}</Caption1>
          </div>
          {session.user.role !== "lao" && (
            <MessageBar intent="warning">
              <MessageBarBody>{t.notLaoUser(session.user.role)}</MessageBarBody>
            </MessageBar>
          )}
          <Button
            onClick={() => void leave()}
            disabled={phase.kind === "busy"}
            icon={phase.kind === "busy" ? <Spinner size="tiny" /> : undefined}
          >
            {phase.kind === "busy" ? t.signingOut : t.signOut}
          </Button>
        </>
      ) : (
        <>
          {phase.kind === "signed-out" && (
            <MessageBar intent={phase.revoked ? "success" : "warning"} layout="multiline">
              <MessageBarBody>{phase.revoked ? t.signedOut : t.signedOutOffline}</MessageBarBody>
            </MessageBar>
          )}
          <Caption1>{t.settingsIntro}</Caption1>
          <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
            <Field
              label={t.serverLabel}
              hint={t.serverHint}
              {...(checked && serverError
                ? { validationMessage: serverError, validationState: "error" as const }
                : parsed?.ok && parsed.insecure
                  ? { validationMessage: t.insecureServer, validationState: "warning" as const }
                  : {})}
            >
              <Input
                type="url"
                value={address}
                onChange={(_, d) => setServer(d.value)}
                autoComplete="url"
                inputMode="url"
              />
            </Field>
            <Field
              label={t.codeLabel}
              hint={t.codeHint}
              {...(checked && codeError
                ? { validationMessage: codeError, validationState: "error" as const }
                : {})}
            >
              <Input value={code} onChange={(_, d) => setCode(d.value)} autoComplete="one-time-code" />
            </Field>
            {phase.kind === "failed" && <ErrorNotice title={t.signInFailed} error={phase.error} />}
            <Button
              type="submit"
              appearance="primary"
              disabled={phase.kind === "busy"}
              icon={phase.kind === "busy" ? <Spinner size="tiny" /> : undefined}
            >
              {phase.kind === "busy" ? t.signingIn : t.signIn}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
