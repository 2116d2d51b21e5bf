import { XLSX_MEDIA_TYPE } from "../../core/workbook/workbookCheck";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, KeyRegular, PrintRegular } from "@fluentui/react-icons";
import { useMemo, useRef, useState } from "react";
import { laoDisplayName } from "../../core/rules/laoTypes";
import { isProvinceCode } from "../../core/rules/identifiers";
import { toArabicDigits } from "../../core/calendar/thai";
import type { Api } from "../api";
import { codesCsv, codesXlsx } from "../codeSheet";
import { saveBlob } from "../saveFile";
import { useI18n } from "../i18n";
import { paths } from "../paths";
import { go, placeHref } from "../route";
import type { AccessCodesResponse, CodeState, IssuedCode, LaoAccess, Me } from "../types";
import type { Lao } from "../../core/rules/register";
import { useLoad } from "../useLoad";
import CodeSheet from "./CodeSheet";
import ConfirmDialog from "./ConfirmDialog";
import { Notice } from "./Notice";
import { TABLE as tables } from "./tableStyles";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end", margin: "12px 0" },
  small: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  devices: { margin: 0, paddingLeft: "16px" },
  nowrap: { whiteSpace: "nowrap" },
  state: {
    display: "inline-block",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "nowrap",
  },
  used: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  unused: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorPaletteBlueForeground2 },
  expired: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  issued: { margin: "16px 0" },
  wrap: { whiteSpace: "normal", height: "auto", maxWidth: "100%", textAlign: "left" },
});

const STATES: readonly CodeState[] = ["none", "unused", "used", "expired", "void"];

type Pending =
  | { kind: "all" }
  | { kind: "chosen" }
  | { kind: "lao"; lao: LaoAccess }
  | { kind: "revoke"; lao: LaoAccess; device: { id: number; device: string | null } };

/** Saves a file the page made (the codes as CSV or .xlsx) under `name`. */
function saveText(name: string, content: string | Uint8Array, type: string): void {
  saveBlob(name, new Blob([content as BlobPart], { type }));
}

/**
 * A province's LAOs and their sign-in: issue codes for the whole province or those chosen, a new
 * code for one LAO, the printable code sheet and CSV of what was just issued, each LAO's code state
 * and signed-in devices, and signing a device out. A province office sees only its own province;
 * an admin chooses the province.
 */
export default function CodesView({ api, me, province }: { api: Api; me: Me; province: string | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [typed, setTyped] = useState(province ?? "");
  const list = useLoad(`codes:${province ?? ""}`, () =>
    province ? api.get<AccessCodesResponse>(paths.accessCodes(province)) : Promise.resolve(undefined),
  );
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [stateFilter, setStateFilter] = useState<"" | CodeState>("");
  const [search, setSearch] = useState("");
  const [issued, setIssued] = useState<IssuedCode[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState("");
  const issuedHeading = useRef<HTMLHeadingElement>(null);

  const laos = list.data?.laos;
  const shown = useMemo(() => {
    const q = toArabicDigits(search.trim());
    return (laos ?? []).filter(
      (l) =>
        (!stateFilter || l.code.state === stateFilter) &&
        (!q || l.lao.includes(q) || l.name.includes(q) || l.districtTh.includes(q)),
    );
  }, [laos, stateFilter, search]);

  const name = (l: { type: LaoAccess["type"]; name: string }) => laoDisplayName(l.type, l.name);

  async function act(p: Pending) {
    if (!province) return;
    setPending(null);
    setBusy(true);
    setError(null);
    setSaid("");
    try {
      if (p.kind === "revoke") {
        await api.send("DELETE", `/laos/${p.lao.lao}/devices/${p.device.id}`);
        setSaid(t.revokeDone(t.deviceName(p.device.device)));
      } else {
        let codes: IssuedCode[];
        if (p.kind === "lao") {
          const one = await api.send<{ lao: Lao; code: string; expiresAt: string }>(
            "POST",
            `/laos/${p.lao.lao}/access-codes`,
            {},
          );
          codes = [
            {
              lao: one.lao.code,
              name: one.lao.name,
              type: one.lao.type,
              districtTh: one.lao.districtTh,
              code: one.code,
              expiresAt: one.expiresAt,
            },
          ];
        } else {
          codes = await api.send<IssuedCode[]>(
            "POST",
            paths.accessCodes(province),
            p.kind === "chosen" ? { laos: [...chosen] } : {},
          );
          setChosen(new Set());
        }
        setIssued(codes);
        setSaid(t.issuedTitle(codes.length));
        setTimeout(() => issuedHeading.current?.focus(), 0);
      }
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (lao: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(lao);
      else next.delete(lao);
      return next;
    });
  const allShownChosen = shown.length > 0 && shown.every((l) => chosen.has(l.lao));

  let confirm: { title: string; text: string; button: string } | null = null;
  if (pending?.kind === "all")
    confirm = {
      title: t.issueAll(laos?.length ?? 0),
      text: t.issueAllConfirm(laos?.length ?? 0),
      button: t.issueConfirmYes,
    };
  else if (pending?.kind === "chosen")
    confirm = {
      title: t.issueChosen(chosen.size),
      text: t.issueAllConfirm(chosen.size),
      button: t.issueConfirmYes,
    };
  else if (pending?.kind === "lao")
    confirm = {
      title: t.reissueLabel(name(pending.lao)),
      text: t.reissueConfirm(name(pending.lao)),
      button: t.reissue,
    };
  else if (pending?.kind === "revoke") {
    const device = t.deviceName(pending.device.device);
    confirm = { title: t.revoke, text: t.revokeConfirm(device, name(pending.lao)), button: t.revoke };
  }

  return (
    <section aria-labelledby="codes-title">
      <div data-noprint>
        <Title2 as="h1" block id="codes-title">
          {t.codesTitle(list.data?.provinceTh ?? t.digits(province ?? ""))}
        </Title2>
        <Text as="p" block>
          {t.codesIntro}
        </Text>
        {me.role === "admin" && (
          <form
            className={styles.bar}
            onSubmit={(e) => {
              e.preventDefault();
              const code = toArabicDigits(typed.trim());
              if (isProvinceCode(code)) go(placeHref(`/codes/${code}`, {}));
            }}
          >
            <Field label={t.codesProvince} hint={province ? undefined : t.codesChooseProvince}>
              <Input value={typed} onChange={(_, d) => setTyped(d.value)} inputMode="numeric" maxLength={2} />
            </Field>
            <Button type="submit">{t.codesShowProvince}</Button>
          </form>
        )}
      </div>

      <Text role="status" aria-live="polite" as="p" block data-noprint>
        {said}
      </Text>
      {error !== null && (
        <div data-noprint>
          <Notice error={error} title={t.actionFailed} />
        </div>
      )}

      {issued && issued.length > 0 && (
        <section aria-labelledby="issued-title" className={styles.issued}>
          <div data-noprint>
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  <span id="issued-title" ref={issuedHeading} tabIndex={-1}>
                    {t.issuedTitle(issued.length)}
                  </span>
                </MessageBarTitle>
                {t.issuedIntro}
              </MessageBarBody>
            </MessageBar>
            <div className={styles.bar}>
              <Button
                className={styles.wrap}
                appearance="primary"
                icon={<PrintRegular />}
                onClick={() => window.print()}
              >
                {t.printSheet}
              </Button>
              <Button
                className={styles.wrap}
                icon={<ArrowDownloadRegular />}
                onClick={() =>
                  saveText(t.codesCsvName(province ?? ""), codesCsv(issued), "text/csv;charset=utf-8")
                }
              >
                {t.downloadCodesCsv}
              </Button>
              <Button
                className={styles.wrap}
                icon={<ArrowDownloadRegular />}
                onClick={() => saveText(t.codesXlsxName(province ?? ""), codesXlsx(issued), XLSX_MEDIA_TYPE)}
              >
                {t.downloadCodesXlsx}
              </Button>
              <Button appearance="subtle" onClick={() => setIssued(null)}>
                {t.closeIssued}
              </Button>
            </div>
          </div>
          <CodeSheet codes={issued} server={window.location.origin} />
        </section>
      )}

      <div data-noprint>
        {list.error !== undefined && <Notice error={list.error} onRetry={list.reload} />}
        {province && !list.data && list.error === undefined && <p>{t.loading}</p>}
        {laos && (
          <>
            <div className={styles.bar}>
              <Button
                appearance="primary"
                icon={<KeyRegular />}
                disabled={busy}
                onClick={() => setPending({ kind: "all" })}
              >
                {busy ? t.issuing : t.issueAll(laos.length)}
              </Button>
              <Button
                className={styles.wrap}
                disabled={busy || chosen.size === 0}
                onClick={() => setPending({ kind: "chosen" })}
              >
                {t.issueChosen(chosen.size)}
              </Button>
            </div>
            <div className={styles.bar} role="search" aria-label={t.filtersTitle}>
              <Field label={t.filterCodeState}>
                <Select value={stateFilter} onChange={(_, d) => setStateFilter(d.value as CodeState | "")}>
                  <option value="">{t.filterAll}</option>
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {t.codeStateShort[s]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t.filterSearch}>
                <Input type="search" value={search} onChange={(_, d) => setSearch(d.value)} />
              </Field>
            </div>
            <Text as="p" block>
              {t.shown(shown.length, laos.length)}
            </Text>
            <div className={styles.scroll} role="region" aria-label={t.navCodes} tabIndex={0}>
              <table className={tables.table}>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t.selectShown}
                        checked={allShownChosen}
                        onChange={(e) =>
                          setChosen((s) => {
                            const next = new Set(s);
                            for (const l of shown) {
                              if (e.target.checked) next.add(l.lao);
                              else next.delete(l.lao);
                            }
                            return next;
                          })
                        }
                      />
                    </th>
                    <th scope="col">{t.colCode}</th>
                    <th scope="col">{t.colName}</th>
                    <th scope="col">{t.colDistrict}</th>
                    <th scope="col">{t.colCodeState}</th>
                    <th scope="col">{t.colDevices}</th>
                    <th scope="col">{t.colActions}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((l) => {
                    const date =
                      l.code.state === "used"
                        ? l.code.redeemedAt
                        : l.code.state === "unused" || l.code.state === "expired"
                          ? l.code.expiresAt
                          : null;
                    return (
                      <tr key={l.lao} data-lao={l.lao} data-code-state={l.code.state}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t.selectLao(name(l))}
                            checked={chosen.has(l.lao)}
                            onChange={(e) => toggle(l.lao, e.target.checked)}
                          />
                        </td>
                        <td>{t.digits(l.lao)}</td>
                        <td>{name(l)}</td>
                        <td>{l.districtTh}</td>
                        <td>
                          <span
                            className={`${styles.state} ${
                              l.code.state === "used"
                                ? styles.used
                                : l.code.state === "unused"
                                  ? styles.unused
                                  : l.code.state === "expired"
                                    ? styles.expired
                                    : ""
                            }`}
                          >
                            {t.codeStateShort[l.code.state]}
                          </span>{" "}
                          <span className={styles.small}>
                            {l.code.state !== "none" && l.code.state !== "void"
                              ? t.codeState(l.code.state, date ? t.dateTime(new Date(date)) : null)
                              : ""}
                          </span>
                        </td>
                        <td>
                          {l.devices.length === 0 ? (
                            <span className={styles.small}>{t.noDevices}</span>
                          ) : (
                            <ul className={styles.devices}>
                              {l.devices.map((d) => (
                                <li key={d.id} data-device={d.id}>
                                  {t.deviceName(d.device)}{" "}
                                  <span className={styles.small}>
                                    {t.deviceSince(t.dateTime(new Date(d.signedInAt)))}
                                  </span>{" "}
                                  <Button
                                    size="small"
                                    appearance="subtle"
                                    disabled={busy}
                                    aria-label={t.revokeDevice(t.deviceName(d.device), name(l))}
                                    onClick={() => setPending({ kind: "revoke", lao: l, device: d })}
                                  >
                                    {t.revoke}
                                  </Button>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className={styles.nowrap}>
                          <Button
                            size="small"
                            disabled={busy}
                            aria-label={t.reissueLabel(name(l))}
                            onClick={() => setPending({ kind: "lao", lao: l })}
                          >
                            {t.reissue}
                          </Button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.title ?? ""}
        text={confirm?.text ?? ""}
        confirm={confirm?.button ?? ""}
        onConfirm={() => pending && act(pending)}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
