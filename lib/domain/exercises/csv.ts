/**
 * A CSV cell that a spreadsheet would run as a formula (OWASP "CSV injection"): one starting with
 * `=`, `+`, `-` or `@` (also after leading tab or carriage return, which some spreadsheets skip)
 * gets a leading apostrophe, which spreadsheets show as text. RFC 4180 quoting is the CSV
 * library's job; this is only the formula guard.
 */
const FORMULA_START = /^[\t\r]*[=+\-@]/;

export function neutraliseCsvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are written by us, not typed by someone: a negative number stays a number.
  if (typeof value === "number") return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}
