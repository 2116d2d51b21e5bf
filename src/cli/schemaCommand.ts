import { roundJsonSchema, submissionJsonSchema } from "../core";
import { json, UsageError, type Output } from "./output";

export function schema(which: string, io: Output): number {
  if (which === "round") io.out(json(roundJsonSchema()));
  else if (which === "submission") io.out(json(submissionJsonSchema()));
  else
    throw new UsageError(
      `ใช้ minstd schema round หรือ minstd schema submission / use round or submission (not “${which}”)`,
    );
  return 0;
}
