/**
 * The English of the words core keeps in Thai (results, fields, LAO types, progress, trends, changes, open data, problems), each keyed like core's
 * Thai so a missing translation fails the build. Pure TypeScript: imports core's modules one by one
 * (never core's index, which carries the shipped rounds), no DOM, no Node; core never imports it.
 */
export * from "./results";
export * from "./fields";
export * from "./laoTypes";
export * from "./reports";
export * from "./openData";
export * from "./problems";
export * from "./issues";
export * from "./formatting";
