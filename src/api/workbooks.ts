/** POST /me/workbooks/check: the core's check of a collection workbook, as it answers. */
export { workbookCheckSchema, type WorkbookCheck } from "../core/workbook/workbookCheck";
