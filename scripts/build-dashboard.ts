/** `npm run build:dashboard` (part of `npm run build`): the web dashboard into dist/dashboard. */
import { buildDashboard } from "../tools/dashboard/build";

buildDashboard().then(
  (b) =>
    console.log(
      `dashboard: ${b.dir}/${b.script} — first load ${(b.bytes / 1024).toFixed(0)} KB, ${(b.gzipBytes / 1024).toFixed(0)} KB gzip; ` +
        `${b.chunks} scripts in all ${(b.totalBytes / 1024).toFixed(0)} KB, ${(b.totalGzipBytes / 1024).toFixed(0)} KB gzip`,
    ),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
