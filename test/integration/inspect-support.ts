import ExcelJS from 'exceljs'
import { STANDARD_COLUMNS, type StandardColumn } from '@/shared/inspect'
import { seedCity } from '@/cloud/domain/report/seed'
import { DEMO_UNITS } from '@/cloud/domain/report/demo-city'
import { seedSiteTypes } from '@/cloud/domain/inspect/seed-standards'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

/** The demo city's units by short name (report_units ids and names, seeded by seedCity). */
export const UNIT = {
  enforcement: DEMO_UNITS[0],
  traffic: DEMO_UNITS[1],
  market: DEMO_UNITS[2],
  sanitation: DEMO_UNITS[3],
  east: DEMO_UNITS[6],
  west: DEMO_UNITS[7],
} as const

/** A test cloud with the demo city's grids and units and the seeded 点位类型, no standards. */
export async function startInspectCloud(): Promise<TestCloud> {
  const cloud = startTestCloud()
  await seedCity(cloud.platform)
  await seedSiteTypes(cloud.platform)
  return cloud
}

/** An .xlsx made by a real spreadsheet library (exceljs), as a clerk's Excel would write it: shared strings. */
export async function sheetBytes(rows: ReadonlyArray<ReadonlyArray<string | number | Date | null>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1')
  for (const row of rows) sheet.addRow([...row])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Uploads a sheet to a path the office reserved in the `sheets` area; returns its fileId. */
export async function uploadSheet(cloud: TestCloud, bytes: Buffer, openid = TEST_ADMIN): Promise<string> {
  const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'sheets', count: 1 }))
  const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.xlsx`, fileContent: bytes })
  return fileID
}

/** A standards sheet: the header row from STANDARD_COLUMNS (all of them, or `columns`), then one row per standard. */
export function standardsSheet(rows: ReadonlyArray<Partial<Record<StandardColumn, string | number | Date>>>, columns: readonly StandardColumn[] = Object.keys(STANDARD_COLUMNS) as StandardColumn[]) {
  return [columns.map((c) => STANDARD_COLUMNS[c]), ...rows.map((r) => columns.map((c) => r[c] ?? null))]
}

/** Uploads the rows as a sheet and imports it as the office. */
export async function importSheet(cloud: TestCloud, rows: Parameters<typeof standardsSheet>[0], options: { dryRun?: boolean; columns?: readonly StandardColumn[] } = {}) {
  const fileId = await uploadSheet(cloud, await sheetBytes(standardsSheet(rows, options.columns)))
  return cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId, dryRun: options.dryRun })
}

/** The office names `openid` 联络员 of the unit. */
export async function grantLiaison(cloud: TestCloud, openid: string, unitId: string): Promise<void> {
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role: 'liaison', scopeId: unitId }))
}

export { TEST_ADMIN }

/** A minimal PDF (its bytes say PDF) for 佐证材料 that are documents. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

/**
 * A file uploaded to a path `openid` reserved in the `evidence` area: a JPEG (with `mark` 'risky'
 * the local image check holds it) or a PDF.
 */
export async function uploadEvidence(cloud: TestCloud, openid: string, kind: 'jpg' | 'pdf' = 'jpg', mark = ''): Promise<string> {
  const { JPEG } = await import('./report-fixtures')
  const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'evidence', count: 1 }))
  const bytes = kind === 'jpg' ? Buffer.concat([JPEG, Buffer.from(mark)]) : PDF
  const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.${kind}`, fileContent: bytes })
  return fileID
}
