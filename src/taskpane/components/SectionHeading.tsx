import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS} 0` },
});

/** A section's heading inside a view (h3, on its own line). */
export default function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Subtitle2 as="h3" block id={id} className={styles.heading}>
      {children}
    </Subtitle2>
  );
}
