/** Where the CLI writes, so commands can be tested without a process. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export type Lang = "th" | "en";

/** Thai first; English with --lang en or MINSTD_LANG=en. */
export function pickLang(flag: string | undefined): Lang {
  const lang = (flag ?? process.env.MINSTD_LANG ?? "th").toLowerCase();
  return lang.startsWith("en") ? "en" : "th";
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Usage mistakes (a missing argument, an unknown round) exit with 2; bad data exits with 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Pads Thai text by what it shows, not by code units (combining vowels and tone marks take no column). */
export function displayWidth(text: string): number {
  return [...text].filter((ch) => !/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(ch)).length;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
