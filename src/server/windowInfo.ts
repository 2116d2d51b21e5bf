import {
  bangkokStartOfDay,
  daysLeft,
  describeClose,
  formatThaiDate,
  toBangkokIso,
  windowClosesAt,
  windowOpensAt,
  windowState,
  type SubmissionWindow,
} from "../core";
import { problems } from "./problems";

/** A window as clients show it: its days, the exact instants in Thai time, and where it stands now. */
export function windowInfo(w: SubmissionWindow & { extended?: boolean }, now: Date) {
  return {
    opens: w.opens,
    closes: w.closes,
    opensAt: toBangkokIso(windowOpensAt(w)),
    closesAt: toBangkokIso(windowClosesAt(w)),
    state: windowState(w, now),
    daysLeft: daysLeft(w, now),
    closesTh: describeClose(w),
    ...(w.extended !== undefined && { extended: w.extended }),
  };
}

/** Refuses a submission outside the window, with the day it opens or closed, in Thai. */
export function requireOpen(w: SubmissionWindow, now: Date): void {
  const state = windowState(w, now);
  if (state === "closed") throw problems.windowClosed(describeClose(w), toBangkokIso(windowClosesAt(w)));
  if (state === "not-open")
    throw problems.windowNotOpen(
      `${formatThaiDate(bangkokStartOfDay(w.opens))} เวลา ๐๐.๐๐ น.`,
      toBangkokIso(windowOpensAt(w)),
    );
}
