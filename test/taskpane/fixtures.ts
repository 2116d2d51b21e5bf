/** Test data for the task pane: the real register and rounds, and a 2568 workbook with one indicator per result. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  compileRound,
  evaluateSubmission,
  LaoRegister,
  parseRegisterCsv,
  shippedRound,
  type Round,
  type SubmissionDocument,
} from "../../src/core";
import { buildSummarySheet, type SummarySheetModel } from "../../src/core/reports/summarySheet";
import { problemEn } from "../../src/i18n/problems";

export const REGISTER_CSV = readFileSync(join(__dirname, "../../data/lao-registry.csv"), "utf8");

let register: LaoRegister | undefined;
/** The real DLA register (7,849 LAOs), parsed once per test file. */
export function testRegister(): LaoRegister {
  register ??= new LaoRegister(parseRegisterCsv(REGISTER_CSV));
  return register;
}

export function round(id: "2563" | "2564" | "2565" | "2566" | "2567" | "2568"): Round {
  return shippedRound(id)!;
}

/** เทศบาลตำบลคลองท่อมใต้, อ.คลองท่อม จ.กระบี่ (an อบต. of the same name is 6810408). */
export const KHLONG_THOM_TAI_TOWN = "5810401";

/**
 * A filled-in 2568 workbook: pass 2, below 2, no-service 1, not-done 1, incomplete 3, invalid 1.
 * Pass rate: area 1 = 1/2, area 2 = 0/2, area 3 = 1/1, overall 2/5.
 */
export function document2568(): SubmissionDocument {
  return {
    round: "2568",
    lao: KHLONG_THOM_TAI_TOWN,
    values: {
      "2568-1-01": { value: 3 }, // count ≥ 2: pass
      "2568-1-02": { base: 100, served: 70 }, // 70% < 80: below
      "2568-2-01": { base: 0, served: null }, // (1) = 0: no service
      "2568-2-02": { value: "-" }, // not done
      "2568-2-03": { value: null }, // incomplete
      "2568-2-04": { base: "๑๐", served: "12abc" }, // invalid (2)
      "2568-2-05": { value: 0 }, // 0 < 1: below
      "2568-3-01": { base: "1,000", served: "๒๐" }, // 2% ≥ 1: pass
      "2568-3-02": { value: null },
      "2568-3-03": { value: null },
    },
  };
}

/** When document2568's summary is taken, as its printouts say: 20 สิงหาคม 2568 เวลา 14.30 น. */
export const SUMMARY_TAKEN = new Date("2025-08-20T14:30:00+07:00");

/** The summary sheet of a document of a shipped round, checked with core's rules as the pane, the CLI and the server do. */
export function summaryOf(document: SubmissionDocument, takenAt: Date = SUMMARY_TAKEN): SummarySheetModel {
  const compiled = compileRound(shippedRound(document.round)!);
  const lao = testRegister().get(document.lao)!;
  return buildSummarySheet(
    compiled,
    lao,
    document,
    evaluateSubmission(document, compiled, lao, problemEn),
    takenAt,
  );
}
