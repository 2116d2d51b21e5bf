import { useI18n } from "../i18n";
import { LanguageIcon } from "./icons";

/** Switches between Thai and English; the button names the other language in that language. */
export default function LanguageSwitch() {
  const { language, t, setLanguage } = useI18n();
  return (
    <button
      type="button"
      className="button small subtle"
      aria-label={t.languageButtonLabel}
      onClick={() => setLanguage(language === "th" ? "en" : "th")}
    >
      <LanguageIcon />
      <span lang={t.languageButtonLang}>{t.languageButton}</span>
    </button>
  );
}
