#!/usr/bin/env node
// Runs the TypeScript sources directly, so `npx minstd` works straight after `npm install`.
require("tsx/cjs/api").register();
require("../src/cli/main.ts")
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
