import { cellAddress } from "../a1";
import { AREA_COL } from "./areaColumns";
import type { CompiledIndicator } from "../../rules/compiledRound";
import { formatInputPath, notePath } from "../../rules/inputPath";
import { FIELD_NAMES } from "../../rules/vocabulary";
import { clip, inputPrompt, numberValidation, withUnit } from "../prompts";
import type { CellSpec, IndicatorRow, ValidationSpec } from "../spec";

/** What the two cells of a ratio or satisfaction question ask for, and how to fill them in. */
const RATIO_FIELDS = {
  base: {
    what: "กรอบการประเมิน",
    instruction: "พิมพ์ตัวเลข ใช้เลขไทยได้ ถ้า อปท. ไม่มีบริการสาธารณะนี้ ให้พิมพ์ 0",
  },
  served: {
    what: "การจัดบริการสาธารณะ",
    instruction: "พิมพ์ตัวเลขที่ไม่เกินช่อง (1) ถ้าไม่ได้ดำเนินการในปีงบประมาณ ให้พิมพ์ - (ช่องว่าง = ยังไม่ได้กรอก)",
  },
} as const;

/** The input cell of (1) or (2) of a ratio, or of a satisfaction question, which counts whole people. */
function ratioInput(ind: CompiledIndicator, field: "base" | "served", address: string): CellSpec {
  const def = ind.def;
  const whole = def.kind === "satisfaction";
  const { what, instruction } = RATIO_FIELDS[field];
  return {
    address,
    style: "input",
    numberFormat: whole ? "#,##0" : "General",
    input: {
      path: formatInputPath({ indicatorId: def.id, field }),
      kind: whole ? "people" : "amount",
      validation: numberValidation(
        whole ? "whole" : "decimal",
        FIELD_NAMES[field],
        inputPrompt(withUnit(def.inputs?.[field] ?? what, def.inputs?.unit), instruction, def.guidance),
      ),
    },
  };
}

export interface RowInputs {
  readonly cells: CellSpec[];
  readonly row: IndicatorRow;
}

export function indicatorInputs(ind: CompiledIndicator, row: number): RowInputs {
  const def = ind.def;
  const at = (col: number): string => cellAddress(row, col);
  const cells: CellSpec[] = [];
  const id = def.id;
  let base: string | undefined;
  let served: string | undefined;
  let value: string | undefined;
  if (def.kind === "ratio" || def.kind === "satisfaction") {
    base = at(AREA_COL.base);
    served = at(AREA_COL.served);
    cells.push(ratioInput(ind, "base", base), ratioInput(ind, "served", served));
  } else {
    cells.push({ address: at(AREA_COL.base), style: "unused" });
    value = at(AREA_COL.served);
    const validation: ValidationSpec =
      def.kind === "yesno"
        ? {
            type: "list",
            list: ["มี", "ไม่มี"],
            promptTitle: "มี/ไม่มี",
            prompt: "เลือก มี หรือ ไม่มี จากรายการ ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -",
            errorTitle: "ตรวจสอบคำตอบ",
            error: "ช่องนี้ตอบ มี หรือ ไม่มี — ถ้าพิมพ์ - (ไม่ได้ดำเนินการ) ไว้ กด ใช่ (Yes) เพื่อใช้ค่านี้ได้",
          }
        : numberValidation(
            ind.integer ? "whole" : "decimal",
            clip(`จำนวน (${def.unit})`, 32),
            inputPrompt(
              `จำนวน${def.unit}ที่ดำเนินการในปีงบประมาณ`,
              `พิมพ์ตัวเลข${ind.integer ? "จำนวนเต็ม" : ""} เช่น 3 ใช้เลขไทยได้ ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
              def.guidance,
            ),
          );
    cells.push({
      address: value,
      style: def.kind === "yesno" ? "inputText" : "input",
      numberFormat: def.kind === "yesno" ? "General" : ind.integer ? "#,##0" : "General",
      input: {
        path: formatInputPath({ indicatorId: id, field: "value" }),
        kind: def.kind === "yesno" ? "yesno" : "count",
        validation,
      },
    });
  }
  const note = at(AREA_COL.note);
  cells.push({
    address: note,
    style: "inputText",
    numberFormat: "@",
    input: {
      path: notePath(id),
      kind: "text",
      validation: {
        type: "textLength",
        limit: 255,
        promptTitle: "หมายเหตุ",
        prompt: "ไม่บังคับ — คำอธิบายเพิ่มเติมของตัวชี้วัดนี้ เช่น แหล่งที่มาของข้อมูล",
        errorTitle: "หมายเหตุยาวเกินไป",
        error: "หมายเหตุยาวได้ไม่เกิน 255 ตัวอักษร",
      },
    },
  });
  return {
    cells,
    row: {
      id,
      kind: def.kind,
      row,
      idCell: at(AREA_COL.id),
      target: at(AREA_COL.target),
      ...(base && { base }),
      ...(served && { served }),
      ...(value && { value }),
      ...(base && { percent: at(AREA_COL.percent) }),
      result: at(AREA_COL.result),
      note,
    },
  };
}
