import { absoluteCell, quoteSheet } from "./a1";
import { textLiteral } from "./portableFormulas";
import {
  isAddinFormula,
  type AddinFormulaSpec,
  type FormulaArg,
  type FormulaSpec,
  type NamedItemSpec,
} from "./spec";
import { FUNCTION_NAMESPACE, NAME_ADDIN } from "./workbookNames";

/** "'แบบ อบต. 1'!$B$7", the reference of a named item. */
export function namedItemReference(item: NamedItemSpec): string {
  return `${quoteSheet(item.sheet)}!${absoluteCell(item.address)}`;
}

/**
 * A cell argument is passed as IF(ISBLANK(E6),"",E6): Excel on Windows passes an empty cell to a custom
 * function as 0 (Excel on the web passes it as empty), which would turn a row not yet filled in into
 * "ไม่มีบริการสาธารณะ" and a blank (2) into a below-target result instead of "not entered yet".
 */
function formulaArgs(args: readonly FormulaArg[]): string {
  return args
    .map((a) =>
      "text" in a
        ? `"${a.text.replace(/"/g, '""')}"`
        : "cell" in a
          ? `IF(ISBLANK(${a.cell}),"",${a.cell})`
          : "name" in a
            ? a.name
            : "",
    )
    .join(",");
}

/**
 * A formula as typed in Excel ("=MINSTD.CHECK(...)", for Office.js) or as Excel stores an add-in's
 * custom function in the .xlsx file ("_xldudf_MINSTD_CHECK(...)", no "=", dots as underscores),
 * which Excel maps back to MINSTD.CHECK once the add-in has registered its functions.
 */
export function formulaText(formula: FormulaSpec, form: "excel" | "file"): string {
  const body = isAddinFormula(formula) ? addinFormulaBody(formula, form) : formula.portable;
  return form === "excel" ? `=${body}` : body;
}

/**
 * The add-in's call, or, where the formula has a portable form, the add-in's call where the add-in
 * answers and the portable form where it does not: IF(ISERROR(MinStd_AddIn),portable,MINSTD.CHECK(…)).
 * Only the branch taken is evaluated, so a program without the add-in never shows #NAME?.
 */
function addinFormulaBody(formula: AddinFormulaSpec, form: "excel" | "file"): string {
  const args = formulaArgs(formula.args);
  const call =
    form === "excel"
      ? `${FUNCTION_NAMESPACE}.${formula.fn}(${args})`
      : `_xldudf_${FUNCTION_NAMESPACE}_${formula.fn}(${args})`;
  const addin = formula.ifError === undefined ? call : `IFERROR(${call},${textLiteral(formula.ifError)})`;
  return formula.portable === undefined ? addin : `IF(ISERROR(${NAME_ADDIN}),${formula.portable},${addin})`;
}
