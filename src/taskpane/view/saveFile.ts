/**
 * Saving a file the pane made, through a Blob and an `<a download>`. This works in Excel on the web
 * (the pane is an iframe of the browser) and in Excel on Windows with the Edge (WebView2) webview,
 * which shows the download at the foot of the pane. Excel on Mac and iPad host the pane in WKWebView,
 * which ignores downloads by design; nothing fails there, the click does nothing.
 */

/** The Office platforms whose webview does not download files. */
const NO_DOWNLOADS = new Set(["Mac", "iOS"]);

interface OfficeContextLike {
  readonly context?: { readonly platform?: unknown; readonly diagnostics?: { readonly platform?: unknown } };
}

/** True when the pane runs where a download cannot reach the officer (Excel on Mac or iPad). */
export function downloadsBlocked(office: unknown = (globalThis as { Office?: unknown }).Office): boolean {
  const context = (office as OfficeContextLike | undefined)?.context;
  const platform = context?.platform ?? context?.diagnostics?.platform;
  return typeof platform === "string" && NO_DOWNLOADS.has(platform);
}

/** How long the file's object URL stays valid: a webview may start reading it after the click returns. */
const KEEP_URL_MS = 60_000;

/** Offers the bytes for download under `name`. */
export function saveFile(bytes: Uint8Array, name: string, type: string, doc: Document = document): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.hidden = true;
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
  }
}
