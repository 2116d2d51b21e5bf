import { useEffect, useState } from "react";

/** The current time from an injectable clock, refreshed every intervalMs (a minute by default). */
export function useNow(clock: () => Date, intervalMs = 60_000): Date {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
