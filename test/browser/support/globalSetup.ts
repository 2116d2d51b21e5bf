import { BUILD_ENV, buildAddin } from "./build";

/** Builds the add-in once for every test file of the "browser" project (Jest runs this only when one is selected). */
export default async function globalSetup(): Promise<void> {
  process.env[BUILD_ENV] = await buildAddin();
}
