/**
 * The shipped rounds as the add-in bundles them: checked with the round schema here, at build time
 * (a round that is not valid stops the build with the schema's message), and bundled as the schema
 * returns them, defaults filled in, so that the pages read them without the schema
 * (src/core/rules/shippedRoundReader.checked.ts). Left out: the evidence behind each target (`source`, kept
 * as a one-character mark, since a sourced target must have one) and the round's `notes`. They are
 * for people reading the round files, the CLI and the dashboard; the pane and the functions never
 * show them, and they are half of a round's bytes in a page that loads in Excel.
 */
const tsx = require("tsx/cjs/api");

const { parseRound } = tsx.require("../../src/core/rules/round.ts", __filename);

module.exports = function roundDataLoader(text) {
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    const out = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === "notes") continue;
      out[key] = key === "source" && typeof child === "string" ? "…" : strip(child);
    }
    return out;
  };
  try {
    return JSON.stringify(parseRound(strip(JSON.parse(text))));
  } catch (error) {
    throw new Error(`${this.resourcePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
};
