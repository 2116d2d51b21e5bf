import type { OpenDataEnglish } from "../core/reports/openData";

/**
 * The English of the open data's dictionary (core's openDataDictionary keeps the Thai): a field
 * without its meaning in English fails the build.
 */
export const OPEN_DATA_EN: OpenDataEnglish = {
  title: "public LAO minimum-standard results",
  row: "one row per LAO and round",
  formulaGuard: "text starting with = + - @ gets a leading apostrophe",
  fields: {
    round: "round id",
    roundYear: "assessment year (Buddhist Era)",
    laoCode: "7-digit LAO code (DLA)",
    laoName: "LAO name with its type",
    laoType: "LAO type (code)",
    laoTypeTh: "LAO type, in Thai",
    provinceCode: "province code",
    provinceTh: "province, in Thai",
    provinceEn: "province, in English",
    districtCode: "district code",
    districtTh: "district, in Thai",
    version: "version submitted (the latest)",
    receiptNumber: "receipt number",
    receivedAt: "when the server received the version (ISO 8601, Thai time)",
    publicBecause:
      "why it is public: window-closed = the submission window has closed, published = the LAO published it",
    indicators: "indicators assessed",
    pass: "indicators that met the minimum target",
    below: "below the target (for future development)",
    notDone: "not done",
    noService: "no such public service (left out of the pass rate)",
    incomplete: "not filled in",
    invalid: "invalid data",
    assessed: "indicators that count (pass + below + not done)",
    passRate: "pass rate = pass ÷ assessed × 100 (2 decimals; empty when nothing is assessed)",
    complete: "every indicator filled in and valid (true/false)",
    pageUrl: "address of this LAO's results page",
  },
};
