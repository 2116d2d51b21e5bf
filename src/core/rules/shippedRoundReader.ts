import { parseRound, type Round } from "./round";

/**
 * Reads the data of a round that ships with MinStd: checks it with the round schema. The add-in's
 * bundles use shippedRoundReader.checked.ts instead (webpack.config.js), whose build has checked it.
 */
export function readShippedRound(data: unknown): Round {
  return parseRound(data);
}
