/** The add-in's part of `npm start`: the webpack dev server on https://localhost:3000 and how to sideload. */
import { join, resolve } from "node:path";
import type { Service } from "./services";

const ROOT = resolve(__dirname, "../..");
export const ADDIN_URL = "https://localhost:3000/";
export const MANIFEST = join(ROOT, "manifest.xml");

export function addinDevServer(): Service {
  return {
    name: "add-in",
    command: process.execPath,
    args: [
      join(ROOT, "node_modules/webpack/bin/webpack.js"),
      "serve",
      "--mode",
      "development",
      "--stats",
      "minimal",
    ],
    cwd: ROOT,
    ready: {
      pattern: /compiled successfully/,
      message: `\nMinStd add-in: ${ADDIN_URL}taskpane.html — โหลด add-in เข้า Excel ได้แล้ว / ready to sideload (see above)\n`,
    },
  };
}

/** What to do in Excel on Windows, on Mac and on the web, in Thai and English. */
export function sideloadInstructions(platform: NodeJS.Platform = process.platform): string {
  const lines = [
    `Excel add-in (dev server ${ADDIN_URL}, manifest ${MANIFEST}):`,
    "",
    "  Excel บนเว็บ / Excel on the web:",
    `    1. เปิด ${ADDIN_URL}taskpane.html ในเบราว์เซอร์เดียวกันหนึ่งครั้ง ให้เบราว์เซอร์เชื่อถือใบรับรอง / open it once so the browser trusts the certificate`,
    "    2. เปิดสมุดงาน: หน้าแรก (Home) › Add-ins › More Add-ins › My Add-ins › Upload My Add-in › เลือก manifest.xml",
    "",
    "  Excel บน Windows / Excel on Windows:",
    "    npx office-addin-dev-settings sideload manifest.xml desktop --app excel",
    "    (หรือแชร์โฟลเดอร์ที่มี manifest.xml แล้วเพิ่มเป็น Trusted Add-in Catalog / or use a shared-folder catalog: see docs/en/operators.md)",
    "",
    "  Excel บน Mac / Excel on Mac:",
    "    cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/   (สร้างโฟลเดอร์ wef ถ้ายังไม่มี / create wef if missing)",
    "    เปิด Excel ใหม่ › แทรก (Insert) › My Add-ins ▾ › Developer Add-ins › MinStd",
    "",
    '  แล้วพิมพ์ในเซลล์ / then type in a cell:  =MINSTD.CHECK("2563-1-01", 85, 100, "อบต.")',
  ];
  if (platform === "linux") {
    lines.push(
      "",
      "  Linux: ใบรับรองสำหรับทดสอบอยู่ที่ ~/.office-addin-dev-certs/ — นำ ca.crt เข้าเบราว์เซอร์ (Authorities) ตาม docs/th/operators.md",
      "         the development certificates are in ~/.office-addin-dev-certs/: import ca.crt into the browser (see docs/en/operators.md)",
    );
  }
  return lines.join("\n");
}
