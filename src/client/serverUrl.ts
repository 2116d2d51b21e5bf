/**
 * The server address an officer types in the settings or gives with --server: any of
 * "https://minstd.example.go.th", "…/api/v1", "minstd.example.go.th:8443". The API lives under
 * /api/v1 of the base.
 */
export type ServerUrl =
  | {
      readonly ok: true;
      /** The base, without /api/v1 and without a trailing slash: "https://minstd.example.go.th". */
      readonly base: string;
      /** Plain http to another machine: tokens would cross the network unencrypted. */
      readonly insecure: boolean;
    }
  | { readonly ok: false; readonly message: string; readonly messageEn: string };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function parseServerUrl(text: string): ServerUrl {
  const trimmed = text.trim();
  const bad = (): ServerUrl => ({
    ok: false,
    message: `ที่อยู่เครื่องแม่ข่าย “${trimmed}” ไม่ถูกต้อง — ใช้รูปแบบ https://ชื่อเครื่อง เช่น https://minstd.example.go.th`,
    messageEn: `“${trimmed}” is not a server address — use https://host, e.g. https://minstd.example.go.th`,
  });
  if (trimmed === "") return bad();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return bad();
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return bad();
  if (url.search || url.hash || url.username || url.password) return bad();
  const path = url.pathname.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
  return {
    ok: true,
    base: `${url.protocol}//${url.host}${path}`,
    insecure: url.protocol === "http:" && !LOOPBACK.test(url.hostname),
  };
}
