import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

interface Settled<T> {
  readonly key: string;
  readonly tick: number;
  readonly data?: T;
  readonly error?: unknown;
}

/**
 * Runs `load` whenever `key` changes, and again on reload(); data of another key, or from before a
 * reload, is never shown as this one's. With `ready` false it waits (loading) until it turns true.
 * `arrived` gives the data when it is here already (an early read, see Api.take): the first
 * render shows it, and `load` does not run for it.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
  ready = true,
  arrived?: () => T | undefined,
): Loaded<T> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | undefined>(() => {
    const data = ready ? arrived?.() : undefined;
    return data === undefined ? undefined : { key, tick: 0, data };
  });
  // The latest `load` (a new function at every render), without running again for it. (Not React's
  // useEffectEvent: the page renders with Preact's compatible layer, which does not have it.)
  const latestLoad = useRef(load);
  useLayoutEffect(() => {
    latestLoad.current = load;
  });
  const current = settled?.key === key && settled.tick === tick ? settled : undefined;
  const have = current !== undefined;
  useEffect(() => {
    if (!ready || have) return;
    let live = true;
    latestLoad.current().then(
      (data) => live && setSettled({ key, tick, data }),
      (error: unknown) => live && setSettled({ key, tick, error }),
    );
    return () => {
      live = false;
    };
  }, [key, tick, ready, have]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: current?.data, error: current?.error, loading: !current, reload };
}
