import { buildCompiled } from "./compiled";

/** Builds what the tests run compiled, once per Jest run (see compiled.ts). */
export default async function globalSetup(): Promise<void> {
  await buildCompiled();
}
