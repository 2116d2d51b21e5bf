import type { Metafile } from "esbuild";

/**
 * What the dashboard's first screen evaluates: the entry and everything it imports statically. The
 * offices open the national or province view on it, so the parts of other pages stay out: Fluent UI
 * (its components, styles engine and focus manager: the first screens are plain elements), zod
 * (hundreds of KB; the page checks identifiers with core/identifierRules), fflate and the rounds'
 * data. The views loaded when opened (import()) may use them.
 */
const ENTRY = "src/dashboard/index.tsx";
const isHeavy = (file: string) =>
  /node_modules\/(@fluentui|@griffel|tabster|zod|fflate)\/|^src\/core\/(index|shippedRounds|shippedRoundReader[^/]*)\.ts$|^data\//.test(
    file,
  );

async function firstLoadInputs(): Promise<Map<string, string | undefined>> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [ENTRY],
    absWorkingDir: `${__dirname}/../..`,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    splitting: true,
    outdir: "out",
    jsx: "automatic",
    platform: "browser",
    logLevel: "silent",
  });
  const inputs: Metafile["inputs"] = result.metafile.inputs;
  // Each module reached, with the module that first imported it (to name the path in a failure).
  const reached = new Map<string, string | undefined>([[ENTRY, undefined]]);
  const queue = [ENTRY];
  for (let file = queue.shift(); file !== undefined; file = queue.shift())
    for (const i of inputs[file]?.imports ?? [])
      if (i.kind !== "dynamic-import" && !reached.has(i.path)) {
        reached.set(i.path, file);
        queue.push(i.path);
      }
  return reached;
}

function importPath(reached: Map<string, string | undefined>, file: string): string {
  const chain: string[] = [];
  for (let f: string | undefined = file; f !== undefined; f = reached.get(f)) chain.push(f);
  return chain.join(" ← ");
}

describe("the dashboard's first load", () => {
  it("leaves Fluent UI, zod, fflate and the shipped rounds to the pages that use them", async () => {
    const reached = await firstLoadInputs();
    // Where each heavy part comes in (not every file of it).
    const entered = [...reached].filter(([file, by]) => isHeavy(file) && !(by !== undefined && isHeavy(by)));
    expect(entered.map(([file]) => importPath(reached, file))).toEqual([]);
    // The test sees the page's modules at all.
    expect(reached.has("src/dashboard/components/ProvinceView.tsx")).toBe(true);
  });
});
