import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { StoredSession } from "../../client/session";
import type { Connection } from "../server/connection";

/**
 * The pane's link to the collection server, for every view: the address, this device's sign-in,
 * and the Connection itself (loaded with the submission client when the pane starts, in its own
 * chunk, so the first paint does not wait for it).
 */

export type ConnectionStatus =
  | { readonly phase: "loading" }
  | {
      readonly phase: "ready";
      readonly server: string;
      readonly session: StoredSession | null;
      readonly connection: Connection;
      /** The server stopped accepting this device's sign-in (revoked or expired) during this session. */
      readonly lostSession?: boolean;
    }
  | { readonly phase: "error"; readonly error: unknown };

export interface ConnectionModel {
  readonly status: ConnectionStatus;
  /** Redeems an access code; throws the server's problem (a ClientProblem, Thai message). */
  signIn(server: string, code: string): Promise<void>;
  signOut(): Promise<{ revoked: boolean }>;
  /** The server no longer accepts the token: forget it, so the pane asks to sign in again. */
  signedOutByServer(): void;
}

const unavailable = (): Promise<never> => Promise.reject(new Error("no connection"));

export const ConnectionContext = createContext<ConnectionModel>({
  status: { phase: "loading" },
  signIn: unavailable,
  signOut: unavailable,
  signedOutByServer: () => undefined,
});

export function useConnection(): ConnectionModel {
  return useContext(ConnectionContext);
}

/** Makes the model for ConnectionContext (App does, once); nothing is opened while not `enabled`. */
export function useConnectionModel(open: () => Promise<Connection>, enabled: boolean): ConnectionModel {
  const [status, setStatus] = useState<ConnectionStatus>({ phase: "loading" });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    open()
      .then(async (connection) => {
        const state = await connection.load();
        if (live) setStatus({ phase: "ready", ...state, connection });
      })
      .catch((error: unknown) => live && setStatus({ phase: "error", error }));
    return () => {
      live = false;
    };
  }, [open, enabled]);

  const signIn = useCallback(
    async (server: string, code: string) => {
      if (status.phase !== "ready") throw new Error("the connection is not ready");
      const state = await status.connection.signIn(server, code);
      setStatus({ phase: "ready", ...state, connection: status.connection, lostSession: false });
    },
    [status],
  );

  const signOut = useCallback(async () => {
    if (status.phase !== "ready") return { revoked: false };
    const result = await status.connection.signOut(status);
    setStatus({ ...status, session: null, lostSession: false });
    return result;
  }, [status]);

  const signedOutByServer = useCallback(() => {
    if (status.phase !== "ready" || !status.session) return;
    void status.connection.forget(status.server).catch(() => undefined);
    setStatus({ ...status, session: null, lostSession: true });
  }, [status]);

  return useMemo(
    () => ({ status, signIn, signOut, signedOutByServer }),
    [status, signIn, signOut, signedOutByServer],
  );
}
