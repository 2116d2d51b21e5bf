/**
 * The add-in as built by webpack (production, as shipped; built once by the browser project's
 * globalSetup): the functions bundle registers every function of functions.json when loaded with
 * only a stand-in CustomFunctions global, and functions.json, functions-th.json, the page, the
 * register, the manifest and the pane's lazily loaded parts are there and right. The page itself
 * is tested in Chromium by taskpane.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { startupScripts } from "../../bench/paneSize.bench";
import golden from "../../src/functions/functions.golden.json";
import type { FunctionsMetadata } from "../../src/functions/metadata/functionsJson";
import { localiseMetadata } from "../../src/functions/metadata/localise";
import { THAI_FUNCTION_TEXT } from "../../src/functions/metadata/thai";
import {
  customFunctionsStandIn,
  excelErrorOf,
  StandInError,
} from "../../src/functions/testing/customFunctionsStub";
import { builtAddin, PRODUCTION_URL, ROOT } from "./support/build";

const out = builtAddin();

const read = (file: string): string => readFileSync(join(out, file), "utf8");

/** Runs the built functions.js as the shared runtime would, with only a stand-in CustomFunctions global. */
function loadBundle(): ReturnType<typeof customFunctionsStandIn> {
  const standIn = customFunctionsStandIn();
  runInNewContext(read("functions.js"), { CustomFunctions: standIn }, { filename: "functions.js" });
  return standIn;
}

describe("the built add-in", () => {
  it("emits functions.json equal to the checked-in copy", () => {
    expect(JSON.parse(read("functions.json"))).toEqual(golden);
  });

  it("emits functions-th.json: the same functions with Thai descriptions", () => {
    const metadata = JSON.parse(read("functions.json")) as FunctionsMetadata;
    expect(JSON.parse(read("functions-th.json"))).toEqual(localiseMetadata(metadata, THAI_FUNCTION_TEXT));
  });

  it("associates every id of functions.json, once, when the bundle loads", () => {
    const standIn = loadBundle();
    const ids = (JSON.parse(read("functions.json")) as FunctionsMetadata).functions.map((f) => f.id);
    expect([...standIn.associated.keys()].sort()).toEqual([...ids].sort());
  });

  it("runs the bundled functions offline with the bundled rounds and LAO register", () => {
    const fns = loadBundle().associated;
    const call = (id: string, ...args: unknown[]): unknown => fns.get(id)!(...args);
    expect(call("CHECK", "2563-1-01", 85, 100, "เทศบาลนคร")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(call("CHECK", "2563-1-01", 80, 100, "3110102")).toBe("การพัฒนาในอนาคต");
    expect(call("PASS", "2563-1-01", 80, 100, "6130408")).toBe(true);
    expect(call("TARGET", "2563-1-01", "อบต.")).toBe(75);
    expect(call("NAME", "2564-1-01", "อบต.")).toContain("อบต.");
    expect(call("PERCENT", 25, 100)).toBe(25);
    expect(call("GAP", "2568-1-01", 1)).toBe(1);
    const error = excelErrorOf(() => call("CHECK", "2563-9-99", 1));
    expect(error).toBeInstanceOf(StandInError);
    expect(error.code).toBe("#N/A");
  });

  it("serves one page that loads office.js from the CDN first, then the functions, then the pane", () => {
    const html = read("taskpane.html");
    const office = html.indexOf("src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(office).toBeGreaterThan(-1);
    expect(office).toBeLessThan(html.indexOf("</head>"));
    // functions.js holds webpack's runtime and what both share (core, the rounds); the pane uses them.
    expect(html.indexOf("functions.js")).toBeGreaterThan(office);
    expect(html.indexOf("taskpane.js")).toBeGreaterThan(html.indexOf("functions.js"));
  });

  it("ships the LAO register next to the page, and the pane's lazily loaded parts as hashed chunks", () => {
    expect(read("lao-registry.csv")).toBe(readFileSync(join(ROOT, "data/lao-registry.csv"), "utf8"));
    const chunks = readdirSync(out).filter((f) => /\.[0-9a-f]{8}\.js$/.test(f));
    for (const name of [
      "setup",
      "summary",
      "summary-sheet",
      "workbook-writer",
      "summary-writer",
      "memo",
      "memo-docx",
    ])
      expect(chunks.some((f) => f.startsWith(`${name}.`))).toBe(true);
    for (const file of ["functions.js", "taskpane.js"]) {
      // The register is fetched when needed, never bundled: no LAO's name is in the page's code.
      expect(read(file)).not.toContain("คลองท่อมใต้");
      // The rounds come without the evidence behind their targets, which the pane never shows.
      expect(read(file)).not.toContain("รายงานเทศบาลตำบลกระโสม");
    }
    // Once, in functions.js, which the pane shares; checked when built, with the schema's defaults.
    expect(read("functions.js")).toContain("2563-1-01");
    expect(read("taskpane.js")).not.toContain("2563-1-01");
    expect(read("functions.js")).toContain('"comparison":">="');
  });

  it("loads at most 150 KB of JavaScript (gzipped) at startup; the memo, its Word writer and the round schema only on demand", () => {
    const scripts = startupScripts(out);
    expect(scripts).toEqual(["functions.js", "taskpane.js"]);
    const gzippedKb = scripts.reduce(
      (kb, f) => kb + gzipSync(readFileSync(join(out, f)), { level: 9 }).length / 1024,
      0,
    );
    expect(gzippedKb).toBeLessThanOrEqual(150);
    for (const file of scripts) {
      expect(read(file)).not.toContain("wordprocessingml"); // docx/memoDocx and the docx library
      expect(read(file)).not.toContain("จึงเรียนมาเพื่อโปรดทราบ"); // core/memo
      // The round schema, and zod with it, loads only to check a round that did not ship. (Its refusals'
      // Thai is core's problem table, which the functions use, so zod's own words are the mark.)
      expect(read(file)).not.toContain("ZodError");
      expect(read(file)).not.toContain("too_small");
    }
  });

  it("rewrites the manifest's URLs to MINSTD_ADDIN_URL and ships the icons", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("https://localhost:3000/");
    expect(manifest).toContain(`${PRODUCTION_URL}taskpane.html`);
    expect(manifest).toContain(`${PRODUCTION_URL}functions-th.json`);
    for (const size of [16, 32, 64, 80]) expect(read(`assets/icon-${size}.png`).length).toBeGreaterThan(0);
  });
});
