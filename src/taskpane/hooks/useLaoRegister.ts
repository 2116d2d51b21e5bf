import { useCallback, useEffect, useState } from "react";
import type { LaoRegister } from "../../core";

export type RegisterLoad =
  | { readonly phase: "loading" }
  | { readonly phase: "ready"; readonly register: LaoRegister }
  | { readonly phase: "error"; readonly error: unknown };

const LOADING: RegisterLoad = { phase: "loading" };

/** Loads the LAO register when the component that needs it mounts; retry() after a failure. */
export function useLaoRegister(load: () => Promise<LaoRegister>): RegisterLoad & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The outcome of one load and attempt; loading until the current one's arrives.
  const [settled, setSettled] = useState<{ load: typeof load; attempt: number; outcome: RegisterLoad }>();
  useEffect(() => {
    let alive = true;
    load().then(
      (register) => alive && setSettled({ load, attempt, outcome: { phase: "ready", register } }),
      (error: unknown) => alive && setSettled({ load, attempt, outcome: { phase: "error", error } }),
    );
    return () => {
      alive = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state = settled?.load === load && settled.attempt === attempt ? settled.outcome : LOADING;
  return { ...state, retry };
}
