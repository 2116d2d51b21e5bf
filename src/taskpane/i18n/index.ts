import { en } from "./en";
import { th, type Messages } from "./th";

export type Language = "th" | "en";
export type { Messages };

export const MESSAGES: Readonly<Record<Language, Messages>> = { th, en };

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}
