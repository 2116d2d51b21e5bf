import type { LaoType } from "../../core/rules/laoTypes";
import { DIFF_WORDS_EN, fieldNameEn } from "../../i18n";
import type { ChecklistItemId } from "../view/submitChecklist";
import type { submitTh } from "./submitTh";

const when = (iso: string): string =>
  new Date(iso).toLocaleString("en-GB", {
    timeZone: "Asia/Bangkok",
    dateStyle: "medium",
    timeStyle: "short",
  });

/** The pane's English texts for the server: settings, sign-in and submitting (spread into en). */
export const submitEn: { readonly [K in keyof typeof submitTh]: (typeof submitTh)[K] } = {
  tabSubmit: "Submit",
  deadlineExtended: "(the province extended it for this LAO)",
  tabSettings: "Settings",
  tabSubmitBadge: (what) => ({ returned: "returned", waiting: "waiting", held: "needs you" })[what],

  settingsTitle: "Server connection",
  settingsIntro:
    "Sign in once per computer with the access code from the provincial office. The sign-in is kept by the add-in on this computer, never in the Excel file, so the file can be emailed safely.",
  serverLabel: "Server address",
  serverHint: "e.g. https://minstd.example.go.th",
  codeLabel: "Access code (one-time)",
  codeHint: "Type it as received; upper or lower case both work",
  serverMissing: "Type the server address, e.g. https://minstd.example.go.th",
  codeMissing: "Type the access code from the provincial office",
  insecureServer:
    "Warning: this address uses plain http; the data and the sign-in cross the network unencrypted. Use https if you can.",
  signIn: "Sign in",
  signingIn: "Signing in…",
  signInFailed: "Could not sign in",
  signedInAs: (name) => `Signed in: ${name}`,
  signedInServer: (server) => `Server ${server}`,
  signedInSince: (iso) => `since ${when(iso)}`,
  signOut: "Sign out on this computer",
  signingOut: "Signing out…",
  signedOut:
    "Signed out. Versions waiting to be sent are kept on this computer and sent after the next sign-in.",
  signedOutOffline:
    "The sign-in was removed from this computer, but the server could not be reached to revoke it — if you worry someone else may use it, ask the province to revoke this computer's sign-in.",
  notLaoUser: (role) =>
    `This user is ${role}, not an LAO officer — only an LAO's access code can submit from Excel.`,
  loadingConnection: "Reading the settings…",

  submitTitle: "Submit to the province",
  needSignIn: "Sign in before submitting",
  sessionLost:
    "The server no longer accepts this computer's sign-in (expired or revoked) — ask the province for a new access code; versions not yet sent are kept on this computer.",
  needSignInBody:
    "Everything typed in the workbook stays as it is. Sign in with the access code from the province, then come back to submit.",
  goToSettings: "Go to settings",
  otherLao: (signedIn, workbook) =>
    `This computer is signed in as LAO ${signedIn}, but this workbook is LAO ${workbook}'s — sign out, then sign in with LAO ${workbook}'s access code.`,
  checklistTitle: "Ready to submit?",
  checklistItem: (id: ChecklistItemId) =>
    ({
      indicators: "Every indicator entered",
      invalid: "No invalid cell",
      basic: "Basic data (form 1) complete",
      preparer: "Preparer's name, position and phone given",
    })[id],
  checklistCount: (n) => `${n} item${n === 1 ? "" : "s"}`,
  checklistMore: (n) => `and ${n} more`,
  notReady: "Not ready to submit — fix or fill in what is listed above, then submit.",

  changesTitle: "What changed since the last version sent",
  changesFirst: "Nothing sent yet — this will be version 1",
  changesAgainst: (version) => `Compared with version ${version}`,
  changesNone: "Nothing changed since the last version sent",
  changesUnknown:
    "Cannot compare with the last version now (the server cannot be reached) — you can still submit",
  changesCount: (n: number) => DIFF_WORDS_EN.count(n),
  changeEmpty: DIFF_WORDS_EN.empty,
  fieldName: (field: string, type: LaoType) => fieldNameEn(field, type) ?? field,

  submitButton: "Submit",
  resubmitButton: "Submit the corrected version",
  submitHint: (version) => `Will be sent as version ${version}`,
  progress: (step) =>
    ({
      saving: "Saving the data on this computer…",
      sending: "Sending…",
      waiting: "Network trouble, trying again…",
      "writing-receipt": "Receipt received, writing it into the workbook…",
    })[step],
  retryIn: (attempt, seconds) => `Attempt ${attempt} failed; trying again in ${seconds} s`,

  acknowledgedTitle: "Submitted — the server has it",
  unchangedTitle: (version) => `Same data as version ${version}, already sent — nothing sent again`,
  receiptWritten: (sheet) => `The receipt is written on sheet “${sheet}” — save the workbook to keep it`,
  receiptSheetFailed:
    "Could not write the receipt into the workbook (the receipt is safe on the server and in this pane)",
  writeReceiptAgain: "Write the receipt again",
  queuedTitle: "Not at the server yet — kept on this computer",
  queuedBody:
    "Nothing is lost. It is sent by itself once the server can be reached, also the next time Excel opens. You can close Excel.",
  sendNow: "Try now",
  heldTitle: "The server did not accept this version — kept on this computer for you to decide",
  heldCreated: (iso) => `Version submitted ${when(iso)}`,
  heldResubmit: "Send it in place of the latest version",
  heldRetry: "Send again",
  heldDiscard: "Discard this version",
  heldDiscardConfirm: "Confirm: discard it (the workbook is untouched)",
  refusedTitle: "Could not submit",
  reload: "Check the status again",
  offline: "The server cannot be reached now",

  returnedTitle: (version) => `The province returned version ${version} for correction`,
  returnedBy: (who, at) => `by ${who}, ${at}`,
  returnedHint:
    "The comments are also notes on the cells. Fix them, then “Submit the corrected version”: it becomes the next version.",

  receiptTitle: "Latest receipt",
  historyTitle: "Versions sent",
  historyVersion: (version) => `Version ${version}`,
  historyEmpty: "Nothing sent for this round yet",
  stateSubmitted: "submitted",
  stateReturned: "returned for correction",
  waitingCount: (n) => `${n} version${n === 1 ? "" : "s"} waiting (kept on this computer)`,
};
