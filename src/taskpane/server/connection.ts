import { ApiClient, SessionStore, type StoredSession } from "../../client";
import type { KeyValueStorage } from "../../client/storage";

/**
 * Which collection server the pane talks to and this device's sign-in there. The address and the
 * token are kept in the add-in's storage (see addinStorage), never in the workbook: workbooks are
 * emailed around.
 */

const SERVER_KEY = "minstd.v1.server";

export interface ConnectionState {
  /** The server's base address; "" before one is set. */
  readonly server: string;
  /** This device's sign-in at that server; null when signed out. */
  readonly session: StoredSession | null;
}

export class Connection {
  private readonly sessions: SessionStore;

  constructor(
    private readonly storage: KeyValueStorage,
    /** The address offered before the officer sets one (the build's default, "" for none). */
    private readonly defaultServer: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.sessions = new SessionStore(storage);
  }

  async load(): Promise<ConnectionState> {
    const server = (await this.storage.getItem(SERVER_KEY)) ?? this.defaultServer;
    const session = server ? ((await this.sessions.get(server)) ?? null) : null;
    return { server, session };
  }

  /** Redeems a one-time access code; keeps the address and the token. Throws ClientProblem. */
  async signIn(typedServer: string, code: string): Promise<ConnectionState> {
    const api = this.client({ server: typedServer });
    const signedIn = await api.signIn(code.trim(), "MinStd Excel add-in", { attempts: 3 });
    await this.storage.setItem(SERVER_KEY, api.server);
    const session = await this.sessions.save(api.server, signedIn);
    return { server: api.server, session };
  }

  /**
   * Forgets this device's token, after asking the server to revoke it. Offline the token is
   * forgotten all the same (it is useless without this storage) and the officer is told.
   */
  async signOut(state: ConnectionState): Promise<{ revoked: boolean }> {
    let revoked = true;
    if (state.session) {
      try {
        await this.client({ server: state.server, token: state.session.token }).signOut({ attempts: 2 });
      } catch {
        revoked = false;
      }
      await this.sessions.forget(state.server);
    }
    return { revoked };
  }

  /** Forgets a token the server no longer accepts. */
  async forget(server: string): Promise<void> {
    await this.sessions.forget(server);
  }

  client(options: {
    server: string;
    token?: string | null;
    onAttempt?: ConstructorParameters<typeof ApiClient>[0]["onAttempt"];
  }): ApiClient {
    return new ApiClient({
      server: options.server,
      token: options.token ?? null,
      ...(this.fetchImpl && { fetch: this.fetchImpl }),
      ...(options.onAttempt && { onAttempt: options.onAttempt }),
    });
  }

  get keyValueStorage(): KeyValueStorage {
    return this.storage;
  }
}
