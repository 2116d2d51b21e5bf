/**
 * The English of the words core keeps in Thai (results, LAO types, progress, trends, changes, problems), each keyed like core's
 * Thai so a missing translation fails the build. Pure TypeScript: imports core's modules one by one
 * (never core's index, which carries the shipped rounds), no DOM, no Node; core never imports it.
 */
export * from "./results";
export * from "./laoTypes";
export * from "./reports";
export * from "./problems";
export * from "./formatting";
