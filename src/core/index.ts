/** The MinStd core: the assessment rules every other part uses. Pure TypeScript, no I/O. */
export * from "./laoTypes";
export * from "./vocabulary";
export * from "./thai";
export * from "./submissionWindow";
export * from "./problems";
export * from "./reading";
export * from "./round";
export * from "./compiledRound";
export * from "./scoring";
export * from "./ratio";
export * from "./summary";
export * from "./register";
export * from "./submission";
export * from "./inputPath";
export * from "./identifiers";
export * from "./reportProblems";
export * from "./limits";
export * from "./lineText";
export * from "./canonicalJson";
export * from "./submissionDiff";
export * from "./shippedRounds";
export * from "./roundRegistry";
export * from "./a1";
export * from "./layout";
export * from "./printSetup";
export * from "./textMetrics";
export * from "./portableFormulas";
export * from "./collectionWorkbook";
export * from "./yearOverYear";
export * from "./progress";
export * from "./workbookCheck";
export * from "./openData";
// Not re-exported: summarySheet and memo (import "core/summarySheet", "core/memo"), which the task pane
// loads only when an officer asks for them; re-exporting them here would put them in the pane's first bundle.
