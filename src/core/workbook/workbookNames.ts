/** The fixed names of a collection workbook, which its readers look for before they know the round. */

/** Bump when a cell moves: readers refuse a workbook whose layout version they do not know. */
export const LAYOUT_VERSION = 1;
export const WORKBOOK_FORMAT = "minstd-collection-workbook";
/** The custom-functions namespace of the add-in: =MINSTD.CHECK(...). */
export const FUNCTION_NAMESPACE = "MINSTD";

/** The very hidden sheet that names the workbook's round, LAO and layout. It never holds a credential. */
export const META_SHEET = "MinStd";

/** Workbook-scoped named items. Formulas read the LAO type from NAME_LAO_TYPE. */
export const NAME_LAO_TYPE = "MinStd_LaoType";
export const NAME_LAO_CODE = "MinStd_LaoCode";
export const NAME_ROUND = "MinStd_Round";
/**
 * A cell of the metadata sheet that asks the add-in for a target: a number where the add-in runs, an
 * error (#NAME?) where it does not. Result cells take the add-in's answer or the portable formula by it.
 */
export const NAME_ADDIN = "MinStd_AddIn";
