import { useState } from "react";
import type { Api } from "../api";
import { useI18n } from "../i18n";
import { DownloadIcon } from "./icons";
import { Notice } from "./Notice";

/** CSV and XLSX of what is on screen: the server writes them with the same filters as the page. */
export default function ExportButtons({ api, csv, xlsx }: { api: Api; csv: string; xlsx: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const get = async (path: string) => {
    setBusy(path);
    setError(null);
    try {
      await api.download(path);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
      <button type="button" className="button" onClick={() => get(csv)} disabled={busy !== null}>
        <DownloadIcon />
        {busy === csv ? t.downloading : t.exportCsv}
      </button>
      <button type="button" className="button" onClick={() => get(xlsx)} disabled={busy !== null}>
        <DownloadIcon />
        {busy === xlsx ? t.downloading : t.exportXlsx}
      </button>
      <span className="small">{t.exportHint}</span>
      {error !== null && <Notice error={error} />}
    </div>
  );
}
