import type { ApiClient } from "../../client";
import { knownRounds, type Round } from "../../core";
import { keepRound, type RoundStorage } from "./storedRounds";

/**
 * Rounds the collection server holds that this add-in does not know (a new year's round loaded
 * after this release): fetched when the pane is signed in, kept in the add-in's storage and
 * registered, so the setup view offers them and MINSTD.* functions score them offline from then
 * on. Only unknown ids are fetched (a round is about 60 KB; town halls have slow lines). Resolves
 * with the rounds kept; a round that cannot be read is skipped and asked for again next time.
 */
export async function syncServerRounds(
  api: Pick<ApiClient, "rounds" | "round">,
  storage: Pick<RoundStorage, "setItem">,
): Promise<Round[]> {
  const known = new Set(knownRounds().map((r) => r.id));
  const kept: Round[] = [];
  for (const info of await api.rounds({ attempts: 2 })) {
    if (known.has(info.id)) continue;
    try {
      kept.push(await keepRound(storage, (await api.round(info.id, { attempts: 2 })).round));
    } catch {
      // Unreadable by this version, or the line dropped: asked for again next time.
    }
  }
  return kept;
}
