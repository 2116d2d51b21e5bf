import type { Api } from "./api";
import { paths } from "./paths";
import type { SubmissionResponse } from "./types";

/**
 * The signed-in LAO's versions and returns in a round, or null when it has sent nothing there yet
 * (asked through its list of submissions, so a round without one is not a failed request).
 */
export async function loadMySubmission(
  api: Api,
  lao: string,
  round: string,
): Promise<SubmissionResponse | null> {
  const mine = await api.get<Array<{ round: string }>>(paths.mySubmissions);
  if (!mine.some((s) => s.round === round)) return null;
  return api.get<SubmissionResponse>(paths.submission(lao, round));
}
