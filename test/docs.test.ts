import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

/**
 * The guides each have one reader. The officers' guides are read by LAO, province and national staff,
 * many not technical: how the parts are built (source paths, module and function names, build tools,
 * API routes, server settings) belongs in the architecture, the operators' guides and the benchmarks.
 * And every relative link in the README and the guides must lead somewhere.
 */

const ROOT = join(__dirname, "..");
const OFFICERS_GUIDES = ["docs/th/officers.md", "docs/en/officers.md"];

interface DeveloperPattern {
  readonly pattern: RegExp;
  readonly what: string;
}

/**
 * What an officer's guide must not contain. What officers type stays allowed: `=MINSTD.CHECK(...)`
 * formulas, `minstd` commands, `/dashboard/`, sheet and named-cell names such as `MinStd_LaoType`.
 */
const DEVELOPER_PATTERNS: readonly DeveloperPattern[] = [
  {
    pattern: /(?<![\w/.-])(?:src|test|core|dist|bench|scripts|deploy|node_modules|data)\//g,
    what: "a source or build path",
  },
  { pattern: /\btest-artifacts\b/g, what: "a test artifact" },
  { pattern: /(?<!\bNode)\.(?:tsx?|jsx?|mjs|cjs)\b/g, what: "a source file name" },
  { pattern: /\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\s*\(/g, what: "a function call" },
  {
    // Identifiers written as code: camelCase (`diffSubmissions`, `localStorage`) and PascalCase
    // compounds (`WorkbookPort`). The custom functions' parameter names are what Excel shows.
    pattern: /`(?!(?:indicatorId|laoType)`)[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*[^`]*`/g,
    what: "a code identifier",
  },
  { pattern: /`(?!MinStd)[A-Z][a-z0-9]+[A-Z][a-z][A-Za-z0-9]*[^`]*`/g, what: "a type or class name" },
  { pattern: /\bglobalThis\b|\bOfficeRuntime\b|\bOffice\.context\b/g, what: "a runtime API" },
  { pattern: /\b(?:GET|POST|PUT|PATCH|DELETE) \/|\/api\/v1\b/g, what: "an API route" },
  { pattern: /\bMINSTD_[A-Z_]+\b/g, what: "a server or build setting" },
  { pattern: /\bnpm (?:start|test|run|install|ci)\b/g, what: "a developer command" },
  {
    pattern: /\b(?:webpack|esbuild|ts-loader|jest|eslint|playwright|jsdom|zod|exceljs|tsx|Preact)\b/gi,
    what: "a developer tool",
  },
];

function developerPassages(text: string): string[] {
  return text
    .split("\n")
    .flatMap((line, index) =>
      DEVELOPER_PATTERNS.flatMap(({ pattern, what }) =>
        [...line.matchAll(pattern)].map((m) => `line ${index + 1}: ${what}: ${m[0]}`),
      ),
    );
}

describe("the officers' guides speak to officers", () => {
  it.each(OFFICERS_GUIDES)("%s names no source path, code identifier or developer tool", (guide) => {
    expect(developerPassages(readFileSync(join(ROOT, guide), "utf8"))).toEqual([]);
  });

  it("the patterns find developer material and leave what officers type alone", () => {
    const developer = [
      "the model `core/reports/summarySheet`",
      "written by src/xlsx/summarySheetWriter.ts",
      "see `test/browser/submit.test.ts`",
      "`buildSummarySheet(compiled)` builds it",
      "kept in `OfficeRuntime.storage`",
      "kept in `localStorage`",
      "through `WorkbookPort`",
      "`GET /api/v1/laos/:lao/history/:round`",
      "set `MINSTD_GARUDA_IMAGE`",
      "`npm run build` writes dist/dashboard",
      "webpack splits the bundle",
      "screenshots in `test-artifacts/`",
    ];
    for (const text of developer) expect(developerPassages(text)).not.toEqual([]);
    const officer = [
      '`=MINSTD.CHECK("2563-1-01", IF(ISBLANK(E5),"",E5), IF(ISBLANK(D5),"",D5), $C$2)`',
      "`MINSTD.CHECK(indicatorId, value, [base], [laoType])`",
      "`laoType` is a Thai type name",
      "npx minstd check workbook.xlsx [--json]",
      "npx minstd report summary submission.json -o summary.xlsx",
      "the named cell `MinStd_LaoType`; `IF(ISERROR(MinStd_AddIn), …, MINSTD.…)`",
      "open `/dashboard/` and sign in; no Node for `minstd submit`; Node.js 20",
      "ตรวจด้วย `minstd check` แล้วอัปโหลดที่ `/dashboard/`",
    ];
    for (const text of officer) expect(developerPassages(text)).toEqual([]);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split("\n")) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const text = (heading[1] ?? "").replace(/`([^`]*)`/g, "$1").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** Fenced blocks and code spans hold examples, not links. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, "");
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

const documents = [join(ROOT, "README.md"), ...markdownFiles(join(ROOT, "docs"))];

function brokenLinks(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const links = [...withoutCode(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? "");
  return links.flatMap((link) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return []; // https:, mailto:
    const [path, anchor] = link.split("#", 2) as [string, string | undefined];
    const target = path === "" ? file : join(dirname(file), decodeURI(path));
    if (!existsSync(target)) return [`${link} (no such file)`];
    if (anchor === undefined || anchor === "" || !target.endsWith(".md")) return [];
    const anchors = headingAnchors(readFileSync(target, "utf8"));
    return anchors.has(decodeURIComponent(anchor).toLowerCase()) ? [] : [`${link} (no such heading)`];
  });
}

describe("links in the README and the guides", () => {
  it("scans the README and every guide", () => {
    const names = documents.map((file) => relative(ROOT, file));
    expect(names).toEqual(expect.arrayContaining(["README.md", ...OFFICERS_GUIDES, "docs/architecture.md"]));
  });

  it.each(documents.map((file) => [relative(ROOT, file), file]))(
    "every relative link in %s leads to a file and heading that exist",
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );

  it("finds a missing file and a missing heading, and reads Thai and repeated headings", () => {
    const dir = mkdtempSync(join(tmpdir(), "minstd-docs-"));
    const guide = join(dir, "guide.md");
    writeFileSync(
      guide,
      [
        "# Guide",
        "## Security: what is promised",
        "## ความปลอดภัย: สิ่งที่ระบบรับประกัน",
        "## Security: what is promised",
        "## The web dashboard (`/dashboard/`)",
        "[g](#the-web-dashboard-dashboard)",
        "[a](#security-what-is-promised-1) [b](guide.md#ความปลอดภัย-สิ่งที่ระบบรับประกัน) [c](#nowhere)",
        "[d](missing.md) [e](https://example.org/x.md) `[f](in-code.md)`",
      ].join("\n"),
    );
    expect(brokenLinks(guide)).toEqual(["#nowhere (no such heading)", "missing.md (no such file)"]);
  });
});

describe("the README stays short", () => {
  it("has under 200 lines per language", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const english = readme.indexOf("\n## English");
    expect(english).toBeGreaterThan(0);
    expect(readme.slice(0, english).split("\n").length).toBeLessThan(200);
    expect(readme.slice(english).split("\n").length).toBeLessThan(200);
  });
});
