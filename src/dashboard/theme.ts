import { webLightTheme, type Theme } from "@fluentui/react-theme";

/**
 * Fluent's light theme with Thai fonts named after Segoe UI, which has no Thai letters: Leelawadee UI
 * on Windows, Noto Sans Thai, Tahoma, and the Thai fonts of Linux desktops (Garuda, Loma). Without
 * them the browser looks for a Thai font for every run of Thai text on its own, which makes laying
 * out a long list (a province's 334 LAOs) about twice as slow, and the letters differ by machine.
 *
 * Fluent's components take it from their FluentProvider; the first screens, drawn without Fluent,
 * take the same values from CSS variables of the same names that the build writes into the page
 * (tools/dashboard/build.ts).
 */
export const FONT_FAMILY = `"Segoe UI", "Leelawadee UI", "Noto Sans Thai", Tahoma, Garuda, Loma, sans-serif`;

export const dashboardTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT_FAMILY };

/** `:root { --name: value; … }` for the theme's tokens that `css` uses as var(--name). */
export function themeVariables(css: string): string {
  const theme = dashboardTheme as unknown as Record<string, string | number>;
  const used = new Set([...css.matchAll(/var\(--([A-Za-z0-9]+)\)/g)].map((m) => m[1]!));
  const unknown = [...used].filter((name) => !(name in theme));
  if (unknown.length > 0) throw new Error(`not tokens of the theme: ${unknown.join(", ")}`);
  return `:root { ${[...used].map((name) => `--${name}: ${theme[name]};`).join(" ")} }`;
}
