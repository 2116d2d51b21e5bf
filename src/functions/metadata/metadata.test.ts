import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import golden from "../functions.golden.json";
import type { FunctionsMetadata } from "./functionsJson";
import { localiseMetadata, MetadataTranslationError } from "./localise";
import { THAI_FUNCTION_TEXT } from "./thai";

const FUNCTIONS_TS = resolve(__dirname, "../functions.ts");
const THAI = /[\u0e01-\u0e5b]/;

let generated: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([FUNCTIONS_TS], true);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as FunctionsMetadata;
});

/** What a formula depends on: ids, names, parameters in order with their types and optional flags, result types, options. */
function signatures(metadata: FunctionsMetadata): unknown {
  return metadata.functions.map((f) => ({
    id: f.id,
    name: f.name,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      type: p.type ?? "any",
      optional: p.optional ?? false,
      dimensionality: p.dimensionality ?? "scalar",
      repeating: p.repeating ?? false,
    })),
    result: { type: f.result.type ?? "any", dimensionality: f.result.dimensionality ?? "scalar" },
    options: f.options ?? {},
  }));
}

const UPDATE_HINT =
  "functions.ts changed what officers' formulas depend on. If that is intended, update the golden copy: " +
  "npx custom-functions-metadata generate src/functions/functions.ts src/functions/functions.golden.json && npx prettier --write src/functions/functions.golden.json";

describe("functions.json generated from the JSDoc of functions.ts", () => {
  it("keeps the ids, parameters, optional flags and result types of the checked-in copy", () => {
    // A failure here means existing workbooks' formulas would change meaning or break.
    expect(signatures(generated)).toEqual(signatures(golden as FunctionsMetadata));
  });

  it("is the checked-in copy, descriptions included", () => {
    if (JSON.stringify(generated) !== JSON.stringify(golden)) throw new Error(UPDATE_HINT);
  });

  it("has the six MINSTD functions, synchronous, not volatile, not streaming", () => {
    expect(generated.functions.map((f) => f.id)).toEqual([
      "CHECK",
      "PASS",
      "TARGET",
      "NAME",
      "PERCENT",
      "GAP",
    ]);
    for (const f of generated.functions) {
      expect(f.options ?? {}).toEqual({});
      expect(f.description).toMatch(/\S/);
      for (const p of f.parameters) expect(p.description).toMatch(/\S/);
    }
  });
});

describe("the Thai metadata (functions-th.json)", () => {
  it("describes every function and parameter in Thai and keeps everything a formula depends on", () => {
    const thai = localiseMetadata(generated, THAI_FUNCTION_TEXT);
    expect(signatures(thai)).toEqual(signatures(generated));
    for (const f of thai.functions) {
      expect(f.description).toMatch(THAI);
      for (const p of f.parameters) expect(p.description).toMatch(THAI);
    }
    expect(thai.functions.find((f) => f.id === "CHECK")!.description).toBe(
      THAI_FUNCTION_TEXT.CHECK!.description,
    );
  });

  it("refuses to leave a function or parameter without a translation", () => {
    const { GAP: _gap, ...withoutGap } = THAI_FUNCTION_TEXT;
    expect(() => localiseMetadata(generated, withoutGap)).toThrow(MetadataTranslationError);
    expect(() => localiseMetadata(generated, withoutGap)).toThrow("GAP: no translation");
    const { laoType: _laoType, ...checkParams } = THAI_FUNCTION_TEXT.CHECK!.parameters;
    const missingParam = {
      ...THAI_FUNCTION_TEXT,
      CHECK: { ...THAI_FUNCTION_TEXT.CHECK!, parameters: checkParams },
    };
    expect(() => localiseMetadata(generated, missingParam)).toThrow(
      "CHECK: parameter laoType has no translation",
    );
  });

  it("refuses translations of functions or parameters that do not exist (a renamed parameter)", () => {
    const renamed = {
      ...THAI_FUNCTION_TEXT,
      TARGET: {
        ...THAI_FUNCTION_TEXT.TARGET!,
        parameters: { ...THAI_FUNCTION_TEXT.TARGET!.parameters, type: "x" },
      },
      STATUS: { description: "x", parameters: {} },
    };
    expect(() => localiseMetadata(generated, renamed)).toThrow(
      "TARGET: translation of unknown parameter type",
    );
    expect(() => localiseMetadata(generated, renamed)).toThrow("STATUS: translation of unknown function");
  });
});
