import { webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Fluent's light theme with Thai fonts named after Segoe UI, which has no Thai letters: Leelawadee UI
 * on Windows, Noto Sans Thai, Tahoma, and the Thai fonts of Linux desktops (Garuda, Loma). Without
 * them the browser looks for a Thai font for every run of Thai text on its own, which makes laying
 * out a long list (a province's 334 LAOs) about twice as slow, and the letters differ by machine.
 */
export const FONT_FAMILY = `"Segoe UI", "Leelawadee UI", "Noto Sans Thai", Tahoma, Garuda, Loma, sans-serif`;

export const dashboardTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT_FAMILY };
