import type { Lao } from "../../rules/register";
import type { Readings } from "./readingRows";
import { READING_FIRST_ROW } from "./readingRows";
import type { Round } from "../../rules/round";
import type { CellSpec, NamedItemSpec, SheetSpec } from "../spec";
import { LAYOUT_VERSION, META_SHEET, NAME_ADDIN, NAME_LAO_TYPE, WORKBOOK_FORMAT } from "../workbookNames";

/** Metadata keys and their value cells, fixed so a reader finds them before it knows the round. */
export const META_CELLS = {
  format: "B1",
  version: "B2",
  round: "B3",
  lao: "B4",
  laoType: "B5",
  fingerprint: "B6",
} as const;
export type MetaKey = keyof typeof META_CELLS;
const META_LABELS: Readonly<Record<MetaKey, string>> = {
  format: "รูปแบบแฟ้ม / format",
  version: "รุ่นของแบบ / layout version",
  round: "รอบการประเมิน / round",
  lao: "รหัส อปท. / LAO code",
  laoType: "ประเภท อปท. / LAO type",
  fingerprint: "ลายนิ้วมือของแบบ / layout fingerprint",
};

/** The row of the cell that asks the add-in for a target: the named item NAME_ADDIN. */
const ADDIN_PROBE_ROW = 9;

/**
 * The very hidden metadata sheet: the workbook's format, layout version, round, LAO and fingerprint,
 * the add-in probe, and the working cells that read each input for the portable formulas.
 */
export function metaSheet(
  round: Round,
  lao: Lao,
  fingerprint: string,
  probeIndicator: string,
  readings: Readings,
): { sheet: SheetSpec; names: NamedItemSpec[] } {
  const values: Record<MetaKey, string> = {
    format: WORKBOOK_FORMAT,
    version: String(LAYOUT_VERSION),
    round: round.id,
    lao: lao.code,
    laoType: lao.type,
    fingerprint,
  };
  const cells: CellSpec[] = [];
  for (const key of Object.keys(META_CELLS) as MetaKey[]) {
    const address = META_CELLS[key];
    const row = Number(address.slice(1));
    cells.push({ address: `A${row}`, style: "meta", value: META_LABELS[key] });
    cells.push({ address, style: "meta", value: values[key], numberFormat: "@" });
  }
  cells.push({
    address: "A8",
    style: "meta",
    value: "แผ่นงานนี้ระบุรอบ อปท. และรุ่นของแบบ ห้ามแก้ไข / identifies the workbook; do not edit",
  });
  cells.push({
    address: `A${ADDIN_PROBE_ROW}`,
    style: "meta",
    value: "Add-in MinStd ทำงานอยู่หรือไม่ (ตัวเลข = ทำงาน) / whether the add-in answers",
  });
  cells.push({
    address: `B${ADDIN_PROBE_ROW}`,
    style: "meta",
    formula: {
      fn: "TARGET",
      indicatorId: probeIndicator,
      args: [{ text: probeIndicator }, { name: NAME_LAO_TYPE }],
    },
  });
  cells.push({
    address: `A${READING_FIRST_ROW - 1}`,
    style: "meta",
    value:
      "ช่องคำนวณสำหรับโปรแกรมที่ไม่มี Add-in: อ่านค่าที่กรอกแต่ละช่อง / working cells that read each input without the add-in",
  });
  cells.push(...readings.cells);
  return {
    sheet: {
      name: META_SHEET,
      role: "meta",
      visibility: "veryHidden",
      columns: [36, 40],
      cells,
      merges: [],
      rowHeights: [],
      conditionalFormats: [],
      protect: true,
      rows: [],
    },
    names: [
      {
        name: NAME_ADDIN,
        sheet: META_SHEET,
        address: `B${ADDIN_PROBE_ROW}`,
        comment: "ตัวเลขเมื่อ Add-in MinStd ทำงาน / a number where the add-in answers",
      },
    ],
  };
}
