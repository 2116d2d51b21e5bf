import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

/**
 * Build tools (tools/) are not part of what runs: nothing in src/ imports them. The one exception is
 * `minstd serve`, which builds the web dashboard on its first start (see the src/cli/serveCommand.ts block).
 * ESLint's later blocks replace no-restricted-imports whole, so each block below lists this pattern too.
 */
const NO_TOOLS = { regex: "^(\\.\\./)+tools/", message: "src/ does not import the build tools in tools/" };

/** The CLI uses the server through its facade, src/server/index.ts, never through its insides. */
const SERVER_FACADE = {
  regex: "^\\.\\./server/(?!index$)",
  message: "the CLI uses the server through src/server/index.ts only",
};

/** Core's layers, lowest first: each may import the ones before it, never one after it. */
const CORE_LAYERS = ["calendar", "rules", "workbook", "reports"];

/**
 * The walls of one layer of core for its files `depth` folders below src/core: 1 for the layer's own
 * folder, 2 for a sub-folder of it (core/workbook/sheets), which keeps the walls of its layer. Import
 * paths are relative, so each depth has its own patterns; a file deeper still is refused more, never less.
 */
function coreLayerWall(layer, index, depth) {
  const above = CORE_LAYERS.slice(index + 1);
  const up = (levels) => "\\.\\./".repeat(levels);
  // From such a file, up(depth) is src/core and up(depth + 1) is src/.
  return {
    files: [depth === 1 ? `src/core/${layer}/**/*.ts` : `src/core/${layer}/*/**/*.ts`],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "node:*", "path", "http", "https", "os", "child_process"],
              message: "core is pure: no Node APIs",
            },
            {
              regex: `^${up(depth + 1)}i18n(/|$)`,
              message:
                "core keeps the Thai wording: its English is in src/i18n, which imports core, never the reverse",
            },
            {
              regex: `^${up(depth + 1)}(?!\\.\\./data/|i18n(/|$))`,
              message: "core depends on nothing else in src/",
            },
            ...(above.length > 0
              ? [
                  {
                    regex: `^${up(depth)}(${above.join("|")})/`,
                    message: `core/${layer} may not import a higher layer of core (${above.join(", ")})`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**", "**/*.generated.*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The React parts: components (.tsx) and the hooks beside them (.ts).
    files: ["src/taskpane/**/*.{ts,tsx}", "src/dashboard/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_TOOLS] }] },
  },
  // Core is pure, and in four layers that import one way only: calendar (Thai dates, the submission
  // window) < rules (rounds, reading, scoring, documents, identifiers) < workbook (the collection
  // workbook's layout, formulas and reading) < reports (summaries, the memo, progress, diffs).
  {
    files: ["src/core/index.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./", message: "core depends on nothing else in src/" }] },
      ],
    },
  },
  // A layer's own folder, then its sub-folders (the later block wins for the files both match).
  ...CORE_LAYERS.flatMap((layer, index) => [coreLayerWall(layer, index, 1), coreLayerWall(layer, index, 2)]),
  {
    // The API contract is shared by the server, the client, the web app and the task pane.
    files: ["src/api/**/*.ts"],
    ignores: ["src/api/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!zod$|\\./|\\.\\./core/)",
              message: "the API contract imports only zod and core's modules (core/round, core/scoring, …)",
            },
          ],
        },
      ],
    },
  },
  {
    // The English of core's words, for every surface that shows English: pure like core, and
    // built on core's modules only (never core's index, which carries the shipped rounds' data).
    files: ["src/i18n/**/*.ts"],
    ignores: ["src/i18n/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./|\\.\\./core/)",
              message:
                "src/i18n imports only core's modules (core/rules/vocabulary, …): no core index, DOM or Node",
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI starts and administers the server through its facade, never through its insides.
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [SERVER_FACADE, NO_TOOLS] }] },
  },
  {
    // `minstd serve` builds the web dashboard when it is missing (a fresh install), with the same
    // build as `npm run build:dashboard`; it is bundled into dist/cli/minstd.js with the command.
    files: ["src/cli/serveCommand.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [SERVER_FACADE, { ...NO_TOOLS, regex: "^(\\.\\./)+tools/(?!dashboard/build$)" }] },
      ],
    },
  },
  {
    // The submission client runs in the task pane as well as the CLI.
    files: ["src/client/**/*.ts"],
    ignores: ["src/client/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "node:*", "path", "http", "https", "os", "child_process", "crypto", "net"],
              message:
                "the client runs in the task pane: no Node APIs (Node-only parts go with their user: src/cli, src/server)",
            },
            {
              regex: "^\\.\\./(?!core|api|i18n)",
              message: "the client depends on core, its English (i18n) and the API contract only",
            },
          ],
        },
      ],
    },
  },
  {
    // The task pane ships on Preact's compat layer (webpack.config.js); its jsdom tests run React.
    // React APIs that compat lacks pass every jsdom test and break only the built pane.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "react",
              importNames: ["useEffectEvent", "use", "useActionState", "useOptimistic", "cache", "Activity"],
              message: "the built task pane runs on preact/compat, which does not have this React API",
            },
            {
              name: "react-dom",
              importNames: ["useFormStatus", "useFormState", "preload", "preinit"],
              message: "the built task pane runs on preact/compat, which does not have this React API",
            },
          ],
          patterns: [NO_TOOLS],
        },
      ],
      "no-restricted-properties": [
        "error",
        ...["useEffectEvent", "use", "useActionState", "useOptimistic"].map((property) => ({
          object: "React",
          property,
          message: "the built task pane runs on preact/compat, which does not have this React API",
        })),
      ],
    },
  },
  {
    files: ["src/dashboard/**/*.ts", "src/dashboard/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+core$",
              message:
                "import the core module itself (core/thai, core/scoring, …): the index brings the shipped rounds' data into the page",
            },
            { group: ["node:*", "fs", "path"], message: "the dashboard runs in the browser" },
            NO_TOOLS,
          ],
        },
      ],
    },
  },
);
