import { rmSync } from "node:fs";
import { BUILD_ENV } from "./build";

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[BUILD_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
