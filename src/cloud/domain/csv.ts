/**
 * CSV as the office's spreadsheets open it: RFC 4180 quoting, UTF-8 with a BOM (Excel reads the
 * Chinese only with it), CRLF lines, and formula-looking cells defused.
 */

/** RFC 4180 quoting, and a leading apostrophe on anything a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows of cells as one CSV text; an empty row separates two tables in one file. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
