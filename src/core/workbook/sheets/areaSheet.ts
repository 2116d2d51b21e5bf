import { absoluteCell, cellAddress, columnLetter, quoteSheet } from "../a1";
import { AREA_COL, AREA_COLUMNS, AREA_HEADER_ROW, AREA_WIDTHS } from "./areaColumns";
import { indicatorText, type CompiledIndicator } from "../../rules/compiledRound";
import { indicatorInputs } from "./indicatorInputs";
import { laoDisplayName, type LaoType } from "../../rules/laoTypes";
import { percentFormula, resultFormula, type IndicatorReadings, type ReadingRule } from "../portableFormulas";
import { PAGE_NUMBER_FOOTER, titleRows } from "../printSetup";
import { withUnit } from "../prompts";
import type { Readings } from "./readingRows";
import type { Lao } from "../../rules/register";
import type { Round } from "../../rules/round";
import { heightFor } from "../rowHeights";
import { statusLabel, STATUSES } from "../../rules/scoring";
import type { CellSpec, ConditionalTextRule, FormulaArg, IndicatorRow, SheetSpec } from "../spec";
import { STATUS_COLOURS } from "../styles";
import { NAME_LAO_TYPE } from "../workbookNames";

/** The explanation under an indicator's text: what (1) and (2) hold, the unit, a provisional target. */
function indicatorDetails(ind: CompiledIndicator, type: LaoType): string {
  const def = ind.def;
  const lines: string[] = [];
  if (def.inputs) {
    lines.push(`(1) ${withUnit(def.inputs.base, def.inputs.unit)}`);
    lines.push(`(2) ${withUnit(def.inputs.served, def.inputs.unit)}`);
  } else if (def.kind === "count") {
    lines.push(`กรอกช่อง (2): จำนวน (${def.unit})`);
  } else if (def.kind === "yesno") {
    lines.push("กรอกช่อง (2): มี หรือ ไม่มี");
  }
  if (def.comparison === "<=") lines.push("ยิ่งน้อยยิ่งดี: ผ่านเมื่อไม่เกินค่าเป้าหมาย");
  if (ind.targets[type]?.provisional) lines.push("* ค่าเป้าหมายชั่วคราว (ยังไม่มีหนังสืออ้างอิง)");
  return lines.join("\n");
}

function resultRules(round: Round): ConditionalTextRule[] {
  return STATUSES.map((status) => {
    const [fill, color, bold] = STATUS_COLOURS[status];
    return { text: statusLabel(status, round), status, fill, color, ...(bold && { bold }) };
  });
}

/** A number input's reading rule: whole numbers for counts that must be whole and for satisfaction. */
function numberRule(ind: CompiledIndicator): ReadingRule {
  return { kind: "number", integer: ind.integer };
}

export function areaSheet(
  name: string,
  tableName: string,
  area: Round["areas"][number],
  indicators: readonly CompiledIndicator[],
  round: Round,
  lao: Lao,
  readings: Readings,
): SheetSpec {
  const type = lao.type;
  const cells: CellSpec[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const lastCol = AREA_COLUMNS.length;
  const span = (row: number): string => `${cellAddress(row, 1)}:${cellAddress(row, lastCol)}`;
  cells.push({ address: "A1", style: "title", value: `${name}  ${area.title}` });
  cells.push({
    address: "A2",
    style: "subtitle",
    value: `${laoDisplayName(type, lao.name)} อ.${lao.districtTh} จ.${lao.provinceTh} (รหัส ${lao.code}) · รอบการประเมิน ${round.id} ข้อมูลปีงบประมาณ พ.ศ. ${round.fiscalYear}`,
  });
  const guide =
    "กรอกเฉพาะช่องสีเหลือง: ตัวชี้วัดร้อยละกรอก (1) กรอบการประเมิน และ (2) การจัดบริการสาธารณะ ตัวชี้วัดจำนวนหรือ มี/ไม่มี กรอกช่อง (2) ช่องเดียว · พิมพ์ - เมื่อไม่ได้ดำเนินการ · ใช้เลขไทยได้ · ค่าเป้าหมาย ร้อยละ และผลการประเมินคำนวณให้เอง";
  cells.push({ address: "A3", style: "guide", value: guide });
  const sheetWidth = AREA_WIDTHS.reduce((a, b) => a + b, 0);
  cells
    .slice(0, 3)
    .forEach((cell, i) =>
      rowHeights.push({ row: i + 1, height: heightFor([[String(cell.value), sheetWidth, cell.style]]) }),
    );
  AREA_COLUMNS.forEach((title, i) =>
    cells.push({ address: cellAddress(AREA_HEADER_ROW, i + 1), style: "header", value: title }),
  );
  rowHeights.push({
    row: AREA_HEADER_ROW,
    height: heightFor(AREA_COLUMNS.map((title, i) => [title, AREA_WIDTHS[i]!, "header"] as const)),
  });

  const rows: IndicatorRow[] = [];
  let row = AREA_HEADER_ROW;
  let mission: string | undefined;
  for (const ind of indicators) {
    if (ind.mission.id !== mission) {
      mission = ind.mission.id;
      row += 1;
      cells.push({ address: cellAddress(row, AREA_COL.id), style: "mission", value: "" });
      cells.push({ address: cellAddress(row, AREA_COL.text), style: "mission", value: ind.mission.title });
      for (let c = AREA_COL.target; c <= lastCol; c++)
        cells.push({ address: cellAddress(row, c), style: "mission", value: "" });
      rowHeights.push({ row, height: heightFor([[ind.mission.title, AREA_WIDTHS[1]!, "mission"]]) });
    }
    row += 1;
    const def = ind.def;
    const text = `${def.no}. ${indicatorText(def, type)}`;
    const details = indicatorDetails(ind, type);
    const inputs = indicatorInputs(ind, row);
    const r = inputs.row;
    const typeArg: FormulaArg = { name: NAME_LAO_TYPE };
    cells.push({ address: r.idCell, style: "id", value: def.id, numberFormat: "@" });
    cells.push({
      address: cellAddress(row, AREA_COL.text),
      style: "text",
      value: details ? `${text}\n${details}` : text,
    });
    // A มี/ไม่มี indicator's target is the word มี, not the number MINSTD.TARGET gives; a
    // satisfaction question with no target shows "-", as the printout (แบบ 3) prints none.
    const fixedTarget = def.kind === "yesno" ? "มี" : ind.targets[type] === undefined ? "-" : undefined;
    cells.push(
      fixedTarget !== undefined
        ? { address: r.target, style: "target", numberFormat: "General", value: fixedTarget }
        : {
            address: r.target,
            style: "target",
            numberFormat: "General",
            formula: {
              fn: "TARGET",
              indicatorId: def.id,
              args: [{ text: def.id }, typeArg],
              portable: String(ind.targets[type]!.value),
            },
          },
    );
    cells.push(...inputs.cells);
    const input = (address: string): string => `${quoteSheet(name)}!${absoluteCell(address)}`;
    const at: IndicatorReadings =
      r.base && r.served
        ? {
            base: readings.add(def.id, "base", input(r.base), numberRule(ind)),
            served: readings.add(def.id, "served", input(r.served), numberRule(ind)),
          }
        : {
            value: readings.add(
              def.id,
              "value",
              input(r.value!),
              def.kind === "yesno" ? { kind: "yesno" } : numberRule(ind),
            ),
          };
    if (r.percent && r.base && r.served && "base" in at) {
      cells.push({
        address: r.percent,
        style: "percent",
        numberFormat: "0.00",
        // "-" while the percentage does not apply (nothing entered, (1) = 0, (2) = -), as on the printouts.
        formula: {
          fn: "PERCENT",
          indicatorId: def.id,
          args: [{ cell: r.served }, { cell: r.base }],
          ifError: "-",
          portable: percentFormula(at),
        },
      });
    } else {
      cells.push({ address: cellAddress(row, AREA_COL.percent), style: "unused" });
    }
    const checkArgs: FormulaArg[] =
      r.base && r.served
        ? [{ text: def.id }, { cell: r.served }, { cell: r.base }, typeArg]
        : [{ text: def.id }, { cell: r.value! }, { omitted: true }, typeArg];
    cells.push({
      address: r.result,
      style: "result",
      numberFormat: "General",
      formula: {
        fn: "CHECK",
        indicatorId: def.id,
        args: checkArgs,
        portable: resultFormula(ind, type, round, at),
      },
    });
    rows.push(r);
    rowHeights.push({
      row,
      height: heightFor([
        [text + (details ? `\n${details}` : ""), AREA_WIDTHS[1]!, "text"],
        // Whichever result the row comes to show must fit.
        ...STATUSES.map((status) => [statusLabel(status, round), AREA_WIDTHS[6]!, "result"] as const),
      ]),
    });
  }
  const bodyEnd = Math.max(row, AREA_HEADER_ROW + 1);
  const resultColumn = columnLetter(AREA_COL.result);
  return {
    name,
    role: "area",
    areaId: area.id,
    visibility: "visible",
    columns: AREA_WIDTHS,
    cells,
    merges: [span(1), span(2), span(3)],
    rowHeights,
    freezeRows: AREA_HEADER_ROW,
    table: {
      name: tableName,
      address: `A${AREA_HEADER_ROW}:${columnLetter(lastCol)}${bodyEnd}`,
      columns: AREA_COLUMNS,
    },
    conditionalFormats: [
      {
        address: `${resultColumn}${AREA_HEADER_ROW + 1}:${resultColumn}${bodyEnd}`,
        rules: resultRules(round),
        errors: { fill: "FF0000", color: "FFFFFF" },
      },
    ],
    print: {
      orientation: "landscape",
      titleRows: titleRows(AREA_HEADER_ROW),
      header: `${name} · ${laoDisplayName(type, lao.name)} · รอบ ${round.id}`,
      footer: PAGE_NUMBER_FOOTER,
    },
    protect: true,
    rows,
  };
}
