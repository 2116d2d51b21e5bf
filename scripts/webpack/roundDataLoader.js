/**
 * The shipped rounds as the add-in bundles them: without the evidence behind each target (`source`,
 * kept as a one-character mark, since a sourced target must have one) and the round's `notes`.
 * They are for people reading the round files, the CLI and the dashboard; the pane and the
 * functions never show them, and they are half of a round's bytes in a page that loads in Excel.
 */
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
  return JSON.stringify(strip(JSON.parse(text)));
};
