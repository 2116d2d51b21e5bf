import type { SignedIn } from "../api";
import type { KeyValueStorage } from "./storage";

/**
 * This device's sign-in, kept in the add-in's own storage (OfficeRuntime.storage in the pane),
 * never in the workbook: workbooks are emailed around. One per server address.
 */
export interface StoredSession {
  readonly server: string;
  readonly token: string;
  readonly user: SignedIn["user"];
  readonly savedAt: string;
}

const key = (server: string): string => `minstd.v1.session|${encodeURIComponent(server)}`;

export class SessionStore {
  constructor(private readonly storage: KeyValueStorage) {}

  async get(server: string): Promise<StoredSession | undefined> {
    const text = await this.storage.getItem(key(server));
    if (text === null) return undefined;
    try {
      const session = JSON.parse(text) as StoredSession;
      return typeof session.token === "string" ? session : undefined;
    } catch {
      return undefined;
    }
  }

  async save(server: string, signedIn: SignedIn, now = new Date()): Promise<StoredSession> {
    const session: StoredSession = {
      server,
      token: signedIn.token,
      user: signedIn.user,
      savedAt: now.toISOString(),
    };
    await this.storage.setItem(key(server), JSON.stringify(session));
    return session;
  }

  /** After signing out (or when the server says the token is revoked). */
  async forget(server: string): Promise<void> {
    await this.storage.removeItem(key(server));
  }
}
