import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * The walls between the parts are ESLint rules (eslint.config.mjs): an import across one fails
 * `npm test`. Each case lints a one-line module as if it sat at that path.
 */
const ROOT = join(__dirname, "..");

/**
 * ESLint loads its config with a dynamic import, which Jest's module sandbox refuses: the cases are
 * linted by ESLint's API in a Node process of their own, all at once.
 */
const LINT = `
const { ESLint } = require("eslint");
const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = [];
  for (const [path, source] of cases) {
    const [result] = await eslint.lintText(source + "\\nexport const used = imported;\\n", { filePath: path });
    out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lint(cases: ReadonlyArray<readonly [string, string]>): string[][] {
  const run = spawnSync(process.execPath, ["-e", LINT], {
    cwd: ROOT,
    input: JSON.stringify(cases.map(([path, source]) => [join(ROOT, path), source])),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const REFUSED: ReadonlyArray<readonly [string, string, string]> = [
  ["src/core/calendar/x.ts", 'import { imported } from "../rules/round";', "higher layer"],
  ["src/core/rules/x.ts", 'import { imported } from "../workbook/layout";', "higher layer"],
  ["src/core/rules/x.ts", 'import { imported } from "../reports/memo";', "higher layer"],
  ["src/core/workbook/x.ts", 'import { imported } from "../reports/summarySheet";', "higher layer"],
  // A sub-folder of a layer keeps its layer's walls.
  ["src/core/workbook/sheets/x.ts", 'import { imported } from "../../reports/summarySheet";', "higher layer"],
  ["src/core/rules/x.ts", 'import { imported } from "../workbook/sheets/areaSheet";', "higher layer"],
  ["src/core/rules/sub/x.ts", 'import { imported } from "../../workbook/layout";', "higher layer"],
  [
    "src/core/workbook/sheets/x.ts",
    'import { imported } from "../../../server/app";',
    "nothing else in src/",
  ],
  [
    "src/core/workbook/sheets/x.ts",
    'import { imported } from "../../../i18n/fields";',
    "its English is in src/i18n",
  ],
  ["src/core/workbook/sheets/x.ts", 'import { imported } from "node:path";', "no Node APIs"],
  ["src/core/reports/x.ts", 'import { imported } from "../../server/app";', "nothing else in src/"],
  ["src/core/rules/x.ts", 'import { imported } from "node:fs";', "no Node APIs"],
  ["src/core/rules/x.ts", 'import { imported } from "../../i18n/results";', "its English is in src/i18n"],
  ["src/core/reports/x.ts", 'import { imported } from "../../i18n";', "its English is in src/i18n"],
  ["src/i18n/x.ts", 'import { imported } from "../taskpane/i18n";', "only core's modules"],
  ["src/i18n/x.ts", 'import { imported } from "../core";', "only core's modules"],
  ["src/i18n/x.ts", 'import { imported } from "node:fs";', "only core's modules"],
  ["src/api/x.ts", 'import { imported } from "../server/problems";', "only zod and core"],
  ["src/cli/x.ts", 'import { imported } from "../server/queries/users";', "src/server/index.ts"],
  ["src/client/x.ts", 'import { imported } from "node:fs";', "no Node APIs"],
  ["src/dashboard/x.ts", 'import { imported } from "../core";', "core module itself"],
  ["src/server/x.ts", 'import { imported } from "../../tools/dashboard/build";', "tools"],
  ["src/taskpane/hooks/x.ts", 'import { useEffectEvent as imported } from "react";', "preact/compat"],
  [
    "src/taskpane/components/x.tsx",
    'import { useFormStatus as imported } from "react-dom";',
    "preact/compat",
  ],
];

const ALLOWED: ReadonlyArray<readonly [string, string]> = [
  ["src/core/reports/x.ts", 'import { imported } from "../workbook/layout";'],
  ["src/core/workbook/x.ts", 'import { imported } from "../rules/round";'],
  ["src/core/workbook/x.ts", 'import { imported } from "./sheets/areaSheet";'],
  ["src/core/workbook/sheets/x.ts", 'import { imported } from "../../rules/round";'],
  ["src/core/workbook/sheets/x.ts", 'import { imported } from "../../calendar/thai";'],
  ["src/core/workbook/sheets/x.ts", 'import { imported } from "../layout";'],
  ["src/core/reports/x.ts", 'import { imported } from "../workbook/sheets/metaSheet";'],
  ["src/core/rules/sub/x.ts", 'import { imported } from "../../../../data/rounds/2567.json";'],
  ["src/core/rules/x.ts", 'import { imported } from "../calendar/thai";'],
  ["src/cli/x.ts", 'import { imported } from "../server";'],
  ["src/api/x.ts", 'import { imported } from "../core/rules/round";'],
  ["src/i18n/x.ts", 'import { imported } from "../core/rules/vocabulary";'],
  ["src/client/x.ts", 'import { imported } from "../i18n";'],
  ["src/dashboard/x.ts", 'import { imported } from "../i18n";'],
  ["src/taskpane/hooks/x.ts", 'import { useState as imported } from "react";'],
  // The jsdom tests run React itself.
  ["src/taskpane/components/x.test.tsx", 'import { useEffectEvent as imported } from "react";'],
];

describe("the walls between the parts", () => {
  let refused: string[][];
  let allowed: string[][];
  beforeAll(() => {
    const all = lint([...REFUSED.map(([path, source]) => [path, source] as const), ...ALLOWED]);
    refused = all.slice(0, REFUSED.length);
    allowed = all.slice(REFUSED.length);
  });

  it.each(REFUSED.map((c, i) => [...c, i] as const))(
    "refuses %s importing across a wall: %s",
    (_path, _source, says, i) => {
      expect(refused[i]).toHaveLength(1);
      expect(refused[i]![0]).toContain(says);
    },
  );

  it.each(ALLOWED.map((c, i) => [...c, i] as const))(
    "lets %s import down or through a facade: %s",
    (_path, _source, i) => {
      expect(allowed[i]).toEqual([]);
    },
  );
});
