/**
 * The HTTP API's contract (/api/v1): the schema of every request and answer body, and the problem
 * codes with their statuses. The server validates and types with these and its OpenAPI document is
 * made from them; the client checks answers with them; the web app and the task pane take their
 * types from here. Pure: core and zod only (lint-enforced).
 */
export * from "./audits";
export * from "./common";
export * from "./dashboards";
export * from "./firstScreen";
export * from "./laoAccess";
export * from "./problems";
export * from "./publications";
export * from "./reports";
export * from "./rounds";
export * from "./sessions";
export * from "./submissions";
export * from "./users";
export * from "./workbooks";
