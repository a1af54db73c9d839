// The graph's curves as CSV (Download curves CSV): frequency, then each curve and the target, with
// the names the legend shows as the header. Those names are the user's text (file names, labels),
// so each is quoted, and one a spreadsheet would run as a formula is kept as text.
import type { GraphView } from "../worker/protocol.js";

export function graphCsv(view: GraphView): string {
  const header = ["frequency_hz", ...view.curves.map((c) => c.name), view.target.name].map(csvText);
  const rows = view.frequencyHz.map((f, i) =>
    [f, ...view.curves.map((c) => c.db[i] ?? ""), view.target.db[i] ?? ""].join(","),
  );
  return `${[header.join(","), ...rows].join("\n")}\n`;
}

/**
 * A text cell: quoted, quotes doubled, and a leading =, +, − or @ (which Excel, LibreOffice and
 * Google Sheets read as a formula, even quoted: "CSV injection", OWASP) behind an apostrophe.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
