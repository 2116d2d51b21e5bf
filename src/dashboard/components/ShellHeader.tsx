import { Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import type { RoundListItem } from "../types";
import LanguageSwitch from "./LanguageSwitch";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "8px 12px",
    padding: "8px 12px",
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: {
    fontWeight: 600,
    fontSize: "16px",
    marginRight: "auto",
    color: tokens.colorNeutralForegroundOnBrand,
  },
  controls: {
    display: "flex",
    alignItems: "center",
    gap: "8px",
    flexWrap: "wrap",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: "4px 8px",
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  select: { maxWidth: "min(420px, 100%)", minWidth: 0 },
});

/** The round to show first: one open for submissions now, else the latest. */
export function defaultRound(rounds: readonly RoundListItem[]): string | undefined {
  const open = rounds.filter((r) => r.window.state === "open").sort((a, b) => b.year - a.year)[0];
  return (open ?? [...rounds].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id))[0])?.id;
}

/**
 * The bar above every signed-in page, the staff's and an LAO officer's: the title, the round shown
 * (a choice among `rounds`, once there is one), who is signed in, the language and signing out.
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
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header} data-noprint>
      <Text as="span" className={styles.title}>
        {title}
      </Text>
      <div className={styles.controls}>
        {roundId && rounds.length > 0 && (
          <Select
            aria-label={t.roundLabel}
            value={roundId}
            onChange={(_, d) => onRound(d.value)}
            size="small"
            className={styles.select}
          >
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {t.roundOption(r)}
              </option>
            ))}
          </Select>
        )}
        <Text size={200}>{t.signedInAs(who)}</Text>
        <LanguageSwitch />
        <Button size="small" appearance="subtle" onClick={onSignOut}>
          {t.signOut}
        </Button>
      </div>
    </header>
  );
}
