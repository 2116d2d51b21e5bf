import type { Round } from "./round";

/**
 * Reads the data of a round that ships with MinStd, in the add-in's bundles: the build checked it
 * with the round schema (scripts/webpack/roundDataLoader.js) and bundled the checked round, its
 * defaults filled in, so the pane and the MINSTD.* functions start without the schema library.
 */
export function readShippedRound(data: unknown): Round {
  return data as Round;
}
