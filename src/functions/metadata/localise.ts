import type { FunctionsMetadata } from "./functionsJson";
import type { ThaiFunctionText } from "./thai";

export class MetadataTranslationError extends Error {
  constructor(readonly gaps: readonly string[]) {
    super(`functions-th.json cannot be written:\n${gaps.map((g) => `- ${g}`).join("\n")}`);
    this.name = "MetadataTranslationError";
  }
}

/**
 * The metadata of another language: the generated functions.json with each function's and
 * parameter's description replaced. Everything else (ids, names, types, optional flags) is kept, so
 * formulas work the same in every language. Throws when a function or parameter has no translation,
 * or a translation names a function or parameter that does not exist (a renamed parameter).
 */
export function localiseMetadata(
  metadata: FunctionsMetadata,
  texts: Readonly<Record<string, ThaiFunctionText>>,
): FunctionsMetadata {
  const gaps: string[] = [];
  const functions = metadata.functions.map((fn) => {
    const text = texts[fn.id];
    if (!text) {
      gaps.push(`${fn.id}: no translation`);
      return fn;
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const param of Object.keys(text.parameters)) {
      if (!names.has(param)) gaps.push(`${fn.id}: translation of unknown parameter ${param}`);
    }
    const parameters = fn.parameters.map((p) => {
      const description = text.parameters[p.name];
      if (description === undefined) gaps.push(`${fn.id}: parameter ${p.name} has no translation`);
      return { ...p, description: description ?? p.description };
    });
    return { ...fn, description: text.description, parameters };
  });
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(texts)) if (!ids.has(id)) gaps.push(`${id}: translation of unknown function`);
  if (gaps.length > 0) throw new MetadataTranslationError(gaps);
  return { ...metadata, functions };
}
