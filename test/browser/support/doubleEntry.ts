/**
 * What the browser gets at the office.js CDN URL in the tests: the Office.js test double, installed
 * with the options the test put on window before the page loaded (addInitScript).
 */
import { installOfficeDouble, type DoubleOptions } from "../../office-double/install";

const page = window as unknown as { __officeDoubleOptions?: DoubleOptions };
installOfficeDouble(window, page.__officeDoubleOptions ?? {});
