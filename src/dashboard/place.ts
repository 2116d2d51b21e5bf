import { isLaoCode, isProvinceCode } from "../core/rules/identifierRules";

/**
 * Where the dashboard is, kept in the URL's hash so Back, reload and a shared link work:
 * #/national, #/province/22, #/lao/4220102, each with ?round= and the list's filters; an LAO
 * officer's own pages are #/my (upload), #/my/receipt/2 and #/my/history; a province's access codes
 * are #/codes/22, the administrator's pages #/admin. Nothing secret goes
 * there (the token never does).
 */
export type Place =
  | { view: "home"; params: URLSearchParams }
  | { view: "national"; params: URLSearchParams }
  | { view: "province"; province: string; params: URLSearchParams }
  | { view: "lao"; lao: string; params: URLSearchParams }
  | { view: "my"; page: "upload" | "history"; params: URLSearchParams }
  | { view: "my"; page: "receipt"; version: number; params: URLSearchParams }
  | { view: "codes"; province: string | undefined; params: URLSearchParams }
  | { view: "admin"; params: URLSearchParams };

export function parsePlace(hash: string): Place {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "national") return { view: "national", params };
  if (parts[0] === "province" && isProvinceCode(parts[1] ?? ""))
    return { view: "province", province: parts[1]!, params };
  if (parts[0] === "lao" && isLaoCode(parts[1] ?? "")) return { view: "lao", lao: parts[1]!, params };
  if (parts[0] === "admin") return { view: "admin", params };
  if (parts[0] === "codes")
    return { view: "codes", province: isProvinceCode(parts[1] ?? "") ? parts[1] : undefined, params };
  if (parts[0] === "my") {
    if (parts[1] === "history") return { view: "my", page: "history", params };
    if (parts[1] === "receipt" && /^[1-9]\d{0,5}$/.test(parts[2] ?? ""))
      return { view: "my", page: "receipt", version: Number(parts[2]), params };
    return { view: "my", page: "upload", params };
  }
  return { view: "home", params };
}

export function placeHref(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ""}`;
}
