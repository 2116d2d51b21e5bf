import { memo } from "react";
import { bangkokStartOfDay } from "../../core/calendar/thai";
import { useI18n } from "../i18n";
import { placeHref } from "../route";
import { useDrawnInSteps } from "../useDrawnInSteps";
import type { ProgressLao } from "../types";
import ProgressBadge from "./ProgressBadge";
import { TABLE as tables } from "./tableStyles";

/**
 * A province's LAOs, one row each (up to 334), the first screen's rows first (useDrawnInSteps).
 * Memoised: the province's results arriving, or a count button pressed, redraws the cards above
 * without going through every row again.
 */
export default memo(function LaoProgressTable({
  laos,
  label,
  linkParams,
}: {
  laos: readonly ProgressLao[];
  label: string;
  /** What each LAO's link carries (the round and the list's filters), so Back returns to this list. */
  linkParams: Readonly<Record<string, string>>;
}) {
  const { t } = useI18n();
  const drawn = useDrawnInSteps(laos);
  return (
    <table className={tables.table} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t.colCode}</th>
          <th scope="col">{t.colName}</th>
          <th scope="col">{t.colType}</th>
          <th scope="col">{t.colDistrict}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col" className={tables.num}>
            {t.colVersion}
          </th>
          <th scope="col">{t.colSubmittedAt}</th>
          <th scope="col" className={tables.num}>
            {t.colPassRate}
          </th>
        </tr>
      </thead>
      <tbody>
        {drawn.map((l) => (
          <tr key={l.code} data-lao={l.code}>
            <td>{t.digits(l.code)}</td>
            <td>
              {l.version !== null ? (
                <a className={tables.link} href={placeHref(`/lao/${l.code}`, linkParams)}>
                  {t.laoName(l.type, l.name)}
                </a>
              ) : (
                t.laoName(l.type, l.name)
              )}
            </td>
            <td>{t.typeName(l.type)}</td>
            <td>{l.districtTh}</td>
            <td>
              <ProgressBadge progress={l.progress} />
              {l.extensionCloses && (
                <span className="muted"> {t.extended(t.thaiDate(bangkokStartOfDay(l.extensionCloses)))}</span>
              )}
            </td>
            <td className={tables.num}>{l.version === null ? "" : t.version(l.version)}</td>
            <td>{l.submittedAt ? t.dateTime(new Date(l.submittedAt)) : ""}</td>
            <td className={tables.num}>{l.version === null ? "" : t.percent(l.passRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
