import type { ApiClient } from "../../client";
import type { KeyValueStorage } from "../../client/storage";
import { canonicalJson, type Round } from "../../core";
import { knownRound } from "../../addin/roundRegistry";
import { keepRound } from "./storedRounds";

/**
 * Rounds as the collection server has them, brought to the pane once it is signed in: a round this
 * add-in does not know (a new year's round loaded after this release), and a known round the
 * national office loaded again (targets corrected from provisional ones). Each is kept in the
 * add-in's storage and registered, replacing the one known before, so the setup view offers it and
 * MINSTD.* functions score with what the server scores with, offline from then on.
 *
 * The server's revision of each round is remembered, so a round is fetched (about 60 KB; town halls
 * have slow lines) only when it is new here or loaded again there. Resolves with the rounds kept; a
 * round that cannot be read is skipped and asked for again next time.
 */

const revisionKey = (id: string): string => `minstd.roundRevision.${id}`;

export async function syncServerRounds(
  api: Pick<ApiClient, "rounds" | "round">,
  storage: Pick<KeyValueStorage, "getItem" | "setItem">,
): Promise<Round[]> {
  const kept: Round[] = [];
  for (const info of await api.rounds({ attempts: 2 })) {
    const known = knownRound(info.id);
    const seen = await storage.getItem(revisionKey(info.id));
    if (known && (info.revision === undefined || seen === String(info.revision))) continue;
    try {
      const { round } = await api.round(info.id, { attempts: 2 });
      if (!known || canonicalJson(known) !== canonicalJson(round)) kept.push(await keepRound(storage, round));
      if (info.revision !== undefined) await storage.setItem(revisionKey(info.id), String(info.revision));
    } catch {
      // Unreadable by this version, or the line dropped: asked for again next time.
    }
  }
  return kept;
}
