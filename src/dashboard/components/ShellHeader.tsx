import { useI18n } from "../i18n";
import type { RoundListItem } from "../types";
import LanguageSwitch from "./LanguageSwitch";

/** The round to show first: one open for submissions now, else the latest. */
export function defaultRound(rounds: readonly RoundListItem[]): string | undefined {
  const open = rounds.filter((r) => r.window.state === "open").sort((a, b) => b.year - a.year)[0];
  return (open ?? [...rounds].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id))[0])?.id;
}

/**
 * The bar above every signed-in page, the staff's and an LAO officer's: the title, the round shown
 * (a choice among `rounds`, once there is one), who is signed in, the language and signing out.
 * Plain elements (index.html's styles), as it tops the first screens, drawn without Fluent.
 */
export default function ShellHeader({
  title,
  rounds,
  roundId,
  onRound,
  who,
  onSignOut,
}: {
  title: string;
  rounds: readonly RoundListItem[];
  roundId: string | undefined;
  onRound: (id: string) => void;
  who: string;
  onSignOut: () => void;
}) {
  const { t } = useI18n();
  return (
    <header className="shell-header" data-noprint>
      <span className="shell-title">{title}</span>
      <div className="shell-controls">
        {roundId && rounds.length > 0 && (
          <select
            className="select small"
            aria-label={t.roundLabel}
            value={roundId}
            onChange={(e) => onRound(e.target.value)}
            style={{ maxWidth: "min(420px, 100%)" }}
          >
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {t.roundOption(r)}
              </option>
            ))}
          </select>
        )}
        <span className="small">{t.signedInAs(who)}</span>
        <LanguageSwitch />
        <button type="button" className="button small subtle" onClick={onSignOut}>
          {t.signOut}
        </button>
      </div>
    </header>
  );
}
