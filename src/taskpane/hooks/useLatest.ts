import { useLayoutEffect, useRef, useState } from "react";

/**
 * A function that always calls the latest `fn` of this component's renders, and stays the same
 * function for the component's life, so effects may call it without depending on it. (React's
 * useEffectEvent does this, but the built pane runs on Preact's compatibility layer, which lacks it.)
 */
export function useLatest<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  const [stable] = useState(
    () =>
      (...args: A) =>
        latest.current(...args),
  );
  return stable;
}
