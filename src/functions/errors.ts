/**
 * Excel errors with a Thai message. Only #VALUE! and #N/A show a custom message in Excel, so these
 * two are all the functions use: #VALUE! for something typed that must be fixed, #N/A for a result
 * that does not exist (unknown id, not applicable, nothing entered yet).
 */

/** Thrown by a custom function; Excel shows it as a real error value (ISERROR is TRUE). */
export type ExcelError = CustomFunctions.Error;

export function invalidValue(message: string): ExcelError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function notAvailable(message: string): ExcelError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}
