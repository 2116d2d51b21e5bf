/** The MinStd core: the assessment rules every other part uses. Pure TypeScript, no I/O. */
export * from "./laoTypes";
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
export * from "./canonicalJson";
export * from "./submissionDiff";
export * from "./shippedRounds";
export * from "./roundRegistry";
export * from "./a1";
export * from "./layout";
export * from "./collectionWorkbook";
// Not re-exported: summarySheet (import "core/summarySheet"), which the task pane loads only when an
// officer inserts the summary sheet; re-exporting it here would put it in the pane's first bundle.
