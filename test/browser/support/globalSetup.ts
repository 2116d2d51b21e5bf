import { buildCompiled } from "../../setup/compiled";
import { BUILD_ENV, buildAddin } from "./build";

/**
 * Builds the add-in once for every test file of the "browser" project (Jest runs this only when one
 * is selected), and the compiled command and test server (see test/setup/compiled.ts).
 */
export default async function globalSetup(): Promise<void> {
  await buildCompiled();
  process.env[BUILD_ENV] = await buildAddin();
}
