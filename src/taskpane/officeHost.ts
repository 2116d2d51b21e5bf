import { missingSets, type IsSetSupported, type RequirementSet } from "../excel/requirements";

/**
 * Where the pane is running. Office.onReady resolves with host null outside Office (a plain
 * browser), with another host name in Word or PowerPoint, and never when office.js did not load.
 * An Excel without a requirement set the pane cannot work without (perpetual Office 2016/2019,
 * Excel on iPad) is "excel-lacking", with the sets it lacks.
 */
export type HostStatus =
  | { readonly kind: "excel" }
  | { readonly kind: "excel-lacking"; readonly missing: readonly RequirementSet[] }
  | { readonly kind: "other-host"; readonly host: string }
  | { readonly kind: "no-office" };

/** The part of the Office global the pane uses. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
  /** Available once onReady has resolved. */
  readonly context?: { readonly requirements?: { readonly isSetSupported?: IsSetSupported } };
}

/** The Office global of office.js, if the script loaded. */
export function officeGlobal(): OfficeLike | undefined {
  const office = (globalThis as unknown as { Office?: Partial<OfficeLike> }).Office;
  return typeof office?.onReady === "function" ? (office as OfficeLike) : undefined;
}

/** How long to wait for Office.onReady before concluding the pane is not inside Office. */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

export async function detectHost(
  office: OfficeLike | undefined,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<HostStatus> {
  if (!office) return { kind: "no-office" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    const host = info?.host ?? null;
    if (host === null) return { kind: "no-office" };
    if (host !== "Excel") return { kind: "other-host", host };
    const requirements = office.context?.requirements;
    // office.js always has the requirements API; a stand-in without it is not held to the list.
    if (typeof requirements?.isSetSupported !== "function") return { kind: "excel" };
    const missing = missingSets((name, version) => requirements.isSetSupported!(name, version));
    return missing.length === 0 ? { kind: "excel" } : { kind: "excel-lacking", missing };
  } finally {
    clearTimeout(timer);
  }
}
