/**
 * Our rules for manifest.xml, checked offline (the official validator, `npm run validate`, needs
 * the network): every resource id resolves, URLs are https on one origin, the custom-functions
 * namespace fits, the shared runtime is wired to one page, and Thai overrides are present.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { ALL_REQUIREMENT_SETS } from "../src/excel/requirements";

const ROOT = resolve(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (name) =>
    ["String", "Url", "Image", "Override", "ExtensionPoint", "Control", "Runtime", "Set"].includes(name),
});
const manifest = (parser.parse(xml) as { OfficeApp: Node }).OfficeApp;

/** Every element (depth first) with its name, so rules can look anywhere. */
function elements(node: unknown, name = "", out: Array<{ name: string; node: Node }> = []): typeof out {
  if (Array.isArray(node)) for (const n of node) elements(n, name, out);
  else if (node && typeof node === "object") {
    out.push({ name, node: node as Node });
    for (const [key, child] of Object.entries(node)) if (!key.startsWith("@")) elements(child, key, out);
  }
  return out;
}

const all = elements(manifest);
const named = (name: string): Node[] => all.filter((e) => e.name === name).map((e) => e.node);
const resources = (manifest.VersionOverrides as Node).Resources as Node;
const group = (kind: string, item: string): Node[] => ((resources[kind] as Node)[item] as Node[]) ?? [];
const urls = group("Urls", "Url");
const images = group("Images", "Image");
const shortStrings = group("ShortStrings", "String");
const longStrings = group("LongStrings", "String");
const resourceIds = new Map<string, Node>(
  [...urls, ...images, ...shortStrings, ...longStrings].map((r) => [r["@id"] as string, r]),
);
const byId = (id: string): Node => {
  const r = resourceIds.get(id);
  if (!r) throw new Error(`no resource ${id}`);
  return r;
};

describe("manifest.xml", () => {
  it("has a GUID id, a version and the Workbook host", () => {
    expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(String(manifest.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(named("Host").some((h) => h["@Name"] === "Workbook")).toBe(true);
  });

  it("resolves every resid to a resource, and every resource id is unique", () => {
    const resids = all.map((e) => e.node["@resid"]).filter((r): r is string => typeof r === "string");
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) expect(resourceIds.has(resid)).toBe(true);
    const ids = [...urls, ...images, ...shortStrings, ...longStrings].map((r) => r["@id"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses https URLs on one origin, for every locale", () => {
    const values: string[] = [];
    for (const r of [...urls, ...images]) {
      values.push(r["@DefaultValue"] as string);
      for (const o of (r.Override as Node[] | undefined) ?? []) values.push(o["@Value"] as string);
    }
    for (const key of ["IconUrl", "HighResolutionIconUrl"])
      values.push((manifest[key] as Node)["@DefaultValue"] as string);
    values.push(((manifest.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"] as string);
    const origins = new Set(values.map((v) => new URL(v).origin));
    for (const v of values) expect(new URL(v).protocol).toBe("https:");
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  it("points every icon at a file in assets/ with the size it claims", () => {
    const icons = [
      ...images.map((i) => i["@DefaultValue"] as string),
      (manifest.IconUrl as Node)["@DefaultValue"] as string,
      (manifest.HighResolutionIconUrl as Node)["@DefaultValue"] as string,
    ];
    for (const icon of icons) {
      const file = join(ROOT, new URL(icon).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      const size = Number(/icon-(\d+)\.png$/.exec(icon)?.[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const image of named("Image").filter((i) => i["@size"] !== undefined)) {
      expect(byId(image["@resid"] as string)["@DefaultValue"]).toContain(
        `icon-${image["@size"] as string}.png`,
      );
    }
  });

  it("declares the MINSTD namespace: at most 32 characters, upper-case ASCII, the same in every locale", () => {
    const points = named("ExtensionPoint").filter((e) => e["@type"] === "CustomFunctions");
    expect(points).toHaveLength(1);
    const namespace = byId((points[0]!.Namespace as Node)["@resid"] as string);
    expect(namespace["@DefaultValue"]).toBe("MINSTD");
    expect((namespace["@DefaultValue"] as string).length).toBeLessThanOrEqual(32);
    expect(namespace["@DefaultValue"]).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(namespace.Override).toBeUndefined();
  });

  it("runs the pane and the functions in one shared runtime with lifetime long, on one page", () => {
    const sets = named("Set");
    expect(sets.some((s) => s["@Name"] === "SharedRuntime" && String(s["@MinVersion"]) === "1.1")).toBe(true);
    const runtimes = named("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!["@lifetime"]).toBe("long");
    const page = runtimes[0]!["@resid"];
    const functions = named("ExtensionPoint").find((e) => e["@type"] === "CustomFunctions")!;
    expect(((functions.Page as Node).SourceLocation as Node)["@resid"]).toBe(page);
    expect(named("FunctionFile").map((f) => f["@resid"])).toEqual([page]);
    const actions = named("Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect((action.SourceLocation as Node)["@resid"]).toBe(page);
    expect(byId(page as string)["@DefaultValue"]).toMatch(/\/taskpane\.html$/);
    // The Runtimes element must come first inside the Workbook host.
    expect(xml).toMatch(/<Host xsi:type="Workbook">\s*<Runtimes>/);
  });

  it("declares in <Requirements> exactly the sets src/excel/requirements.ts marks for it, at its versions, each one required", () => {
    const sets = ((manifest.Requirements as Node).Sets as Node) ?? {};
    const defaultVersion = (sets["@DefaultMinVersion"] as string | undefined) ?? "1.1";
    const declared = ((sets.Set as Node[] | undefined) ?? []).map((s) => ({
      name: s["@Name"] as string,
      version: (s["@MinVersion"] as string | undefined) ?? defaultVersion,
    }));
    const listed = ALL_REQUIREMENT_SETS.filter((s) => s.inManifest);
    expect(declared).toEqual(listed.map((s) => ({ name: s.name, version: s.version })));
    for (const set of listed) expect(set.need).toBe("required");
    // Only the top-level <Requirements>: a second list elsewhere would drift from the first.
    expect(named("Requirements")).toHaveLength(1);
  });

  it("has no TaskpaneId: a shared runtime has only one task pane", () => {
    expect(xml).not.toMatch(/TaskpaneId/);
  });

  it("has a ribbon button that opens the pane", () => {
    const buttons = named("Control").filter((c) => c["@type"] === "Button");
    expect(buttons).toHaveLength(1);
    expect((buttons[0]!.Action as Node)["@type"]).toBe("ShowTaskpane");
  });

  it("loads functions.js and functions.json, and functions-th.json for Thai", () => {
    const functions = named("ExtensionPoint").find((e) => e["@type"] === "CustomFunctions")!;
    const script = byId(((functions.Script as Node).SourceLocation as Node)["@resid"] as string);
    const metadata = byId(((functions.Metadata as Node).SourceLocation as Node)["@resid"] as string);
    expect(script["@DefaultValue"]).toMatch(/\/functions\.js$/);
    expect(metadata["@DefaultValue"]).toMatch(/\/functions\.json$/);
    expect((metadata.Override as Node[]).map((o) => [o["@Locale"], o["@Value"]])).toEqual([
      ["th-TH", "https://localhost:3000/functions-th.json"],
    ]);
  });

  it("overrides the display name, the description and every label for th-TH", () => {
    const thai = /[\u0e01-\u0e5b]/;
    for (const key of ["DisplayName", "Description"]) {
      const overrides = (manifest[key] as Node).Override as Node[];
      expect(overrides.map((o) => o["@Locale"])).toEqual(["th-TH"]);
      expect(overrides[0]!["@Value"]).toMatch(thai);
    }
    for (const s of [...shortStrings, ...longStrings]) {
      if (s["@id"] === "Functions.Namespace") continue;
      expect(((s.Override as Node[]) ?? []).find((o) => o["@Locale"] === "th-TH")?.["@Value"]).toMatch(thai);
    }
  });

  it("keeps strings within the manifest's limits (short 125, long 250 characters)", () => {
    const texts = (list: Node[]): string[] =>
      list.flatMap((s) => [
        s["@DefaultValue"] as string,
        ...((s.Override as Node[]) ?? []).map((o) => o["@Value"] as string),
      ]);
    for (const t of texts(shortStrings)) expect(t.length).toBeLessThanOrEqual(125);
    for (const t of texts(longStrings)) expect(t.length).toBeLessThanOrEqual(250);
    expect(((manifest.DisplayName as Node)["@DefaultValue"] as string).length).toBeLessThanOrEqual(125);
    expect(((manifest.Description as Node)["@DefaultValue"] as string).length).toBeLessThanOrEqual(250);
  });
});
