import { createContext, useContext } from "react";
import { messagesFor, type Language, type Messages } from "../i18n";

export interface I18n {
  readonly language: Language;
  readonly t: Messages;
  readonly setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({
  language: "th",
  t: messagesFor("th"),
  setLanguage: () => undefined,
});

/** The pane's texts in the language the officer chose (Thai unless switched). */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
