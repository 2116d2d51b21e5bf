/**
 * A real `minstd serve` with data for the dashboard's browser tests: an admin made with
 * `minstd admin user add` before the server starts, everything else through the API as the
 * offices and LAOs would do it (staff users and their codes, LAO codes, windows, an extension,
 * a test round 2569 that continues 2568, submissions and a return).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { bangkokIsoDate, compileRound, shippedRound, type Round } from "../../src/core";
import { followingRound } from "../../src/core/rules/generatedRound";
import { loadRegister } from "../../src/dataFiles";
import { completeDocument } from "../server/documents";

const BIN = join(__dirname, "../../bin/minstd.js");

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** `minstd serve --port 0` on the embedded database in `dataDir` (or DATABASE_URL in env). */
export async function serve(dataDir: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--data", dataDir], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`minstd serve exited with ${code}: ${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** `minstd admin user add --role admin`: the one-time code it prints. */
export function adminCode(dataDir: string, env: Record<string, string> = {}): string {
  const out = spawnSync(
    process.execPath,
    [BIN, "admin", "user", "add", "--role", "admin", "--name", "ผู้ดูแลระบบทดสอบ", "--data", dataDir],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", ...env } },
  );
  const code = /one-time sign-in code: (\S+)/.exec(out.stdout)?.[1];
  if (!code) throw new Error(`minstd admin user add failed: ${out.stdout}${out.stderr}`);
  return code;
}

export async function api<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function signIn(url: string, code: string): Promise<string> {
  return (await api<{ token: string }>(url, "POST", "/sessions", undefined, { code })).token;
}

const day = (offset: number) => bangkokIsoDate(new Date(Date.now() + offset * 86_400_000));

export interface Seeded {
  /** One-time codes for the browser to sign in with. */
  readonly provinceCode: string;
  readonly provinceCode2: string;
  readonly nationalCode: string;
  readonly adminToken: string;
  readonly round2569: Round;
  /** LAOs of province 22 by what happened to them in 2568. */
  readonly submitted2568: readonly string[];
  readonly extended2568: string;
  /** The LAO that also submitted in 2569 (year over year). */
  readonly yoyLao: string;
  readonly submitted2569: readonly string[];
}

const MUNICIPAL = new Set(["city", "town", "subdistrict"]);

/**
 * 2568 (municipal round): 12 of province 22's municipalities and 6 of province 80's submitted while
 * the window was open, one was returned; then the window was moved into the past (so the others are
 * late) and one LAO got an extension. 2569, a test round continuing 2568, is open now: three LAOs of
 * province 22 submitted.
 */
/** A new staff user's one-time code, issued by the administrator. */
export async function issueStaffCode(
  url: string,
  admin: string,
  role: "province" | "national",
  name: string,
  province?: string,
): Promise<string> {
  const user = await api(url, "POST", "/users", admin, {
    role,
    displayName: name,
    ...(province && { provinceCode: province }),
  });
  return (await api(url, "POST", `/users/${user.id}/access-codes`, admin, {})).code as string;
}

export async function seed(url: string, adminCodeText: string): Promise<Seeded> {
  const admin = await signIn(url, adminCodeText);
  const staffCode = (role: "province" | "national", name: string, province?: string) =>
    issueStaffCode(url, admin, role, name, province);
  const provinceCode = await staffCode("province", "สถจ.จันทบุรี", "22");
  const provinceCode2 = await staffCode("province", "สถจ.จันทบุรี (เครื่องที่ 2)", "22");
  const nationalCode = await staffCode("national", "สำนักงาน ก.ก.ถ.");
  const returner = await signIn(url, await staffCode("province", "สถจ.จันทบุรี (ผู้ตรวจ)", "22"));

  const register = loadRegister();
  const laoCodes = new Map<string, string>();
  for (const province of ["22", "80"]) {
    const issued = await api<Array<{ lao: string; code: string }>>(
      url,
      "POST",
      `/provinces/${province}/access-codes`,
      admin,
      {},
    );
    for (const i of issued) laoCodes.set(i.lao, i.code);
  }
  const laoTokens = new Map<string, string>();
  const laoToken = async (lao: string) => {
    if (!laoTokens.has(lao)) laoTokens.set(lao, await signIn(url, laoCodes.get(lao)!));
    return laoTokens.get(lao)!;
  };

  await api(url, "PUT", "/rounds/2568/window", admin, { opens: day(-30), closes: day(5) });
  const r2568 = compileRound(shippedRound("2568")!);
  const municipal = (province: string) => register.inProvince(province).filter((l) => MUNICIPAL.has(l.type));
  const in22 = municipal("22");
  const submitted2568 = in22.slice(0, 12).map((l) => l.code);
  const chosen = [...in22.slice(0, 12), ...municipal("80").slice(0, 6)];
  for (const [i, lao] of chosen.entries()) {
    await api(url, "POST", "/submissions", await laoToken(lao.code), {
      id: `seed-2568-${lao.code}`,
      document: completeDocument(r2568, lao, i),
    });
  }
  await api(url, "POST", `/laos/${submitted2568[1]}/submissions/2568/returns`, returner, {
    version: 1,
    comments: { "2568-1-01": "จำนวนโครงการไม่ตรงกับเทศบัญญัติ กรุณาตรวจสอบ" },
    note: "แก้ไขแล้วส่งใหม่",
  });
  // The window has now closed: municipalities that sent nothing are late, but for an extension.
  await api(url, "PUT", "/rounds/2568/window", admin, { opens: day(-60), closes: day(-3) });
  const extended2568 = in22[13]!.code;
  await api(url, "PUT", `/rounds/2568/extensions/${extended2568}`, admin, {
    closes: day(4),
    reason: "น้ำท่วมสำนักงาน",
  });

  const round2569 = followingRound(shippedRound("2568")!, "2569");
  await api(url, "PUT", "/rounds/2569", admin, round2569);
  await api(url, "PUT", "/rounds/2569/window", admin, { opens: day(-10), closes: day(12) });
  const r2569 = compileRound(round2569);
  const submitted2569 = [in22[0]!.code, in22[2]!.code, in22[3]!.code];
  for (const [i, code] of submitted2569.entries()) {
    await api(url, "POST", "/submissions", await laoToken(code), {
      id: `seed-2569-${code}`,
      document: completeDocument(r2569, register.get(code)!, i + 5),
    });
  }
  return {
    provinceCode,
    provinceCode2,
    nationalCode,
    adminToken: admin,
    round2569,
    submitted2568,
    extended2568,
    yoyLao: submitted2569[0]!,
    submitted2569,
  };
}
