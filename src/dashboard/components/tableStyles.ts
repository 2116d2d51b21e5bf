/**
 * Native tables in the look of Fluent's Table (classes of index.html's styles): the province list
 * has up to 334 rows and the national tables 76–214, and Fluent's Table components (focus
 * management and styles per cell) cost several times more to draw than plain cells, where nothing
 * in a cell needs them.
 */
export const TABLE = { table: "table", num: "num", link: "link" } as const;
