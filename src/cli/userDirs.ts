import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The user's own folders for MinStd on this computer (never next to a workbook, which is emailed
 * around): settings such as the device token, and state such as the outbox.
 * MINSTD_HOME puts both under one folder (tests, portable installs).
 *   Linux:   $XDG_CONFIG_HOME/minstd (~/.config/minstd), $XDG_STATE_HOME/minstd (~/.local/state/minstd)
 *   macOS:   ~/Library/Application Support/minstd
 *   Windows: %APPDATA%\minstd, %LOCALAPPDATA%\minstd
 */
export interface UserDirs {
  readonly config: string;
  readonly state: string;
}

export function userDirs(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): UserDirs {
  if (env.MINSTD_HOME)
    return { config: join(env.MINSTD_HOME, "config"), state: join(env.MINSTD_HOME, "state") };
  const home = homedir();
  if (platform === "win32") {
    const roaming = env.APPDATA ?? join(home, "AppData", "Roaming");
    const local = env.LOCALAPPDATA ?? join(home, "AppData", "Local");
    return { config: join(roaming, "minstd"), state: join(local, "minstd") };
  }
  if (platform === "darwin") {
    const dir = join(home, "Library", "Application Support", "minstd");
    return { config: dir, state: dir };
  }
  return {
    config: join(env.XDG_CONFIG_HOME || join(home, ".config"), "minstd"),
    state: join(env.XDG_STATE_HOME || join(home, ".local", "state"), "minstd"),
  };
}
