import type { LaoRegister, Round } from "../core";
import type { Database } from "./db/adapter";
import { countLaos, upsertLaos } from "./queries/laos";
import { insertRoundIfAbsent } from "./queries/rounds";
import { getSetting, putSetting } from "./queries/settings";
import { sha256 } from "./secrets";

const SEED_LOCK = 620_002;

/**
 * Brings the reference data in: the LAO register when its content changed, and every known round
 * that the database does not have yet (a round an admin loaded or re-windowed is never overwritten).
 */
export async function seedReferenceData(
  db: Database,
  register: LaoRegister,
  rounds: readonly Round[],
): Promise<{ laos: number; roundsAdded: string[] }> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK]);
    const hash = sha256(JSON.stringify(register.all));
    if ((await getSetting(tx, "registerHash")) !== hash) {
      await upsertLaos(tx, register.all);
      await putSetting(tx, "registerHash", hash);
    }
    const roundsAdded: string[] = [];
    for (const round of rounds) if (await insertRoundIfAbsent(tx, round)) roundsAdded.push(round.id);
    return { laos: await countLaos(tx), roundsAdded };
  });
}
