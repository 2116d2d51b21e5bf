/** The text of an error for the officer: our errors carry Thai and English, others their own message. */
export function errorText(error: unknown, pick: (thai: string, english: string) => string): string {
  if (typeof error === "object" && error !== null && "th" in error && "en" in error) {
    const { th, en } = error as { th: unknown; en: unknown };
    if (typeof th === "string" && typeof en === "string") return pick(th, en);
  }
  // The submission client's problems: a Thai message and messageEn.
  if (typeof error === "object" && error !== null && "messageEn" in error && "message" in error) {
    const { message, messageEn } = error as { message: unknown; messageEn: unknown };
    if (typeof message === "string" && typeof messageEn === "string") return pick(message, messageEn);
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
