/**
 * HTTPS for the add-in's dev server (Office loads add-ins only over https). Windows and macOS use
 * office-addin-dev-certs as the Office templates do: it creates a development CA and asks once to
 * trust it. On Linux that tool would run sudo, so the certificates are only generated (no prompt)
 * and the README explains how to trust the CA in the browser that runs Excel on the web.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { getHttpsServerOptions } from "office-addin-dev-certs";
import { generateCertificates } from "office-addin-dev-certs/lib/generate";
import {
  caCertificatePath,
  localhostCertificatePath,
  localhostKeyPath,
} from "office-addin-dev-certs/lib/defaults";

export interface HttpsOptions {
  readonly ca: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
}

export const CA_CERTIFICATE_PATH = caCertificatePath;

export async function devServerHttpsOptions(): Promise<HttpsOptions> {
  if (process.platform !== "linux") {
    const o = await getHttpsServerOptions();
    return { ca: o.ca as Buffer, cert: o.cert as Buffer, key: o.key as Buffer };
  }
  const files = [caCertificatePath, localhostCertificatePath, localhostKeyPath];
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) await generateCertificates();
  else if (present.length < files.length) {
    throw new Error(
      `incomplete development certificates: delete ${dirname(caCertificatePath)} and start again`,
    );
  }
  return {
    ca: readFileSync(caCertificatePath),
    cert: readFileSync(localhostCertificatePath),
    key: readFileSync(localhostKeyPath),
  };
}
