import { createContext, useContext } from "react";
import { en } from "./en";
import { th, type Messages } from "./th";

export type Language = "th" | "en";
export type { Messages };

export const MESSAGES: Readonly<Record<Language, Messages>> = { th, en };

export interface I18n {
  readonly language: Language;
  readonly t: Messages;
  readonly setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({ language: "th", t: th, setLanguage: () => undefined });

/** The dashboard's texts in the language chosen (Thai unless switched). */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
