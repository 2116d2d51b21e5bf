/** Jest runs every test in the repository: unit tests beside the code in src/, integration tests in test/. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];

module.exports = {
  // A safety net only: no test waits on a clock (each waits for what it expects: a port, a line, a
  // file). Suites start servers, databases and browsers, which on a busy machine take long.
  testTimeout: 300_000,
  // Jest's default on a 2-core machine is one worker, in band; most suites wait on servers, browsers
  // and LibreOffice rather than compute, so two keep both cores busy. Suites share nothing but the
  // PostgreSQL server, where each makes a database of its own.
  maxWorkers: 2,
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      // The `minstd` command and the test server, compiled once (test/setup/compiled.ts).
      globalSetup: "<rootDir>/test/setup/globalSetup.ts",
    },
    {
      // React components of the task pane, rendered in jsdom with Testing Library.
      displayName: "jsdom",
      testEnvironment: "jsdom",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/taskpane/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/jsdom.ts"],
    },
    {
      // The built add-in, and the page in Chromium over the Office.js test double. globalSetup builds
      // the add-in once (webpack, production) for all of them, only when one of them is run.
      displayName: "browser",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      globalSetup: "<rootDir>/test/browser/support/globalSetup.ts",
      globalTeardown: "<rootDir>/test/browser/support/globalTeardown.ts",
    },
  ],
};
