import { strFromU8, unzipSync } from 'fflate'
import { XMLParser } from 'fast-xml-parser'

/**
 * A small .xlsx reader for the office's import sheets (测评标准表, 点位信息表): the first worksheet
 * as a header row and text cells keyed by header. Not exceljs (its size would break the cloud
 * bundle's 1 MB budget) nor npm `xlsx` (SheetJS's stale 0.18 line): the zip is fflate's, the
 * XML fast-xml-parser's, and only the subset a clerk's sheet uses is read — shared strings,
 * inline strings (our own templates), numbers and booleans. Dates are Excel serials and come
 * back as their number in text; the caller that expects a date reads it.
 */

export interface SheetRow {
  /** the sheet's own 1-based row number, for messages a clerk can find (第 N 行) */
  row: number
  /** trimmed cell text by header text; an empty cell is absent */
  cells: Record<string, string>
}

export interface SheetData {
  headers: string[]
  rows: SheetRow[]
}

export interface ReadOptions {
  /** rows read after the header; one more is read so a caller can say "too many" */
  maxRows?: number
}

/** The parts together may not unpack to more than this: a zip bomb stops here, not in memory. */
const MAX_UNPACKED = 20 * 1024 * 1024
const DEFAULT_MAX_ROWS = 5000
const WORKBOOK = 'xl/workbook.xml'
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels'
const SHARED = 'xl/sharedStrings.xml'

type Node = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // every value stays text: a number is the caller's to read, a leading zero is kept
  parseTagValue: false,
  parseAttributeValue: false,
  // rich-text runs carry their own spaces ("东城 " + "街道")
  trimValues: false,
  removeNSPrefix: true,
  // entities such as &amp; are XML's own; no DOCTYPE entity expansion (billion laughs)
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['sheet', 'Relationship', 'si', 'r', 'row', 'c'].includes(name),
})

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

/** The text of a `<t>` (a string, or an object with `#text` when it carries xml:space). */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (isNode(v)) return textOf(v['#text'] ?? '')
  return ''
}

/** A string item (`<si>` or `<is>`): plain `<t>`, or rich-text runs `<r><t>`; phonetic `<rPh>` is skipped. */
function stringItem(v: unknown): string {
  if (!isNode(v)) return textOf(v)
  if (v.t !== undefined) return textOf(v.t)
  return asArray(v.r)
    .map((run) => (isNode(run) ? textOf(run.t) : ''))
    .join('')
}

/** "AB12" → 27 (0-based column) */
function columnIndex(ref: string): number | null {
  const letters = /^([A-Z]+)\d*$/i.exec(ref)?.[1]
  if (!letters) return null
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/** The first worksheet's part name, by the workbook's own relationship (not assumed sheet1). */
function firstSheetPath(files: Record<string, Uint8Array>): string | null {
  const workbook = files[WORKBOOK] ? (parser.parse(strFromU8(files[WORKBOOK])) as Node) : null
  const sheets = isNode(workbook?.workbook) && isNode(workbook.workbook.sheets) ? asArray(workbook.workbook.sheets.sheet) : []
  const first = sheets[0]
  const relId = isNode(first) ? String(first['@_id'] ?? '') : ''
  if (relId && files[WORKBOOK_RELS]) {
    const rels = parser.parse(strFromU8(files[WORKBOOK_RELS])) as Node
    const list = isNode(rels.Relationships) ? asArray(rels.Relationships.Relationship) : []
    const target = list.filter(isNode).find((r) => r['@_Id'] === relId)?.['@_Target']
    if (typeof target === 'string') {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
      if (files[path]) return path
    }
  }
  const fallback = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))
    .sort()
  return fallback[0] ?? null
}

function unpack(bytes: Uint8Array): Record<string, Uint8Array> | null {
  let declared = 0
  try {
    return unzipSync(bytes, {
      // only the parts read; their declared sizes bound memory: fflate inflates into a buffer of
      // the declared size and never grows it, so a lying header cannot unpack past the cap either
      filter: (file) => {
        const wanted = file.name === WORKBOOK || file.name === WORKBOOK_RELS || file.name === SHARED || /^xl\/worksheets\/[^/]+\.xml$/.test(file.name)
        if (!wanted) return false
        declared += file.originalSize
        if (declared > MAX_UNPACKED) throw new Error('xlsx too large unpacked')
        return true
      },
    })
  } catch {
    return null
  }
}

/**
 * Reads the first worksheet: the first non-empty row is the header (trimmed text), every later
 * non-empty row one entry. Null when the bytes are not a readable xlsx.
 */
export function readSheet(bytes: Uint8Array, options: ReadOptions = {}): SheetData | null {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS
  const files = unpack(bytes)
  if (!files) return null
  const sheetPath = firstSheetPath(files)
  if (!sheetPath) return null
  try {
    const shared = files[SHARED] ? (parser.parse(strFromU8(files[SHARED])) as Node) : null
    const strings = isNode(shared?.sst) ? asArray(shared.sst.si).map(stringItem) : []
    const sheet = parser.parse(strFromU8(files[sheetPath])) as Node
    if (!isNode(sheet.worksheet)) return null
    const data = sheet.worksheet.sheetData
    const rowNodes = isNode(data) ? asArray(data.row) : []

    let headers: string[] | null = null
    let headerAt: Array<string | null> = []
    const rows: SheetRow[] = []
    let lastRow = 0
    for (const rowNode of rowNodes) {
      if (!isNode(rowNode)) continue
      const rowNumber = Number(rowNode['@_r']) || lastRow + 1
      lastRow = rowNumber
      const values: Array<string | undefined> = []
      let nextCol = 0
      for (const c of asArray(rowNode.c)) {
        if (!isNode(c)) continue
        const col = typeof c['@_r'] === 'string' ? columnIndex(c['@_r']) ?? nextCol : nextCol
        nextCol = col + 1
        const type = c['@_t']
        let text: string
        if (type === 's') text = strings[Number(textOf(c.v))] ?? ''
        else if (type === 'inlineStr') text = stringItem(c.is)
        else if (type === 'b') text = textOf(c.v) === '1' ? 'TRUE' : 'FALSE'
        else if (type === 'e') text = ''
        else text = textOf(c.v)
        values[col] = text.trim()
      }
      if (!values.some((v) => v)) continue
      if (!headers) {
        headerAt = Array.from({ length: values.length }, (_, i) => values[i] || null)
        headers = headerAt.filter((h): h is string => h !== null)
        continue
      }
      const cells: Record<string, string> = {}
      values.forEach((v, i) => {
        const header = headerAt[i]
        // the first column of a header wins when a clerk repeats one; its twin is ignored
        if (v && header && cells[header] === undefined) cells[header] = v
      })
      if (Object.keys(cells).length === 0) continue
      rows.push({ row: rowNumber, cells })
      if (rows.length > maxRows) break
    }
    return { headers: headers ?? [], rows }
  } catch {
    return null
  }
}
