import { useEffect, useState } from "react";

/** The current time from an injectable clock, refreshed every intervalMs (a minute by default). */
export function useNow(clock: () => Date, intervalMs = 60_000): Date {
  const [reading, setReading] = useState(() => ({ clock, now: clock() }));
  useEffect(() => {
    const timer = setInterval(() => setReading({ clock, now: clock() }), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  // Another clock is read at once, not at its first tick.
  if (reading.clock !== clock) {
    const next = { clock, now: clock() };
    setReading(next);
    return next.now;
  }
  return reading.now;
}
