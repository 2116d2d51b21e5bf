import { useEffect } from "react";
import { useLatest } from "./useLatest";
import type { ConnectionModel } from "./useConnection";

/**
 * Once the pane is signed in (on open, or after signing in), rounds the server has and this add-in
 * does not are fetched, kept and registered (see rounds/serverRounds.ts); `onKept` then runs (the
 * page recalculates the workbook, so MINSTD.* cells naming such a round get their result).
 */
export function useServerRounds({ status }: ConnectionModel, onKept?: () => void): void {
  const kept = useLatest(() => onKept?.());
  const ready = status.phase === "ready" && status.session ? status : undefined;
  const token = ready?.session?.token;
  const connection = ready?.connection;
  const server = ready?.server;

  useEffect(() => {
    if (!connection || server === undefined || !token) return;
    let live = true;
    import(/* webpackChunkName: "server-rounds" */ "../rounds/serverRounds")
      .then(({ syncServerRounds }) =>
        syncServerRounds(connection.client({ server, token }), connection.keyValueStorage),
      )
      .then((rounds) => {
        if (live && rounds.length > 0) kept();
      })
      // Offline or refused: the shipped and kept rounds serve until the next sign-in or open.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [connection, server, token, kept]);
}
