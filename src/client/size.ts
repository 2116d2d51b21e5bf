/**
 * The size of what is sent, measured the way the server measures it (bytes of UTF-8 JSON), and
 * the fields that make a document large: an officer told "too large" needs to know where.
 */

/** A field of the document and the bytes its value takes in the JSON sent. */
export interface FieldSize {
  /** "basic.preparer.name", "values.2563-1-01.note", … */
  readonly path: string;
  readonly bytes: number;
}

const encoder = new TextEncoder();

/** Bytes of the JSON text of a value, as sent. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/**
 * The fields (leaves: texts, numbers, …) that make a document large, largest first: at most
 * `count`, each at least a twentieth of the document, and always the largest one.
 */
export function largestFields(document: unknown, count = 3): FieldSize[] {
  const fields: FieldSize[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value as Record<string, unknown>))
        walk(child, path ? `${path}.${key}` : key);
      return;
    }
    fields.push({ path, bytes: jsonBytes(value) });
  };
  walk(document, "");
  const total = jsonBytes(document);
  return fields
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .slice(0, count)
    .filter((f, i) => i === 0 || f.bytes * 20 >= total);
}
