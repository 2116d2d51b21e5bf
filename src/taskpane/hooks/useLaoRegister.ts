import { useCallback, useEffect, useState } from "react";
import type { LaoRegister } from "../../core";

export type RegisterLoad =
  | { readonly phase: "loading" }
  | { readonly phase: "ready"; readonly register: LaoRegister }
  | { readonly phase: "error"; readonly error: unknown };

/** Loads the LAO register when the component that needs it mounts; retry() after a failure. */
export function useLaoRegister(load: () => Promise<LaoRegister>): RegisterLoad & { retry: () => void } {
  const [state, setState] = useState<RegisterLoad>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    setState({ phase: "loading" });
    load().then(
      (register) => alive && setState({ phase: "ready", register }),
      (error: unknown) => alive && setState({ phase: "error", error }),
    );
    return () => {
      alive = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
