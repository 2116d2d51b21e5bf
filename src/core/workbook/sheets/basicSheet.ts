import { cellAddress } from "../a1";
import { basicPath, parseDocumentPath, preparerPath } from "../../rules/inputPath";
import { LAO_TYPE_INFO, laoDisplayName, type LaoType } from "../../rules/laoTypes";
import { PAGE_NUMBER_FOOTER } from "../printSetup";
import { numberValidation } from "../prompts";
import type { Lao } from "../../rules/register";
import type { Round } from "../../rules/round";
import { heightFor } from "../rowHeights";
import type { CellSpec, InputKind, NamedItemSpec, SheetSpec, ValidationSpec } from "../spec";
import { FIELD_NAMES, villagesField } from "../../rules/vocabulary";
import { NAME_LAO_CODE, NAME_LAO_TYPE, NAME_ROUND } from "../workbookNames";

const BASIC_WIDTHS = [40, 30, 44];

interface BasicField {
  readonly label: string;
  readonly path: string;
  readonly kind: InputKind;
  readonly name?: string;
  readonly validation: ValidationSpec;
  readonly numberFormat: string;
}

function basicFields(type: LaoType): BasicField[] {
  const villagesName = villagesField(type);
  const villages = villagesName.unit ? `${villagesName.th} (${villagesName.unit})` : villagesName.th;
  const text = (title: string, prompt: string): ValidationSpec => ({
    type: "textLength",
    limit: 100,
    promptTitle: title,
    prompt,
    errorTitle: "ข้อความยาวเกินไป",
    error: "พิมพ์ได้ไม่เกิน 100 ตัวอักษร",
  });
  return [
    {
      label: `${FIELD_NAMES.population} (คน)`,
      path: basicPath("population"),
      kind: "people",
      numberFormat: "#,##0",
      validation: numberValidation(
        "whole",
        FIELD_NAMES.population,
        "จำนวนประชากรตามทะเบียนราษฎร (คน) — พิมพ์จำนวนเต็ม ใช้เลขไทยได้",
      ),
    },
    {
      label: `${FIELD_NAMES.households} (ครัวเรือน)`,
      path: basicPath("households"),
      kind: "people",
      numberFormat: "#,##0",
      validation: numberValidation(
        "whole",
        FIELD_NAMES.households,
        "จำนวนครัวเรือนตามทะเบียนราษฎร — พิมพ์จำนวนเต็ม ใช้เลขไทยได้",
      ),
    },
    {
      label: villages,
      path: basicPath("villages"),
      kind: "count",
      numberFormat: "#,##0",
      validation: numberValidation("whole", villagesName.th, `${villages} — พิมพ์จำนวนเต็ม ใช้เลขไทยได้`),
    },
    {
      label: `${FIELD_NAMES.budget} (บาท)`,
      path: basicPath("budget"),
      kind: "money",
      numberFormat: "#,##0.00",
      validation: numberValidation(
        "decimal",
        FIELD_NAMES.budget,
        "งบประมาณรายจ่ายประจำปีตามข้อบัญญัติ/เทศบัญญัติ (บาท) — พิมพ์ตัวเลข มีทศนิยมได้ ใช้เลขไทยได้",
      ),
    },
    {
      label: "ชื่อ-นามสกุล ผู้จัดเก็บข้อมูล",
      path: preparerPath("name"),
      kind: "text",
      numberFormat: "@",
      validation: text("ผู้จัดเก็บข้อมูล", "ชื่อและนามสกุลของผู้จัดเก็บข้อมูล"),
    },
    {
      label: "ตำแหน่ง",
      path: preparerPath("position"),
      kind: "text",
      numberFormat: "@",
      validation: text("ตำแหน่ง", "ตำแหน่งของผู้จัดเก็บข้อมูล"),
    },
    {
      label: "เบอร์โทรศัพท์",
      path: preparerPath("phone"),
      kind: "phone",
      numberFormat: "@",
      validation: text("เบอร์โทรศัพท์", "เบอร์โทรศัพท์ที่ติดต่อได้ เช่น 081 234 5678"),
    },
  ];
}

export function basicSheet(
  name: string,
  round: Round,
  lao: Lao,
): { sheet: SheetSpec; names: NamedItemSpec[] } {
  const type = lao.type;
  const info = LAO_TYPE_INFO[type];
  const cells: CellSpec[] = [];
  const names: NamedItemSpec[] = [];
  const sheetWidth = BASIC_WIDTHS.reduce((a, b) => a + b, 0);
  const rowHeights: { row: number; height: number }[] = [];
  cells.push({ address: "A1", style: "title", value: `${name}  ข้อมูลพื้นฐานของ ${info.full}` });
  cells.push({ address: "A2", style: "subtitle", value: round.title });
  cells.forEach((cell, i) =>
    rowHeights.push({ row: i + 1, height: heightFor([[String(cell.value), sheetWidth, cell.style]]) }),
  );
  let row = 4;
  const section = (title: string): void => {
    cells.push({ address: cellAddress(row, 1), style: "section", value: title });
    cells.push({ address: cellAddress(row, 2), style: "section", value: "" });
    cells.push({ address: cellAddress(row, 3), style: "section", value: "" });
    rowHeights.push({ row, height: heightFor([[title, sheetWidth, "section"]]) });
    row += 1;
  };
  const identity = (label: string, value: string, name?: string, comment?: string): void => {
    cells.push({ address: cellAddress(row, 1), style: "label", value: label });
    cells.push({ address: cellAddress(row, 2), style: "fixed", value, numberFormat: "@" });
    if (name) names.push({ name, sheet: "", address: cellAddress(row, 2), comment: comment ?? label });
    rowHeights.push({
      row,
      height: heightFor([
        [label, BASIC_WIDTHS[0]!, "label"],
        [value, BASIC_WIDTHS[1]!, "fixed"],
      ]),
    });
    row += 1;
  };
  section("ส่วนที่ 1 ข้อมูล อปท. (จากทะเบียน อปท. แก้ไขไม่ได้)");
  identity("รหัส อปท.", lao.code, NAME_LAO_CODE, "รหัส อปท. 7 หลัก / the LAO code");
  identity("ชื่อ อปท.", laoDisplayName(type, lao.name));
  identity(
    "ประเภท อปท.",
    info.th,
    NAME_LAO_TYPE,
    "ประเภท อปท. ที่สูตร MINSTD ใช้ / the LAO type the formulas read",
  );
  identity("อำเภอ", lao.districtTh);
  identity("จังหวัด", lao.provinceTh);
  identity("รอบการประเมิน", round.id, NAME_ROUND, "รอบการประเมิน / the round");
  identity("ปีงบประมาณของข้อมูล", `พ.ศ. ${round.fiscalYear}`);
  row += 1;
  section("ส่วนที่ 2 ข้อมูลพื้นฐาน");
  const fields = basicFields(type);
  const inputCell = (field: BasicField): void => {
    cells.push({ address: cellAddress(row, 1), style: "label", value: field.label });
    cells.push({
      address: cellAddress(row, 2),
      style: field.kind === "text" || field.kind === "phone" ? "inputText" : "input",
      numberFormat: field.numberFormat,
      input: { path: field.path, kind: field.kind, validation: field.validation },
    });
    cells.push({ address: cellAddress(row, 3), style: "guide", value: field.validation.prompt });
    rowHeights.push({
      row,
      height: heightFor([
        [field.label, BASIC_WIDTHS[0]!, "label"],
        [field.validation.prompt, BASIC_WIDTHS[2]!, "guide"],
      ]),
    });
    row += 1;
  };
  fields.filter((f) => parseDocumentPath(f.path)?.kind === "basic").forEach(inputCell);
  row += 1;
  section("ส่วนที่ 3 ผู้จัดเก็บข้อมูล");
  fields.filter((f) => parseDocumentPath(f.path)?.kind === "preparer").forEach(inputCell);
  row += 1;
  const guide =
    "กรอกเฉพาะช่องสีเหลือง แล้วกรอกแผ่นงานของแต่ละด้าน (แบบ 2-x) ผลการประเมินคำนวณให้เองในทุกโปรแกรม (Excel, LibreOffice, WPS, Google Sheets) เมื่อเปิดด้วย Add-in MinStd จะบอกเหตุของข้อมูลที่ไม่ถูกต้องด้วย — ส่งแฟ้มนี้ได้จาก Add-in หรืออัปโหลดที่หน้าเว็บของระบบรับข้อมูลด้วยรหัสเข้าใช้ของ อปท.";
  cells.push({ address: cellAddress(row, 1), style: "guide", value: guide });
  rowHeights.push({ row, height: heightFor([[guide, sheetWidth, "guide"]]) });
  const merges = ["A1:C1", "A2:C2", `A${row}:C${row}`];
  return {
    sheet: {
      name,
      role: "basic",
      visibility: "visible",
      columns: BASIC_WIDTHS,
      cells,
      merges,
      rowHeights,
      conditionalFormats: [],
      print: {
        orientation: "portrait",
        header: `${name} · ${laoDisplayName(type, lao.name)} · รอบ ${round.id}`,
        footer: PAGE_NUMBER_FOOTER,
      },
      protect: true,
      rows: [],
    },
    names: names.map((n) => ({ ...n, sheet: name })),
  };
}
