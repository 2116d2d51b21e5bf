import { useEffect, useState } from "react";

/** How many rows a long table draws at first: more than a tall screen shows above the fold. */
export const FIRST_ROWS = 60;

/**
 * The rows a long table draws now: the first `first` at its first render, then all of them from the
 * frame after that one is painted. A view shows its first screen without waiting for hundreds of rows
 * to be built and laid out (a province's 334 LAOs take as long as the rest of the page), and every row
 * is in the page a moment later, for the browser's find, printing and screen readers. Once whole, the
 * table stays whole: a filter or a new answer redraws every row at once.
 */
export function useDrawnInSteps<T>(rows: readonly T[], first: number = FIRST_ROWS): readonly T[] {
  const [whole, setWhole] = useState(rows.length <= first);
  useEffect(() => {
    if (whole) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timer queued from the frame's callback runs once that frame is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWhole(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [whole]);
  return whole ? rows : rows.slice(0, first);
}
