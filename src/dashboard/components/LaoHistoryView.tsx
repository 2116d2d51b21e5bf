import { Badge, MessageBar, MessageBarBody, Title2, makeStyles } from "@fluentui/react-components";
import { useMemo } from "react";
import { compileRound } from "../../core/rules/compiledRound";
import type { Api } from "../api";
import { useI18n } from "../i18n";
import { loadMySubmission } from "../mySubmission";
import { paths } from "../paths";
import { placeHref } from "../route";
import type { Me, RoundDefinition } from "../types";
import { useLoad } from "../useLoad";
import LaoReturns from "./LaoReturns";
import { Notice } from "./Notice";
import { TABLE as table } from "./tableStyles";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  receipt: { overflowWrap: "anywhere" },
  returned: { display: "flex", width: "fit-content", marginTop: "4px" },
});

/** Every version the LAO sent in the round (from the web, the pane or the CLI), newest first, and the province's returns. */
export default function LaoHistoryView({ api, me, roundId }: { api: Api; me: Me; roundId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const lao = me.lao!;
  const submission = useLoad(`submission:${roundId}:history`, () => loadMySubmission(api, lao.code, roundId));
  const definition = useLoad(`round:${roundId}`, () => api.get<RoundDefinition>(paths.round(roundId)));
  const compiled = useMemo(
    () => (definition.data ? compileRound(definition.data.round) : undefined),
    [definition.data],
  );

  const error = submission.error ?? definition.error;
  if (error) return <Notice error={error} onRetry={() => window.location.reload()} />;
  if (submission.loading || !compiled) return <p>{t.loading}</p>;
  const data = submission.data;

  return (
    <section aria-labelledby="history-title">
      <Title2 as="h1" block id="history-title">
        {t.historyTitle}
      </Title2>
      {!data ? (
        <MessageBar intent="info">
          <MessageBarBody>{t.historyEmpty}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.scroll}>
            <table className={table.table} aria-labelledby="history-title">
              <thead>
                <tr>
                  <th scope="col">{t.colVersion}</th>
                  <th scope="col">{t.colReceipt}</th>
                  <th scope="col">{t.colReceivedAt}</th>
                  <th scope="col">{t.colPassRate}</th>
                </tr>
              </thead>
              <tbody>
                {data.versions.map((v) => (
                  <tr key={v.version} data-version={v.version}>
                    <td className={table.num}>{t.version(v.version)}</td>
                    <td className={styles.receipt}>
                      <a
                        className={table.link}
                        href={placeHref(`/my/receipt/${v.version}`, { round: roundId })}
                      >
                        {v.receiptNumber}
                      </a>
                      {data.returns.some((r) => r.version === v.version) && (
                        <Badge appearance="tint" color="warning" className={styles.returned}>
                          {t.progressShort.returned}
                        </Badge>
                      )}
                    </td>
                    <td>{t.dateTime(new Date(v.receivedAt))}</td>
                    <td className={table.num}>{t.percent(v.summary.overall.passRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LaoReturns compiled={compiled} returns={data.returns} />
        </>
      )}
    </section>
  );
}
