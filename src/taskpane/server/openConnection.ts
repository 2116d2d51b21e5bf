import { addinStorage } from "./addinStorage";
import { Connection } from "./connection";

/**
 * The server address offered before the officer sets one: set when the add-in is built
 * (MINSTD_SERVER_URL; a development build offers the local collection server of `npm start`).
 */
export const DEFAULT_SERVER: string = process.env.MINSTD_SERVER_URL ?? "";

/** The pane's connection over the add-in's own storage. */
export function openConnection(): Connection {
  return new Connection(addinStorage(), DEFAULT_SERVER);
}
