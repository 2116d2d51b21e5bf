import type { Status } from "../../core/rules/scoring";

/** The badge colour of each result, the same on every page of the web app. */
export const STATUS_COLOR: Record<Status, "success" | "warning" | "danger" | "informative" | "subtle"> = {
  pass: "success",
  below: "warning",
  "not-done": "danger",
  "no-service": "subtle",
  incomplete: "informative",
  invalid: "danger",
  reported: "informative",
};
