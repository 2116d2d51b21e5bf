/**
 * Where the pane is running. Office.onReady resolves with host null outside Office (a plain
 * browser), with another host name in Word or PowerPoint, and never when office.js did not load.
 */
export type HostStatus =
  | { readonly kind: "excel" }
  | { readonly kind: "other-host"; readonly host: string }
  | { readonly kind: "no-office" };

/** The part of the Office global the pane uses. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
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
    return host === "Excel" ? { kind: "excel" } : { kind: "other-host", host };
  } finally {
    clearTimeout(timer);
  }
}
