import {
  indicatorsFor,
  MAX_CELL_TEXT,
  type CompiledRound,
  type Lao,
  type SubmissionDocument,
} from "../../src/core";

/**
 * Complete submission documents for tests and the load benchmark: every indicator the LAO's type
 * is assessed on gets a value, varied by `seed` so results differ between LAOs (pass, below,
 * no service, not done all occur).
 */
export function completeDocument(compiled: CompiledRound, lao: Lao, seed = 0): SubmissionDocument {
  const values: SubmissionDocument["values"] = {};
  indicatorsFor(compiled, lao.type).forEach((ind, i) => {
    const k = (seed * 31 + i * 7) % 20;
    switch (ind.def.kind) {
      case "ratio":
        values[ind.def.id] =
          k === 0 ? { base: 0 } : k === 1 ? { base: 40, served: "-" } : { base: 100 + k, served: 40 + k * 3 };
        break;
      case "satisfaction":
        values[ind.def.id] = { base: 200, served: 120 + k * 4 };
        break;
      case "count":
        values[ind.def.id] = { value: k % 6 };
        break;
      case "yesno":
        values[ind.def.id] = { value: k % 3 === 0 ? "ไม่มี" : "มี" };
        break;
    }
  });
  return {
    round: compiled.round.id,
    lao: lao.code,
    values,
    basic: {
      population: 10000 + seed,
      households: 3000 + seed,
      villages: 12,
      budget: "85,000,000",
      preparer: { name: "นางสาวทดสอบ ใจดี", position: "นักวิเคราะห์นโยบายและแผน", phone: "039-000000" },
    },
  };
}

/**
 * `document` grown to at least `bytes` of JSON with text that is valid cell by cell (each at most
 * MAX_CELL_TEXT long) under extra indicator ids, as a workbook pasted full of text would be: large
 * as a whole, not refused for any one field.
 */
export function padded(document: SubmissionDocument, bytes: number): SubmissionDocument {
  const text = "ก".repeat(MAX_CELL_TEXT);
  const values = { ...document.values };
  const per = 2 * Buffer.byteLength(JSON.stringify(text));
  for (let i = 0; i * per < bytes; i++) values[`${document.round}-pad-${i}`] = { base: text, served: text };
  return { ...document, values };
}
