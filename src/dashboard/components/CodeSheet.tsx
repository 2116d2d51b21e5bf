import { SHEET } from "../codeSheet";
import type { IssuedCode } from "../types";

/**
 * The printable code sheet: one slip per LAO, half an A4 page each when printed (the print rules
 * are in index.html), always in Thai, with the server's address and the three ways to submit.
 */
export default function CodeSheet({ codes, server }: { codes: readonly IssuedCode[]; server: string }) {
  const dashboard = `${server}/dashboard/`;
  return (
    <div className="code-sheet" lang="th" aria-label={SHEET.label} role="region">
      {codes.map((c) => (
        <article className="code-slip" key={c.lao} data-slip={c.lao}>
          <h2>{SHEET.title}</h2>
          <p>{SHEET.to(c)}</p>
          <p className="code-line">
            <span>{SHEET.codeLabel}</span>
            <strong className="code-value" data-code={c.lao}>
              {c.code}
            </strong>
            <span>{SHEET.expires(c.expiresAt)}</span>
          </p>
          <p>
            {SHEET.server}: <strong>{server}</strong>
          </p>
          <p>{SHEET.ways}</p>
          <ol>
            <li>{SHEET.addIn}</li>
            <li>{SHEET.web(dashboard)}</li>
            <li>{SHEET.cli(server)}</li>
          </ol>
          <p className="code-note">{SHEET.note}</p>
        </article>
      ))}
    </div>
  );
}
