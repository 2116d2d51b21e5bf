import { useEffect, useState } from "react";
import { useI18n } from "../i18n";
import type { WindowInfo } from "../types";

/**
 * Time left until the window closes (24:00 Thai time of the last day), ticking each minute. The
 * server says what time it is (`asOf`): the countdown runs from the server's clock, not the PC's,
 * which is often wrong in an office.
 */
export default function Countdown({ window: w, asOf }: { window: WindowInfo; asOf: string }) {
  const { t } = useI18n();
  const [skew] = useState(() => new Date(asOf).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now() + skew), 30_000);
    return () => clearInterval(id);
  }, [skew]);
  const closes = new Date(w.closesAt).getTime();
  const opens = new Date(w.opensAt).getTime();
  let line: string;
  let urgent = false;
  if (now < opens) line = t.notOpenYet(t.thaiDate(new Date(opens)));
  else if (now >= closes) {
    line = t.closed;
    urgent = true;
  } else {
    const minutes = Math.floor((closes - now) / 60_000);
    const d = Math.floor(minutes / 1440);
    urgent = d < 3;
    line = t.countdown(d, Math.floor((minutes % 1440) / 60), minutes % 60);
  }
  return (
    <div className="card" role="group" aria-label={t.deadlineTitle}>
      <span className="strong">{t.deadlineTitle}</span>
      <span className={urgent ? "big urgent" : "big"} role="timer" aria-live="off">
        {line}
      </span>
      <span className="small">{w.closesTh}</span>
    </div>
  );
}
