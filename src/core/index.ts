/** The MinStd core: the assessment rules every other part uses. Pure TypeScript, no I/O. */
export * from "./rules/laoTypes";
export * from "./rules/vocabulary";
export * from "./calendar/thai";
export * from "./calendar/submissionWindow";
export * from "./rules/problems";
export * from "./rules/reading";
export * from "./rules/round";
export * from "./rules/compiledRound";
export * from "./rules/scoring";
export * from "./rules/summary";
export * from "./rules/register";
export * from "./rules/submission";
export * from "./rules/inputPath";
export * from "./rules/identifiers";
export * from "./workbook/reportProblems";
export * from "./rules/limits";
export * from "./rules/lineText";
export * from "./rules/canonicalJson";
export * from "./reports/submissionDiff";
export * from "./rules/shippedRounds";
export * from "./workbook/a1";
export * from "./workbook/spec";
export * from "./workbook/workbookNames";
export * from "./workbook/styles";
export { AREA_COL } from "./workbook/sheets/areaColumns";
export { META_CELLS, type MetaKey } from "./workbook/sheets/metaSheet";
export * from "./workbook/formulaText";
export * from "./workbook/layout";
export * from "./workbook/printSetup";
export * from "./workbook/textMetrics";
export * from "./workbook/portableFormulas";
export * from "./workbook/collectionWorkbook";
export * from "./reports/yearOverYear";
export * from "./reports/progress";
export * from "./workbook/workbookCheck";
export * from "./reports/openData";
// Not re-exported: summarySheet and memo (import "core/reports/summarySheet", "core/reports/memo"), which the task pane
// loads only when an officer asks for them; re-exporting them here would put them in the pane's first bundle.
