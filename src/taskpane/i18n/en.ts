import { formatPercent } from "../../core";
import { enDate, LAO_TYPE_EN, PASS_RATE_RULE_TEXT, plural, RESULT_WORDS_EN, trendLabelEn } from "../../i18n";
import { announcedCounts, filterLabels } from "./resultWords";
import { submitEn } from "./submitEn";
import type { Messages } from "./th";

export const en: Messages = {
  lang: "en",
  appTitle: "MinStd minimum standards of public services",
  languageButton: "ภาษาไทย",
  languageButtonLang: "th",
  languageButtonLabel: "ภาษาไทย — switch to Thai",

  outsideTitle: "Open in Excel to use MinStd",
  outsideBrowser: "This page is a Microsoft Excel add-in, so it cannot be used in a web browser on its own.",
  outsideOtherHost: (host) => `This add-in works in Excel only, but it is open in ${host}.`,
  outsideHowTo:
    "Open the collection workbook in Excel (Windows, Mac or Excel on the web) and choose MinStd on the Home tab.",
  lackingTitle: "This Excel cannot run the MinStd pane",
  lackingWhichExcel:
    "The MinStd pane and the MINSTD.* formulas need Microsoft 365, Excel 2021 or Excel 2024, or Excel on the web — perpetual Office 2016 and 2019 and Excel on iPad cannot run them.",
  lackingMissingHeading: "What this Excel lacks",
  requirementText: {
    sharedRuntime: "running the pane together with the MINSTD.* formulas from when the workbook opens",
    customFunctions: "the MINSTD.* formulas that calculate each result cell",
    workbookApi: "building the collection workbook and following what is typed into its sheets",
    commentsApi: "the province's comments as comments on their cells",
    notesApi: "the province's comments as notes on their cells",
  },
  requirementSetName: (name, version) => `(${name} ${version})`,
  lackingOtherWaysHeading: "Two other ways to fill in and submit",
  lackingWorkbookTitle: "Fill in the collection workbook alone",
  lackingWorkbookBody:
    "The collection workbook calculates the official results with ordinary formulas, so it can be filled in in Excel 2010 or later, LibreOffice, WPS Office or Google Sheets without MinStd (the province office provides the file if you do not have it).",
  lackingUploadTitle: "Upload the file on the web",
  lackingUploadBody:
    "Open the collection server's /dashboard/ web page (the address the province gave with the access code), sign in with the LAO's access code and upload the filled-in file: it is checked and receipted as from the pane.",
  lackingUploadAddress: "The web page for uploading:",
  lackingCli: "Operators can also submit the file with the command minstd submit.",

  loadingWorkbook: "Reading the collection workbook…",
  readFailed: "Could not read the collection workbook",
  retry: "Try again",
  errorDetail: (detail) => `Details: ${detail}`,

  setupTitle: "Create the collection workbook",
  setupIntro:
    "This workbook is still empty. Choose the LAO and the assessment round, then press Create: the data-entry sheets are built for you.",
  laoLabel: "LAO (search by name or 7-digit LAO code)",
  laoPlaceholder: "e.g. คลองท่อมเหนือ or 6810403",
  laoHint: "Type the LAO's, district's or province's name, then pick from the list",
  loadingRegister: "Loading the LAO register…",
  noLaoMatch: (query) => `No LAO matches “${query}” — try a shorter name, or type the LAO code`,
  laoMatchCount: (shown, limit) =>
    shown >= limit ? `Showing the first ${shown} — type more to narrow down` : `${plural(shown, "match")}`,
  laoTypeName: (type) => LAO_TYPE_EN[type],
  laoCode: "LAO code",
  laoType: "Type",
  district: "District",
  province: "Province",
  laoSelected: "Selected LAO",
  roundLabel: "Assessment round",
  chooseLaoFirst: "Choose the LAO first, then the round",
  noRoundForType: (type) => `There is no assessment round for ${LAO_TYPE_EN[type]} yet`,
  roundWindow: (opens, closes, provisional) =>
    `Open ${enDate(opens)} – ${enDate(closes)}${provisional ? " (provisional dates)" : ""}`,
  createButton: "Create the collection workbook",
  creating: "Creating the collection workbook…",
  createFailed: "Could not create the collection workbook — nothing in the workbook was removed; try again",

  unknownRound: (id) =>
    `This workbook was made for assessment round “${id}”, which this version of MinStd does not know — update the add-in and reopen it`,
  unknownLao: (code) => `LAO code “${code}” is not in the LAO register — check the LAO code in the workbook`,
  typeNotCovered: (type, round) =>
    `Round ${round} does not assess ${LAO_TYPE_EN[type]} — create a new collection workbook in an empty workbook`,
  tabsLabel: "View",
  tabIndicators: "Indicators",
  tabSummary: "Summary",

  filterGroupLabel: "Show by result",
  filterLabels: filterLabels("en"),
  searchLabel: "Search indicators",
  searchPlaceholder: "Text or id, e.g. 2568-1-01",
  noIndicatorsMatch: "No indicator matches the filter or the search",
  shownCount: (shown, total) => `Showing ${shown} of ${plural(total, "indicator")}`,
  valueLabel: "Result",
  targetLabel: "Target",
  guidanceLabel: "How to fill in (in Thai)",
  notEntered: "Not filled in",
  yes: "Yes",
  no: "No",
  provisionalMark: "provisional target",
  provisionalNote: "* Provisional target: no official source yet; results against it are indicative only.",
  areaHeading: (form, title) => `Form ${form}: ${title}`,
  areaCounts: (pass, assessed, total) =>
    `${pass} of ${assessed} assessed met · ${plural(total, "indicator")}`,
  goToCell: (sheet, cell) => `Go to cell ${cell} on sheet ${sheet}`,
  noCell: "This indicator's row was not found in the workbook",
  selectFailed: "Could not select the cell in Excel",
  workbookProblemsTitle: "To fix in the workbook",
  toFillTitle: "Not filled in yet",
  toFill: (count, sheet) =>
    `${plural(count, "cell")} of sheet ${sheet} (basic data and the preparer) not filled in yet — fill them in before submitting`,
  goToFirstToFill: "Go to the first empty one",
  statusLabel: (status, round) => RESULT_WORDS_EN[status].official(round),
  pick: (_thai, english) => english,

  overallTitle: "Overall",
  passRate: (rate) => (rate === null ? "Nothing assessed yet" : `${formatPercent(rate * 100)}% met`),
  passOfAssessed: (pass, assessed) => `${pass} of ${plural(assessed, "assessed indicator")} met`,
  passRateBarLabel: (title) => `Pass rate: ${title}`,
  passRateExplain: PASS_RATE_RULE_TEXT.en,
  incompleteWarning: (count) => `${plural(count, "indicator")} still to fill in or fix`,
  completeNote: "Every indicator is filled in",
  insertSummary: "Insert summary sheet",
  insertSummaryHint:
    "Adds a sheet with the results table as the official system prints it, and a chart of pass rate by area",
  insertingSummary: "Inserting the summary sheet…",
  summaryInserted: (sheet) => `Sheet “${sheet}” inserted`,
  insertFailed: "Could not insert the summary sheet",

  deadlineTitle: {
    "not-open": "Not open yet",
    info: "Submission deadline",
    warning: "Deadline approaching",
    danger: "Closing soon",
    closed: "Closed",
  },
  deadlineText: (notice) => {
    const close = `${enDate(notice.closesDay)} at 24:00 Thai time`;
    switch (notice.tone) {
      case "not-open":
        return `Opens ${enDate(notice.opensDay)}, closes ${close} — you can fill in the data already`;
      case "closed":
        return `Closed on ${close}`;
      default:
        return notice.daysLeft === 1
          ? `Closes ${close} — today is the last day`
          : `Closes ${close} — ${plural(notice.daysLeft, "day")} left`;
    }
  },
  deadlineProvisional: "(provisional dates: no official letter yet)",

  announce: (counts, total) => `${announcedCounts(counts, "en")} of ${plural(total, "indicator")}`,

  memoTitle: "Draft memo reporting the results (.docx)",
  memoIntro:
    "The memo to the LAO's executives reporting the assessment, in the form LAOs use, from this workbook as it is now (no need to submit or be online first). Edit it in Word, then present it for signature.",
  memoDepartment: "Office (ส่วนราชการ)",
  memoReference: "Reference number (ที่)",
  memoReferenceHint: "May be left empty, to write the number by hand",
  memoTo: "To (เรียน)",
  memoSignerName: "Signer's name",
  memoSignerNameHint: "May be left empty: a line is left to write the name by hand",
  memoSignerPosition: "Signer's position",
  memoDefaultNote: "A field cleared to empty takes the memo's default text",
  memoDate: (date) => `Dated ${enDate(date)} (today); can be changed in Word`,
  memoDownload: "Download the draft memo",
  memoDownloading: "Making the draft memo…",
  memoDownloaded: (file) => `File “${file}” made — look in this computer's Downloads folder`,
  memoFailed:
    "Could not make the draft memo — press Retry; if it fails again, close and reopen the MinStd pane",
  memoHostHint:
    "Downloads work in Excel on Windows and Excel on the web; Excel on Mac and iPad do not let add-ins download files",
  memoBlockedTitle: "Excel on Mac and iPad do not let add-ins download files",
  memoBlockedBody:
    "Open this workbook in Excel on the web and download from this pane there, or submit and download the draft memo from the dashboard",

  yoyTitle: "Compared with earlier years",
  yoySignInHint:
    "Sign in to the collection server in Settings to see the same indicators' earlier results beside this workbook's",
  yoyLoading: "Loading earlier results from the server…",
  yoyFailed: "Could not load the earlier results — check the internet connection and press Retry",
  yoyOtherWorkbook: (lao, round) =>
    `The earlier results received are LAO ${lao}'s in round ${round}, not this workbook's — sign in with the access code of this workbook's LAO`,
  yoyNotLinked:
    "No indicator of this round continues one of an earlier round, so there is nothing to compare",
  yoyNoEarlier: "This LAO has no earlier result for the same indicators",
  yoyCounts: (counts) =>
    `better ${counts.better} · worse ${counts.worse} · unchanged ${counts.same} · not comparable ${counts["not-comparable"]}`,
  yoyLine: (year, before, now) => `Earlier (B.E. ${year}): ${before} → now: ${now}`,
  yoyWithoutEarlier: (count) => `${plural(count, "more indicator")} without an earlier result`,
  trendLabel: (trend, delta) => trendLabelEn(trend, delta),
  yoyNote:
    "This workbook's results now against the LAO's latest submitted result in an earlier round, for the indicators the round data links to an earlier one",
  ...submitEn,
};
