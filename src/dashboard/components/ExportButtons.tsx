import { Button, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Api } from "../api";
import { useI18n } from "../i18n";
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
      <Button icon={<ArrowDownloadRegular />} onClick={() => get(csv)} disabled={busy !== null}>
        {busy === csv ? t.downloading : t.exportCsv}
      </Button>
      <Button icon={<ArrowDownloadRegular />} onClick={() => get(xlsx)} disabled={busy !== null}>
        {busy === xlsx ? t.downloading : t.exportXlsx}
      </Button>
      <Text size={200}>{t.exportHint}</Text>
      {error !== null && <Notice error={error} />}
    </div>
  );
}
