import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ApiError, createApi } from "../api";
import { useI18n } from "../i18n";
import type { Session } from "../session";
import LanguageSwitch from "./LanguageSwitch";

/**
 * Sign-in with a one-time access code, for every role: an LAO officer lands on its own pages. The
 * device token is handed on as soon as the code is redeemed, so a code is never spent without
 * signing in (who is signed in is read afterwards, and can be read again).
 */
export default function SignIn({
  expired,
  onSignedIn,
}: {
  expired: boolean;
  onSignedIn: (session: Session) => void;
}) {
  const { t, language } = useI18n();
  const [code, setCode] = useState("");
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await createApi(null, () => undefined).send<{ token: string }>("POST", "/sessions", {
        code,
        device: "เว็บเบราว์เซอร์ / web browser",
      });
      onSignedIn({ token: res.token, shared });
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err.code === "network"
            ? t.networkError
            : err.text(language)
          : String(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ display: "flex", justifyContent: "center", padding: "48px 16px" }}>
      <Card style={{ width: 440, maxWidth: "100%", padding: 24 }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <Text weight="semibold">{t.appShort}</Text>
          <LanguageSwitch />
        </div>
        <Title2 as="h1" block>
          {t.signInTitle}
        </Title2>
        <Text as="p" block>
          {t.signInIntro}
        </Text>
        {expired && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.sessionExpired}</MessageBarBody>
          </MessageBar>
        )}
        <form onSubmit={submit} style={{ display: "flex", flexDirection: "column", gap: 12 }}>
          <Field label={t.codeLabel} hint={t.codeHint} required validationMessage={error ?? undefined}>
            <Input
              value={code}
              onChange={(_, d) => setCode(d.value)}
              autoComplete="one-time-code"
              spellCheck={false}
              size="large"
            />
          </Field>
          <Checkbox
            checked={shared}
            onChange={(_, d) => setShared(d.checked === true)}
            label={t.sharedComputer}
          />
          <Button appearance="primary" type="submit" disabled={busy || code.trim().length < 4}>
            {busy ? t.signingIn : t.signInButton}
          </Button>
        </form>
      </Card>
    </main>
  );
}
