import { LAO_TYPE_INFO } from "../../core/laoTypes";
import { PROGRESS_EN, type Progress } from "../../core/progress";
import { formatPercent, statusLabelEn } from "../../core/scoring";
import { bangkokParts, BE_OFFSET } from "../../core/thai";
import { trendLabel } from "../../core/yearOverYear";
import type { Messages } from "./th";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "31 Aug 2025 (B.E. 2568)": the Thai calendar day, with the Buddhist Era year officers know. */
function enDate(instant: Date): string {
  const p = bangkokParts(instant);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.yearBE - BE_OFFSET} (B.E. ${p.yearBE})`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export const en: Messages = {
  lang: "en",
  appTitle: "Minimum standards of public services: dashboard",
  appShort: "MinStd dashboard",
  languageButton: "ภาษาไทย",
  languageButtonLang: "th",
  languageButtonLabel: "ภาษาไทย — switch to Thai",

  signInTitle: "Sign in",
  signInIntro:
    "For province local administration offices and the ODLOC national office. Enter the one-time access code your administrator gave you.",
  codeLabel: "Access code",
  codeHint: "12 characters; case, spaces and dashes do not matter",
  sharedComputer: "This computer is shared (forget the sign-in when the tab closes)",
  signInButton: "Sign in",
  signingIn: "Signing in…",
  signOut: "Sign out",
  laoRoleRefused:
    "This code belongs to an LAO. LAO officers use MinStd in Excel; this dashboard is for province and national offices.",
  signedInAs: (name) => `Signed in: ${name}`,

  loading: "Loading…",
  retry: "Try again",
  errorTitle: "Could not load the data",
  sessionExpired: "Your sign-in has expired or was revoked. Sign in again with a new code.",
  networkError: "Cannot reach the server. Check the connection and try again.",

  roundLabel: "Round",
  roundOption: (r) => `${r.id} — ${r.title}`,
  nav: "Main menu",
  navNational: "National overview",
  navProvince: (name) => `${name} province`,
  back: "Back",

  deadlineTitle: "Deadline",
  closesAt: (text) => text,
  countdown: (d, h, m) => `${plural(d, "day")} ${plural(h, "hour")} ${plural(m, "minute")} left`,
  notOpenYet: (date) => `Not open yet: opens ${date}`,
  closed: "The window has closed",
  asOf: (text) => `Data as of ${text}`,

  provinceTitle: (name) => `LAOs of ${name} province`,
  progressTitle: "Submission status",
  progress: (p: Progress) => PROGRESS_EN[p],
  progressShort: { "not-started": "Not started", submitted: "Submitted", returned: "Returned", late: "Late" },
  progressCount: (n, total) => `${n} of ${total}`,
  resultsTitle: "Results summary",
  resultsOf: (n) => `Over ${plural(n, "LAO")} that submitted`,
  passRate: "Pass rate",
  percent: (p) => (p === null ? "-" : formatPercent(p * 100)),
  filtersTitle: "Filters",
  filterStatus: "Status",
  filterType: "LAO type",
  filterDistrict: "District",
  filterSearch: "Search (name, code or district)",
  filterAll: "All",
  clearFilters: "Clear filters",
  shown: (n, total) => `Showing ${n} of ${total}`,
  noMatch: "No LAO matches the filters",
  colCode: "LAO code",
  colName: "LAO",
  colType: "Type",
  colDistrict: "District",
  colStatus: "Status",
  colVersion: "Version",
  colSubmittedAt: "Last submitted",
  colPassRate: "Pass rate",
  typeName: (t) => LAO_TYPE_INFO[t].en,
  laoName: (t, name) => `${LAO_TYPE_INFO[t].th}${name}`,
  extended: (date) => `Extended to ${date}`,
  open: "Open",
  openSubmission: (name) => `Open what ${name} submitted`,
  version: (v) => String(v),
  digits: (n) => String(n),

  exportCsv: "Export CSV",
  exportXlsx: "Export Excel",
  exportHint: "The file follows the filters on screen",
  downloading: "Downloading…",

  nationalTitle: "National overview",
  completenessTitle: "Completeness by province",
  completenessChart: "Share of LAOs that submitted, by province",
  chartNote: "Lowest first (bar = submitted, including returned for correction)",
  colProvince: "Province",
  colRegistered: "LAOs in register",
  colSubmitted: "Submitted",
  colReturned: "Returned",
  colNotStarted: "Not started",
  colSubmittedPct: "% submitted",
  totals: "Whole country",
  drillHint: "Choose a province to list its LAOs and what they submitted",
  passRateTitle: "Share meeting the minimum target",
  by: "By",
  byIndicator: "Indicator",
  byArea: "Area",
  byType: "LAO type",
  byProvince: "Province",
  colIndicator: "Indicator",
  colArea: "Area",
  colAssessed: "Assessed",
  colPass: "Met",
  colBelow: "Below target",
  colNotDone: "Not carried out",
  colNoService: "No such service",
  passRateNote: "Pass rate = met ÷ (met + below target + not carried out); no-service results are left out",

  submissionTitle: (name) => `What ${name} submitted`,
  submissionMeta: (version, when, receipt) => `Version ${version}, submitted ${when}, receipt ${receipt}`,
  stateReturned: "Returned for correction: waiting for the LAO's next version",
  notSubmitted: "This LAO has not submitted in this round",
  colMission: "Public service",
  colCriterion: "Indicator",
  colTarget: "Target",
  colBase: "Base (1)",
  colServed: "Served (2)",
  colPercent: "(2) vs (1) %",
  colResult: "Result",
  colPrevious: "Previous year",
  provisionalMark: "*",
  provisionalNote: "* provisional target, no official source yet",
  statusLabel: (s, round) => statusLabelEn(s, round),
  previous: (year, label, value) => `B.E. ${year}: ${value === null ? label : `${value} (${label})`}`,
  trend: (t, delta) => trendLabel(t, delta, "en"),
  noPrevious: "no earlier result",
  yoyNote: "Previous year: the same indicator in an earlier round, as linked in the round data",
  areaHeading: (form, title) => `Form ${form} ${title}`,
  downloadSummary: "Download summary (Excel)",
  downloadMemo: "Download draft memo (Word)",
  returnTitle: "Return for correction",
  returnIntro:
    "Comment only on the indicators to correct. The LAO sees the comments in Excel and sends a new version.",
  commentFor: (form, no) => `Comment on form ${form} indicator ${no}`,
  noteLabel: "Note to the LAO",
  returnButton: "Return for correction",
  returnNeedsComment: "Give at least one comment or a note",
  returnDone: "Returned for correction",
  returnsTitle: "Returns",
  returnedBy: (who, when, version) => `Version ${version} returned by ${who} on ${when}`,
  indicatorRef: (form, no) => `Form ${form} item ${no}`,
  comment: "Comment",
  onlyProvinceReturns: "Only the province office can return a submission",
  thaiDate: (d) => enDate(d),
  dateTime: (d) => {
    const p = bangkokParts(d);
    return `${enDate(d)} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  },
};
