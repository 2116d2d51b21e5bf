import {
  Button,
  Card,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent, type ReactNode } from "react";
import { bangkokStartOfDay, toArabicDigits } from "../../core/calendar/thai";
import { XLSX_MEDIA_TYPE } from "../../core/workbook/workbookCheck";
import { ApiError, queryString, type Api } from "../api";
import { useI18n } from "../i18n";
import type { RoundListItem } from "../types";
import { useLoad, type Loaded } from "../useLoad";
import ConfirmDialog from "./ConfirmDialog";
import { Notice } from "./Notice";
import { TABLE as tables } from "./tableStyles";

const useStyles = makeStyles({
  card: { padding: "12px 16px", margin: "16px 0" },
  form: { display: "flex", flexWrap: "wrap", gap: "8px 12px", alignItems: "flex-end", margin: "8px 0" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  small: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  details: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

/**
 * A list the server gives: what went wrong (with a retry), `empty` when there is nothing, else a
 * table under its column heads, in a region that scrolls on its own on a narrow screen.
 */
function ListTable<T>({
  load,
  empty,
  label,
  heads,
  children,
}: {
  load: Loaded<readonly T[]>;
  empty?: string;
  label: string;
  heads: readonly string[];
  children: (rows: readonly T[]) => ReactNode;
}) {
  const styles = useStyles();
  if (load.error !== undefined) return <Notice error={load.error} onRetry={load.reload} />;
  if (!load.data) return null;
  if (load.data.length === 0 && empty !== undefined) return <Text as="p">{empty}</Text>;
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      <table className={tables.table}>
        <thead>
          <tr>
            {heads.map((head) => (
              <th scope="col" key={head}>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children(load.data)}</tbody>
      </table>
    </div>
  );
}

type StaffRole = "province" | "national" | "admin";
const STAFF: readonly StaffRole[] = ["province", "national", "admin"];

interface StaffUser {
  id: number;
  role: StaffRole;
  displayName: string;
  provinceCode: string | null;
  createdAt: string;
  retiredAt: string | null;
}
interface Extension {
  laoCode: string;
  laoName: string;
  closes: string;
  reason: string;
}
interface AuditEntry {
  id: number;
  action: string;
  actorName: string | null;
  subject: string | null;
  details: Record<string, unknown>;
  loggedAt: string;
}

/** What an action said: done (status) or refused (the server's problem, every issue listed). */
function Outcome({ said, error }: { said: string; error: unknown }) {
  const { t } = useI18n();
  const issues =
    error instanceof ApiError &&
    Array.isArray((error.details as { issues?: unknown } | undefined)?.issues) &&
    ((error.details as { issues: unknown[] }).issues.filter((i) => typeof i === "string") as string[]);
  return (
    <>
      <Text as="p" block role="status" aria-live="polite">
        {said}
      </Text>
      {error !== null &&
        (issues && issues.length > 0 ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t.roundRefused}</MessageBarTitle>
              <ul data-issues>
                {issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Notice error={error} title={t.actionFailed} />
        ))}
    </>
  );
}

/** Runs an action, keeping what it said and its failure for <Outcome>. */
function useAction(onDone: () => void) {
  const [said, setSaid] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setSaid("");
    try {
      setSaid(await work());
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { said, error, busy, run, setError };
}

const thaiDay = (t: ReturnType<typeof useI18n>["t"], iso: string) => t.thaiDate(bangkokStartOfDay(iso));

function WindowCard({ api, round, onChanged }: { api: Api; round: RoundListItem; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [opens, setOpens] = useState(round.window.opens);
  const [closes, setCloses] = useState(round.window.closes);
  const action = useAction(onChanged);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.send("PUT", `/rounds/${round.id}/window`, { opens, closes });
      return t.windowSaved(thaiDay(t, opens), thaiDay(t, closes));
    });
  };
  return (
    <Card className={styles.card} data-section="window">
      <Title3 as="h2" block>
        {t.windowTitle(round.id)}
      </Title3>
      <Text className={styles.small}>
        {t.windowNow(thaiDay(t, round.window.opens), thaiDay(t, round.window.closes))}
      </Text>
      <form className={styles.form} onSubmit={save}>
        <Field label={t.opensLabel}>
          <Input type="date" value={opens} onChange={(_, d) => setOpens(d.value)} required />
        </Field>
        <Field label={t.closesLabel}>
          <Input type="date" value={closes} onChange={(_, d) => setCloses(d.value)} required />
        </Field>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t.saveWindow}
        </Button>
      </form>
      <Outcome said={action.said} error={action.error} />
    </Card>
  );
}

function ExtensionsCard({ api, roundId, onChanged }: { api: Api; roundId: string; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const list = useLoad(`extensions:${roundId}`, () => api.get<Extension[]>(`/rounds/${roundId}/extensions`));
  const [lao, setLao] = useState("");
  const [closes, setCloses] = useState("");
  const [reason, setReason] = useState("");
  const [revoking, setRevoking] = useState<Extension | null>(null);
  const [revokeReason, setRevokeReason] = useState("");
  const action = useAction(() => {
    list.reload();
    onChanged();
  });
  const grant = (e: FormEvent) => {
    e.preventDefault();
    const code = toArabicDigits(lao.trim());
    void action.run(async () => {
      await api.send("PUT", `/rounds/${roundId}/extensions/${encodeURIComponent(code)}`, { closes, reason });
      setLao("");
      setReason("");
      return t.extensionGranted(code, thaiDay(t, closes));
    });
  };
  return (
    <Card className={styles.card} data-section="extensions">
      <Title3 as="h2" block>
        {t.extensionsTitle}
      </Title3>
      <form className={styles.form} onSubmit={grant}>
        <Field label={t.laoCodeLabel}>
          <Input value={lao} onChange={(_, d) => setLao(d.value)} inputMode="numeric" required />
        </Field>
        <Field label={t.extensionClosesLabel}>
          <Input type="date" value={closes} onChange={(_, d) => setCloses(d.value)} required />
        </Field>
        <Field label={t.reasonLabel}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} required />
        </Field>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t.grantExtension}
        </Button>
      </form>
      <Outcome said={action.said} error={action.error} />
      <ListTable
        load={list}
        empty={t.extensionsNone}
        label={t.extensionsTitle}
        heads={[t.colCode, t.colName, t.colClosesOn, t.colReason, t.colActions]}
      >
        {(rows) =>
          rows.map((x) => (
            <tr key={x.laoCode} data-extension={x.laoCode}>
              <td>{t.digits(x.laoCode)}</td>
              <td>{x.laoName}</td>
              <td>{thaiDay(t, x.closes)}</td>
              <td>{x.reason}</td>
              <td>
                <Button size="small" aria-label={t.revokeExtension(x.laoName)} onClick={() => setRevoking(x)}>
                  {t.revokeExtensionShort}
                </Button>
              </td>
            </tr>
          ))
        }
      </ListTable>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? t.revokeExtension(revoking.laoName) : ""}
        text={revoking ? t.revokeExtension(revoking.laoName) : ""}
        confirm={t.revokeExtensionShort}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const x = revoking!;
          setRevoking(null);
          void action.run(async () => {
            await api.send(
              "DELETE",
              `/rounds/${roundId}/extensions/${x.laoCode}${queryString({ reason: revokeReason.trim() })}`,
            );
            setRevokeReason("");
            return t.extensionRevoked(x.laoCode);
          });
        }}
      >
        <Field label={t.reasonLabel}>
          <Textarea value={revokeReason} onChange={(_, d) => setRevokeReason(d.value)} />
        </Field>
      </ConfirmDialog>
    </Card>
  );
}

function RoundLoadCard({ api, onChanged }: { api: Api; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [id, setId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const action = useAction(onChanged);
  const load = (e: FormEvent) => {
    e.preventDefault();
    const round = toArabicDigits(id.trim());
    if (!file || !round) {
      action.setError(new ApiError(0, "input", t.roundFileNeeded, t.roundFileNeeded));
      return;
    }
    void action.run(async () => {
      let answer: { id: string; revision: number };
      if (/\.json$/i.test(file.name)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(await file.text());
        } catch {
          throw new ApiError(0, "input", t.roundFileNotJson, t.roundFileNotJson);
        }
        answer = await api.send("PUT", `/rounds/${encodeURIComponent(round)}`, parsed);
      } else {
        answer = await api.upload(`/rounds/${encodeURIComponent(round)}`, file, XLSX_MEDIA_TYPE, "PUT");
      }
      return t.roundLoaded(answer.id, answer.revision);
    });
  };
  return (
    <Card className={styles.card} data-section="round-load">
      <Title3 as="h2" block>
        {t.roundLoadTitle}
      </Title3>
      <Text>{t.roundLoadIntro}</Text>
      <form className={styles.form} onSubmit={load}>
        <Field label={t.roundIdLabel}>
          <Input value={id} onChange={(_, d) => setId(d.value)} inputMode="numeric" required />
        </Field>
        <div style={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <Label htmlFor="round-file">{t.roundFileLabel}</Label>
          <input
            id="round-file"
            type="file"
            accept={`.xlsx,.json,application/json,${XLSX_MEDIA_TYPE}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t.loadRound}
        </Button>
      </form>
      <Outcome said={action.said} error={action.error} />
    </Card>
  );
}

function UsersCard({ api, onChanged }: { api: Api; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const users = useLoad("staff", async () =>
    (await Promise.all(STAFF.map((r) => api.get<StaffUser[]>(`/users?role=${r}`)))).flat(),
  );
  const [role, setRole] = useState<StaffRole>("province");
  const [name, setName] = useState("");
  const [province, setProvince] = useState("");
  const [retiring, setRetiring] = useState<StaffUser | null>(null);
  const action = useAction(() => {
    users.reload();
    onChanged();
  });
  const codeFor = async (user: { id: number; displayName: string }) => {
    const issued = await api.send<{ code: string; expiresAt: string }>(
      "POST",
      `/users/${user.id}/access-codes`,
      {},
    );
    return t.userCodeIssued(user.displayName, issued.code, t.thaiDate(new Date(issued.expiresAt)));
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const user = await api.send<StaffUser>("POST", "/users", {
        role,
        displayName: name.trim(),
        ...(role === "province" && { provinceCode: toArabicDigits(province.trim()) }),
      });
      setName("");
      return codeFor(user);
    });
  };
  return (
    <Card className={styles.card} data-section="users">
      <Title3 as="h2" block>
        {t.usersTitle}
      </Title3>
      <form className={styles.form} onSubmit={add}>
        <Field label={t.roleLabel}>
          <Select value={role} onChange={(_, d) => setRole(d.value as StaffRole)}>
            {STAFF.map((r) => (
              <option key={r} value={r}>
                {t.roleName(r)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.displayNameLabel}>
          <Input value={name} onChange={(_, d) => setName(d.value)} required />
        </Field>
        {role === "province" && (
          <Field label={t.provinceCodeLabel}>
            <Input value={province} onChange={(_, d) => setProvince(d.value)} inputMode="numeric" required />
          </Field>
        )}
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t.addUser}
        </Button>
      </form>
      <div className={styles.code}>
        <Outcome said={action.said} error={action.error} />
      </div>
      <ListTable load={users} label={t.usersTitle} heads={[t.colUser, t.colRole, t.colCreated, t.colActions]}>
        {(rows) =>
          rows
            .filter((u) => !u.retiredAt)
            .map((u) => (
              <tr key={u.id} data-user={u.id}>
                <td>{u.displayName}</td>
                <td>
                  {t.roleName(u.role)}
                  {u.provinceCode ? ` ${t.digits(u.provinceCode)}` : ""}
                </td>
                <td>{t.dateTime(new Date(u.createdAt))}</td>
                <td style={{ whiteSpace: "nowrap" }}>
                  <Button
                    size="small"
                    disabled={action.busy}
                    onClick={() => void action.run(() => codeFor(u))}
                  >
                    {t.newUserCode(u.displayName)}
                  </Button>{" "}
                  <Button size="small" appearance="subtle" onClick={() => setRetiring(u)}>
                    {t.retireUser(u.displayName)}
                  </Button>
                </td>
              </tr>
            ))
        }
      </ListTable>
      <ConfirmDialog
        open={retiring !== null}
        title={retiring ? t.retireUser(retiring.displayName) : ""}
        text={retiring ? t.retireConfirm(retiring.displayName) : ""}
        confirm={retiring ? t.retireUser(retiring.displayName) : ""}
        onCancel={() => setRetiring(null)}
        onConfirm={() => {
          const u = retiring!;
          setRetiring(null);
          void action.run(async () => {
            await api.send("DELETE", `/users/${u.id}`);
            return t.retired(u.displayName);
          });
        }}
      />
    </Card>
  );
}

function AuditCard({ api, version }: { api: Api; version: number }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [action, setAction] = useState("");
  const [subject, setSubject] = useState("");
  const [shown, setShown] = useState({ action: "", subject: "" });
  const path = `/audits${queryString({ ...shown, limit: "200" })}`;
  const log = useLoad(`audits:${path}:${version}`, () => api.get<AuditEntry[]>(path));
  return (
    <Card className={styles.card} data-section="audit">
      <Title3 as="h2" block>
        {t.auditTitle}
      </Title3>
      <form
        className={styles.form}
        role="search"
        aria-label={t.auditTitle}
        onSubmit={(e) => {
          e.preventDefault();
          setShown({ action: action.trim(), subject: toArabicDigits(subject.trim()) });
        }}
      >
        <Field label={t.auditAction}>
          <Input value={action} onChange={(_, d) => setAction(d.value)} />
        </Field>
        <Field label={t.auditSubject}>
          <Input value={subject} onChange={(_, d) => setSubject(d.value)} />
        </Field>
        <Button type="submit">{t.auditShow}</Button>
      </form>
      <ListTable
        load={log}
        empty={t.auditEmpty}
        label={t.auditTitle}
        heads={[t.colWhen, t.colAction, t.colActor, t.colSubject, t.colDetails]}
      >
        {(rows) =>
          rows.map((a) => (
            <tr key={a.id} data-audit={a.action}>
              <td style={{ whiteSpace: "nowrap" }}>{t.dateTime(new Date(a.loggedAt))}</td>
              <td>{a.action}</td>
              <td>{a.actorName ?? "-"}</td>
              <td>{a.subject ?? "-"}</td>
              <td className={styles.details}>{JSON.stringify(a.details)}</td>
            </tr>
          ))
        }
      </ListTable>
    </Card>
  );
}

/** The administrator's work without the server's command line: the round's window, extensions, loading a round, staff users and the audit log. */
export default function AdminView({
  api,
  round,
  onRoundsChanged,
}: {
  api: Api;
  round: RoundListItem | undefined;
  onRoundsChanged: () => void;
}) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  // While the rounds are read again after a change, the page keeps the round it shows.
  const [last, setLast] = useState(round);
  if (round && round !== last) setLast(round);
  round = round ?? last;
  const changed = () => setVersion((v) => v + 1);
  return (
    <section aria-labelledby="admin-title">
      <Title2 as="h1" block id="admin-title">
        {t.adminTitle}
      </Title2>
      {round && (
        <WindowCard
          key={round.id}
          api={api}
          round={round}
          onChanged={() => {
            changed();
            onRoundsChanged();
          }}
        />
      )}
      {round && <ExtensionsCard api={api} roundId={round.id} onChanged={changed} />}
      <RoundLoadCard
        api={api}
        onChanged={() => {
          changed();
          onRoundsChanged();
        }}
      />
      <UsersCard api={api} onChanged={changed} />
      <AuditCard api={api} version={version} />
    </section>
  );
}
