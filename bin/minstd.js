#!/usr/bin/env node
// Runs the compiled command, dist/cli/minstd.js, which `npm install` builds (the `prepare` script)
// and `npm run build:cli` rebuilds after a change in src/. Without it, the TypeScript sources run
// through tsx: the same command, only slower to start.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "../dist/cli/minstd.js");

function load() {
  if (existsSync(bundle)) return require(bundle);
  console.error(
    "ยังไม่ได้สร้าง dist/cli/minstd.js จึงเริ่มช้า — สั่ง npm run build:cli / dist/cli/minstd.js is not built, so starting is slow: run npm run build:cli",
  );
  require("tsx/cjs/api").register();
  return require("../src/cli/main.ts");
}

// A reader that stops early (`minstd round list | head`) is not an error: stop quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

load()
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
