import { LaoRegister } from "../../core";

/**
 * The LAO register (7,849 LAOs, ~0.9 MB of CSV) is not part of the pane's JavaScript: the build
 * copies data/lao-registry.csv next to taskpane.html as REGISTER_ASSET, and the pane fetches it
 * only when it needs it (choosing the LAO on first run, or finding the type of the workbook's LAO).
 * The browser caches it like any static file, and the server may compress it.
 */
export const REGISTER_ASSET = "lao-registry.csv";

export type FetchText = (url: string) => Promise<string>;

export class RegisterLoadError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "RegisterLoadError";
  }
}

/** Fetches a text file with the browser's fetch; an HTTP error status is an error, not an empty file. */
export const fetchText: FetchText = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${url}`);
  return response.text();
};

/**
 * A loader that fetches and parses the register once, however often it is called. A failed load
 * is not remembered, so the officer can retry.
 */
export function registerLoader(url: string, fetcher: FetchText = fetchText): () => Promise<LaoRegister> {
  let pending: Promise<LaoRegister> | undefined;
  return () => {
    pending ??= fetcher(url)
      .then((text) => LaoRegister.fromCsv(text))
      .catch((error: unknown) => {
        pending = undefined;
        const detail = error instanceof Error ? error.message : String(error);
        throw new RegisterLoadError(
          `โหลดทะเบียน อปท. ไม่สำเร็จ — ตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง (${detail})`,
          `Could not load the LAO register — check the internet connection and try again (${detail})`,
        );
      });
    return pending;
  };
}
