/**
 * One CSV field for every CSV Tympan writes (comparisons, rankings, simulation tables). Names in those
 * files come from users' files, so a field is quoted when it holds a delimiter, a quote or a line
 * break (RFC 4180), and a text field that a spreadsheet would run as a formula (one starting with
 * "=", "+", "-", "@", a tab or a carriage return — the OWASP list for CSV injection) is prefixed with
 * an apostrophe, which spreadsheets show as text.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !isNumber(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A plain number ("-3.5", "+2") is data, not a formula: it keeps its sign. */
function isNumber(text: string): boolean {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text);
}
