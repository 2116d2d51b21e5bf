import {
  bangkokStartOfDay,
  daysLeft,
  windowState,
  type SubmissionWindow,
  type WindowState,
} from "../../core";

/**
 * How loudly the deadline banner speaks: calm while there is time, a warning in the last two
 * weeks, an alarm in the last three days (the official system closes at 24:00 on the last day).
 */
export type DeadlineTone = "not-open" | "info" | "warning" | "danger" | "closed";

export const WARNING_DAYS = 14;
export const DANGER_DAYS = 3;

export interface DeadlineNotice {
  readonly tone: DeadlineTone;
  readonly state: WindowState;
  /** Whole days left, today counted while some of it remains: 1 on the last day, 0 once closed. */
  readonly daysLeft: number;
  /** 00:00 Thai time of the first day of the window. */
  readonly opensDay: Date;
  /** 00:00 Thai time of the last day; the window closes at 24:00 of that day. */
  readonly closesDay: Date;
  /** The dates are a placeholder until the official letter is known. */
  readonly provisional: boolean;
}

export function deadlineNotice(
  window: SubmissionWindow & { readonly provisional?: boolean },
  now: Date,
): DeadlineNotice {
  const state = windowState(window, now);
  const days = daysLeft(window, now);
  const tone: DeadlineTone =
    state !== "open" ? state : days <= DANGER_DAYS ? "danger" : days <= WARNING_DAYS ? "warning" : "info";
  return {
    tone,
    state,
    daysLeft: state === "open" ? days : 0,
    opensDay: bangkokStartOfDay(window.opens),
    closesDay: bangkokStartOfDay(window.closes),
    provisional: window.provisional === true,
  };
}
