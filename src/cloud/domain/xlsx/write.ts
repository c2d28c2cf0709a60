import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate'

/**
 * A minimal .xlsx writer: one or more sheets of text and numbers as inline strings — the subset
 * of SpreadsheetML that Excel, WPS and LibreOffice open. Not exceljs: it alone would push the
 * cloud bundle past its 1 MB budget, and the npm `xlsx` package is SheetJS's abandoned 0.18 line.
 * The zip container is fflate's (8 KB, maintained); the test reads the file back with exceljs.
 *
 * Two ways to build one: `xlsxBuffer` (the whole workbook in memory: a survey's or a standards
 * sheet of a few thousand rows) and `streamXlsx`, for an export of 100k rows: its rows arrive as
 * sheet-XML fragments written by `rowsXml` (numbered from where they start, so a fragment can be
 * written long before the file, by a step of its own) and stream through fflate's `Zip` — one
 * fragment in memory at a time, the compressed file growing behind it.
 */

/** control characters XML 1.0 cannot carry at all (tab, LF and CR are kept) */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

// one pass each (an export escapes some 1.6 million cells: per-character arrays were its slowest part)
const escapeXml = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"]/g, (ch) => ENTITY[ch])

function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/**
 * Rows as sheet-XML `<row>` elements, the first numbered `firstRow` (1-based). Inline strings,
 * not the shared-strings table: a string table would have to be the whole sheet's, in memory.
 */
export function rowsXml(rows: ReadonlyArray<ReadonlyArray<string | number>>, firstRow: number): string {
  return rows
    .map((cells, i) => {
      const r = firstRow + i
      const xml = cells
        .map((value, c) => {
          const ref = `${columnName(c)}${r}`
          return typeof value === 'number' && Number.isFinite(value)
            ? `<c r="${ref}"><v>${value}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`
        })
        .join('')
      return `<row r="${r}">${xml}</row>`
    })
    .join('')
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
const SHEET_TAIL = `</sheetData></worksheet>`

function sheetXml(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${SHEET_HEAD}${rowsXml(rows, 1)}${SHEET_TAIL}`
}

export interface Sheet {
  /** ≤ 31 characters, no []:*?/\ */
  name: string
  rows: ReadonlyArray<ReadonlyArray<string | number>>
}

/** The workbook's parts other than the sheets themselves: content types, relationships, sheet names. */
function packageParts(names: readonly string[]): Array<[string, string]> {
  const overrides = names
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')
  const sheetRefs = names.map((name, i) => `<sheet name="${escapeXml(name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
  const rels = names
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')
  return [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetRefs}</sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`],
  ]
}

export function xlsxBuffer(sheets: readonly Sheet[]): Buffer {
  const files: Record<string, Uint8Array> = {}
  for (const [name, xml] of packageParts(sheets.map((s) => s.name))) files[name] = strToU8(xml)
  sheets.forEach((s, i) => void (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows))))
  return Buffer.from(zipSync(files, { level: 6 }))
}

/**
 * A one-sheet workbook whose rows come as `rowsXml` fragments, in order (the caller numbers them).
 * Each fragment is deflated as it arrives and dropped; only the compressed file is kept, and it is
 * returned whole because the file store takes one buffer per file. Memory is one fragment plus
 * the compressed output (about a tenth of the sheet's XML), never the sheet.
 */
export async function streamXlsx(sheetName: string, fragments: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = []
  let failure: Error | null = null
  let finished = false
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error
    else out.push(chunk)
    if (final) finished = true
  })
  const small = (name: string, xml: string) => {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    file.push(strToU8(xml), true)
  }
  for (const [name, xml] of packageParts([sheetName])) small(name, xml)
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 })
  zip.add(sheet)
  sheet.push(strToU8(SHEET_HEAD))
  for await (const fragment of fragments) {
    sheet.push(typeof fragment === 'string' ? strToU8(fragment) : fragment)
    if (failure) throw failure
  }
  sheet.push(strToU8(SHEET_TAIL), true)
  zip.end()
  // ZipDeflate works synchronously: by now every byte has been handed to the callback
  if (failure) throw failure
  if (!finished) throw new Error('xlsx stream did not finish')
  return Buffer.concat(out)
}
