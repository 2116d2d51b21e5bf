import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookPort, WorkbookState } from "../workbookPort";

export type WorkbookLoad =
  | { readonly phase: "loading" }
  | { readonly phase: "ready"; readonly state: WorkbookState | null }
  /** The last read failed; `state` is what the previous read gave, if any. */
  | { readonly phase: "error"; readonly error: unknown; readonly state?: WorkbookState | null };

/**
 * The workbook as the port last read it, re-read whenever the port reports a change. Changes that
 * arrive during a read cause one more read after it, never a read per keystroke in flight.
 */
export function useWorkbookState(port: WorkbookPort): { load: WorkbookLoad; refresh: () => void } {
  const [load, setLoad] = useState<WorkbookLoad>({ phase: "loading" });
  const refreshRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let alive = true;
    let reading = false;
    let again = false;
    const read = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          try {
            const state = await port.readState();
            if (alive) setLoad({ phase: "ready", state });
          } catch (error) {
            if (alive)
              setLoad((previous) => ({
                phase: "error",
                error,
                ...(previous.phase !== "loading" && { state: previous.state ?? null }),
              }));
          }
        } while (again && alive);
      } finally {
        reading = false;
      }
    };
    refreshRef.current = () => void read();
    void read();
    const unsubscribe = port.subscribe(() => void read());
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [port]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { load, refresh };
}
