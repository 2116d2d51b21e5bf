import { join } from "node:path";
import type { Metafile } from "esbuild";
import { appOptions, firstLoad } from "../../tools/dashboard/build";

/**
 * What the dashboard's first screen evaluates: the entry and everything it imports statically, bundled
 * as the build bundles it. The offices open the national or province view on it, so the parts of other
 * pages stay out: Fluent UI (its components, styles engine and focus manager: the first screens are
 * plain elements), zod (hundreds of KB; the page checks identifiers with core/identifierRules), fflate,
 * the rounds' data, and React's DOM renderer (the pages render with Preact's compatible layer). The
 * views loaded when opened (import()) may use the others.
 */
const ENTRY = "src/dashboard/index.tsx";
const isHeavy = (file: string) =>
  /node_modules\/(@fluentui|@griffel|tabster|zod|fflate|react-dom)\/|^src\/core\/(index|shippedRounds|shippedRoundReader[^/]*)\.ts$|^data\//.test(
    file,
  );

const ROOT = join(__dirname, "../..");

async function bundled(): Promise<Metafile> {
  const { build } = await import("esbuild");
  const result = await build({ ...appOptions("out"), absWorkingDir: ROOT, write: false, logLevel: "silent" });
  return result.metafile;
}

function firstLoadInputs(metafile: Metafile): Map<string, string | undefined> {
  const inputs: Metafile["inputs"] = metafile.inputs;
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
  it("leaves Fluent UI, zod, fflate, the shipped rounds and React's DOM renderer to the pages that use them", async () => {
    const reached = firstLoadInputs(await bundled());
    // Where each heavy part comes in (not every file of it).
    const entered = [...reached].filter(([file, by]) => isHeavy(file) && !(by !== undefined && isHeavy(by)));
    expect(entered.map(([file]) => importPath(reached, file))).toEqual([]);
    // The test sees the page's modules at all.
    expect(reached.has("src/dashboard/components/ProvinceView.tsx")).toBe(true);
  });

  it("comes in two scripts, the entry and one chunk, so the first view's reads are not queued behind them", async () => {
    // A browser opens six connections to a server: with the four reads of the national view, more
    // scripts than two would wait for one.
    const { files } = firstLoad(await bundled(), ENTRY);
    expect(files).toHaveLength(2);
  });
});
