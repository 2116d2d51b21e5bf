import { useCallback, useEffect, useEffectEvent, useState } from "react";

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs `load` whenever `key` changes, and again on reload(); data of another key, or from before a
 * reload, is never shown as this one's. With `ready` false it waits (loading) until it turns true.
 */
export function useLoad<T>(key: string, load: () => Promise<T>, ready = true): Loaded<T> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<{ key: string; tick: number; data?: T; error?: unknown }>();
  // The latest `load` (a new function at every render), without running again for it.
  const loadLatest = useEffectEvent(() => load());
  useEffect(() => {
    if (!ready) return;
    let live = true;
    loadLatest().then(
      (data) => live && setSettled({ key, tick, data }),
      (error: unknown) => live && setSettled({ key, tick, error }),
    );
    return () => {
      live = false;
    };
  }, [key, tick, ready]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = settled?.key === key && settled.tick === tick ? settled : undefined;
  return { data: current?.data, error: current?.error, loading: !current, reload };
}
