import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  dialog: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: "20px 24px",
    maxWidth: "min(480px, calc(100vw - 32px))",
    boxSizing: "border-box",
    boxShadow: tokens.shadow64,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    "::backdrop": { backgroundColor: "rgba(0, 0, 0, 0.4)" },
  },
  title: { margin: "0 0 8px", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", justifyContent: "flex-end", marginTop: "16px" },
});

/**
 * Asks before a change that cannot be taken back (codes voided, a device signed out, a return).
 * The browser's own modal dialog: focus moves into it and stays there, Esc or Cancel keeps things
 * as they are, and focus goes back where it was.
 */
export default function ConfirmDialog({
  open,
  title,
  text,
  confirm,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  /** Fields the answer needs (e.g. the reason), between the text and the buttons. */
  children?: ReactNode;
  title: string;
  text: string;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      className={styles.dialog}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <>
          <h2 id="confirm-title" className={styles.title}>
            {title}
          </h2>
          <p id="confirm-text">{text}</p>
          {children}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onConfirm} autoFocus>
              {confirm}
            </Button>
            <Button onClick={onCancel}>{t.cancel}</Button>
          </div>
        </>
      )}
    </dialog>
  );
}
