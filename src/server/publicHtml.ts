import type { SheetCell, SummarySheetModel, SummaryTableRow } from "../core/reports/summarySheet";

/**
 * The public results pages as HTML: no script, no file loaded, one small inline style sheet, so a
 * page is the same whether served, framed in another site, or saved as a file. Thai first; printable
 * on A4 (the menus, the embed code and the links are left out of the print).
 */

const FONT = `"TH Sarabun New", "TH SarabunPSK", Laksaman, "Noto Sans Thai", sans-serif`;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:${FONT};font-size:17px;line-height:1.45;color:#1b1b1b;background:#fff}
main{max-width:1080px;margin:0 auto;padding:16px}
h1{font-size:1.5em;margin:.2em 0}
h2{font-size:1.2em;margin:1.2em 0 .4em}
.kicker{margin:0;color:#45526c}
.sub{margin:.1em 0;color:#333}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border:1px solid #9aa3b2;padding:3px 6px;vertical-align:top;text-align:left}
thead th{background:#e8ecf3}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.area td{background:#f2f4f8;font-weight:700}
.pass{color:#0b6b2f}.below{color:#9a4b00}.not-done{color:#a4262c}.no-service{color:#555}
.incomplete,.invalid{color:#a4262c}
.bar{display:inline-block;height:.8em;background:#2f6fb7;vertical-align:middle;margin-right:6px}
.muted{color:#555}
.notes{font-size:.92em;color:#333}
dl.notes{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
dl.notes dt{color:#45526c}
dl.notes dd{margin:0}
.share{margin-top:1.5em;padding:10px 12px;border:1px solid #c8ced9;border-radius:6px;background:#f7f9fc}
.share textarea{width:100%;font-family:monospace;font-size:13px}
a{color:#0b5cad}
nav{margin:.5em 0}
@page{size:A4;margin:12mm}
@media print{
  body{font-size:12pt}
  main{max-width:none;padding:0}
  .noprint{display:none!important}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const e = escapeHtml;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

/** A number as a cell shows it under an Excel-style format of the summary sheet model. */
function formatNumber(value: number, format: string | null | undefined): string {
  if (format && /^0(\.0+)?$/.test(format)) return value.toFixed(format.split(".")[1]?.length ?? 0);
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function cell(value: SheetCell, format: string | null | undefined, tag = "td", extra = ""): string {
  if (typeof value === "number")
    return `<${tag} class="n${extra}">${e(formatNumber(value, format))}</${tag}>`;
  return `<${tag}${extra ? ` class="${extra.trim()}"` : ""}>${e(value ?? "")}</${tag}>`;
}

function resultRows(
  rows: readonly SummaryTableRow[],
  columns: number,
  formats?: readonly (string | null)[],
): string {
  return rows
    .map((r) =>
      r.kind === "area"
        ? `<tr class="area"><td colspan="${columns}">${e(String(r.cells[0] ?? ""))}</td></tr>`
        : `<tr>${r.cells
            .map((c, i) =>
              cell(c, formats?.[i], "td", i === r.cells.length - 1 && r.status ? ` ${r.status}` : ""),
            )
            .join("")}</tr>`,
    )
    .join("\n");
}

function head(columns: readonly string[]): string {
  return `<thead><tr>${columns.map((c) => `<th scope="col">${e(c)}</th>`).join("")}</tr></thead>`;
}

/** A bar of a pass rate (0–100) drawn with CSS, with its number. */
function rateBar(percent: number | null): string {
  if (percent === null) return `<span class="muted">-</span>`;
  return `<span class="bar" style="width:${(percent * 1.2).toFixed(1)}px" aria-hidden="true"></span>${percent.toFixed(2)}`;
}

export interface LaoPageModel {
  readonly sheet: SummarySheetModel;
  readonly facts: ReadonlyArray<readonly [string, string]>;
  readonly links: { page: string; download: string; province: string; provinceTh: string; csv: string };
  /** Framed in another site: the embed code and links to save are left out. */
  readonly embed: boolean;
  /** The file an LAO saves for its own website: links are absolute and there is no embed code. */
  readonly standalone: boolean;
}

export function iframeSnippet(pageUrl: string, title: string): string {
  return `<iframe src="${e(`${pageUrl}?embed=1`)}" title="${e(title)}" width="100%" height="900" style="border:0" loading="lazy"></iframe>`;
}

export function renderLaoPage(m: LaoPageModel): string {
  const s = m.sheet;
  const areaRows = s.areas.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === r.length - 1 ? `<td class="n">${rateBar(typeof c === "number" ? c : null)}</td>` : cell(c, s.areas.numberFormats[i]))).join("")}</tr>`,
    )
    .join("\n");
  const total = `<tr class="area">${s.areas.total.map((c, i) => cell(c, s.areas.numberFormats[i])).join("")}</tr>`;
  const satisfaction = s.satisfaction
    ? `<h2>${e(s.satisfaction.title)}</h2>
<table>${head(s.satisfaction.columns)}<tbody>${resultRows(s.satisfaction.rows, s.satisfaction.columns.length)}</tbody></table>`
    : "";
  const share =
    m.embed || m.standalone
      ? ""
      : `<section class="share noprint" aria-labelledby="share">
<h2 id="share">นำผลนี้ไปแสดงบนเว็บไซต์ของ อปท.</h2>
<p>คัดลอกโค้ดนี้ไปวางในหน้าเว็บไซต์ (แสดงผลล่าสุดเสมอ) <span lang="en" class="muted">/ embed code, always the latest results</span></p>
<textarea readonly rows="3" aria-label="โค้ด iframe สำหรับฝังในเว็บไซต์">${e(iframeSnippet(m.links.page, s.title))}</textarea>
<p>หรือ <a href="${e(m.links.download)}" download>ดาวน์โหลดหน้านี้เป็นไฟล์ HTML</a> เพื่ออัปโหลดขึ้นเว็บไซต์ของ อปท. เอง (เป็นผล ณ วันที่ดาวน์โหลด)</p>
</section>`;
  const nav = m.embed
    ? ""
    : `<nav class="noprint"><a href="${e(m.links.province)}">ผลของ อปท. ในจังหวัด${e(m.links.provinceTh)}</a> · <a href="${e(m.links.csv)}">ข้อมูลเปิด (CSV)</a></nav>`;
  return page(
    s.title,
    `<header>
<p class="kicker">ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น</p>
<h1>${e(s.title)}</h1>
${s.subtitle.map((line) => `<p class="sub">${e(line)}</p>`).join("\n")}
${nav}
</header>
<h2>ร้อยละที่ผ่านค่าเป้าหมายขั้นต่ำ จำแนกตามด้าน</h2>
<table class="areas">${head(s.areas.columns)}<tbody>
${areaRows}
${total}
</tbody></table>
<h2>ผลการประเมินรายตัวชี้วัด</h2>
<table class="results">${head(s.results.columns)}<tbody>
${resultRows(s.results.rows, s.results.columns.length, s.results.numberFormats)}
</tbody></table>
${satisfaction}
<div class="notes">${s.notes.map((n) => `<p>${e(n)}</p>`).join("\n")}</div>
<dl class="notes">${m.facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join("")}</dl>
${share}`,
  );
}

export interface ProvincePageModel {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly completeness: ReadonlyArray<readonly [string, string]>;
  readonly areas: ReadonlyArray<{ title: string; assessed: number; pass: number; passRate: number | null }>;
  readonly laos: ReadonlyArray<{
    name: string;
    code: string;
    districtTh: string;
    href: string | null;
    passRate: number | null;
    state: string;
  }>;
  readonly links: { csv: string; json: string; dictionary: string };
  readonly notes: readonly string[];
}

export function renderProvincePage(m: ProvincePageModel): string {
  const areas = m.areas
    .map(
      (a) =>
        `<tr><td>${e(a.title)}</td><td class="n">${a.assessed}</td><td class="n">${a.pass}</td><td class="n">${rateBar(a.passRate)}</td></tr>`,
    )
    .join("\n");
  const laos = m.laos
    .map(
      (l) =>
        `<tr><td>${l.href ? `<a href="${e(l.href)}">${e(l.name)}</a>` : e(l.name)}</td><td>${e(l.code)}</td><td>${e(l.districtTh)}</td><td>${e(l.state)}</td><td class="n">${l.passRate === null ? "-" : l.passRate.toFixed(2)}</td></tr>`,
    )
    .join("\n");
  return page(
    m.title,
    `<header>
<p class="kicker">ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น</p>
<h1>${e(m.title)}</h1>
${m.subtitle.map((line) => `<p class="sub">${e(line)}</p>`).join("\n")}
<nav class="noprint">ข้อมูลเปิด: <a href="${e(m.links.csv)}">CSV</a> · <a href="${e(m.links.json)}">JSON</a> · <a href="${e(m.links.dictionary)}">คำอธิบายข้อมูล</a></nav>
</header>
<h2>ความครบถ้วน</h2>
<table class="completeness"><tbody>${m.completeness.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td class="n">${e(v)}</td></tr>`).join("")}</tbody></table>
<h2>ร้อยละที่ผ่านค่าเป้าหมายขั้นต่ำ จำแนกตามด้าน (เฉพาะ อปท. ที่เผยแพร่ผลแล้ว)</h2>
<table class="areas">${head(["ด้าน", "จำนวนที่ประเมินได้", "ผ่าน", "ร้อยละที่ผ่าน"])}<tbody>
${areas}
</tbody></table>
<h2>รายชื่อ อปท.</h2>
<table class="laos">${head(["อปท.", "รหัส", "อำเภอ", "สถานะ", "ร้อยละที่ผ่าน"])}<tbody>
${laos}
</tbody></table>
<div class="notes">${m.notes.map((n) => `<p>${e(n)}</p>`).join("\n")}</div>`,
  );
}

/** The Thai "not found / not public yet" page. */
export function renderNotFound(
  heading: string,
  detail: string,
  link?: { href: string; text: string },
): string {
  return page(
    heading,
    `<h1>${e(heading)}</h1>
<p>${e(detail)}</p>
${link ? `<p><a href="${e(link.href)}">${e(link.text)}</a></p>` : ""}
<p lang="en" class="muted">Not found, or not public yet.</p>`,
  );
}
