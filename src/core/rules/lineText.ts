import { z } from "zod";
import { problemIssue, problems } from "./problems";
import type { LineTextName } from "./vocabulary";

/** C0 and DEL control characters: nobody types one into a name or a reason, and PostgreSQL can't store NUL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A one-line text a person types (a user's name, a device name, a reason): trimmed, not empty,
 * at most `max` characters, no control characters. Each refusal is one of core's problems, carried
 * by its issue (see problemIssue), so the boundary that shows it can add the English.
 */
export function lineTextSchema(max: number, what: LineTextName) {
  return (
    z
      .string()
      .trim()
      .refine((s) => s.length > 0, problemIssue(problems.textEmpty(what)))
      .refine((s) => s.length <= max, problemIssue(problems.textTooLong(what, max)))
      .refine((s) => !CONTROL.test(s), problemIssue(problems.textControlCharacter(what)))
      // The bounds the refinements keep, for the JSON Schema of the API's OpenAPI document.
      .meta({ minLength: 1, maxLength: max })
  );
}

/** A staff user's display name, as the server and `minstd admin user add` take it. */
export const userDisplayNameSchema = lineTextSchema(200, "user-name");
