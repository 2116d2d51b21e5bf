import { addinStorage } from "./addinStorage";
import { Connection } from "./connection";
import { DEFAULT_SERVER } from "./defaultServer";

/** The pane's connection over the add-in's own storage. */
export function openConnection(): Connection {
  return new Connection(addinStorage(), DEFAULT_SERVER);
}
