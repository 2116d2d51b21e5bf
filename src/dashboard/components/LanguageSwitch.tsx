import { Button } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

/** Switches between Thai and English; the button names the other language in that language. */
export default function LanguageSwitch() {
  const { language, t, setLanguage } = useI18n();
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<LocalLanguageRegular />}
      aria-label={t.languageButtonLabel}
      onClick={() => setLanguage(language === "th" ? "en" : "th")}
    >
      <span lang={t.languageButtonLang}>{t.languageButton}</span>
    </Button>
  );
}
