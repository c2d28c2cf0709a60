import ExcelJS from 'exceljs'
import type { ExportFormat, ExportKind, ReportsFilter } from '@/shared/contract/exports'
import type { CategoryId, ReportStatus } from '@/shared/report'
import type { ReportDoc } from '@/cloud/domain/report/types'
import type { ActivityDoc, ProfileDoc, ShiftDoc, SignupDoc } from '@/cloud/domain/volunteer/model'
import type { AttemptDoc } from '@/cloud/domain/quiz/docs'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

export type Rows = string[][]

/** RFC 4180 back into cells (quoted fields, doubled quotes, CRLF), after the BOM. */
export function parseCsv(text: string): Rows {
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const rows: Rows = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/** The sheet as exceljs reads it, every cell as text. */
export async function readXlsx(bytes: Buffer): Promise<Rows> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  expect(workbook.worksheets).toHaveLength(1)
  const rows: Rows = []
  // row.values is sparse (index 1 is column A; empty cells are holes): read every column by number
  workbook.worksheets[0].eachRow((row) => {
    const values = row.values as unknown[]
    rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => String(values[i + 1] ?? '')))
  })
  // a row's trailing empty cells are not in row.values: pad to the header's width
  const width = rows[0]?.length ?? 0
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r))
}

/** start + step until done, through the handlers; the file back from storage, as rows. */
export async function runExport(cloud: TestCloud, kind: ExportKind, format: ExportFormat, filter?: ReportsFilter, requestId = `req-${kind}-${format}-${Math.random().toString(36).slice(2, 10)}`) {
  const job = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'start', { kind, format, requestId, ...(filter ? { filter } : {}) }))
  let steps = 0
  for (;;) {
    const step = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId: job.jobId }))
    steps++
    if (step.done) {
      expect(step.url).toBeTruthy()
      const { fileContent } = await cloud.platform.storage.downloadFile({ fileID: step.fileID as string })
      const rows = format === 'csv' ? parseCsv(fileContent.toString('utf8')) : await readXlsx(fileContent)
      return { job, step, steps, rows, bytes: fileContent }
    }
    if (steps > 1000) throw new Error('export never finished')
  }
}

export async function startExportsCloud() {
  const cloud = startTestCloud()
  const db = cloud.platform.db
  await db.collection('report_grids').add({ data: { _id: 'g-wenming', name: '文明路网格' } })
  await db.collection('report_units').add({ data: { _id: 'u-city', name: '城市管理综合执法大队' } })
  await db.collection('report_units').add({ data: { _id: 'u-traffic', name: '交警大队' } })
  return cloud
}

let seq = 0
export function reportDoc(over: Partial<ReportDoc> & { createdAt: number }): ReportDoc {
  seq++
  const status: ReportStatus = over.status ?? 'submitted'
  return {
    _id: `rpt${String(seq).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`,
    kind: 'report',
    categoryId: 'illegal-parking' as CategoryId,
    status,
    reporterOpenid: 'oResident-secret',
    anonymous: false,
    contactPhone: '13812345678',
    identityRemoved: false,
    location: { lat: 30.1, lng: 120.1, address: '文明路 1 号' },
    cell: 'c1',
    gridId: 'g-wenming',
    unitId: null,
    description: '人行道上停了三辆车',
    descriptionCheck: { pass: true, label: null },
    photos: [],
    afterPhotos: [],
    resolutionNote: null,
    dueAt: over.createdAt + 2 * HOUR,
    open: true,
    stepEnteredAt: over.createdAt,
    confirmations: 0,
    rating: null,
    rejectReason: null,
    duplicateOf: null,
    returnCount: 0,
    reopenCount: 0,
    public: false,
    publishedAt: null,
    resolvedAt: null,
    version: 1,
    updatedAt: over.createdAt,
    ...over,
  }
}

/** Many rows at once (the store's own add, one by one: a few thousand take a second or two). */
export async function seedDocs(cloud: TestCloud, collection: string, docs: ReadonlyArray<{ _id: string }>) {
  for (const d of docs) await cloud.platform.db.collection(collection).add({ data: { ...d } })
}

export async function seedVolunteer(cloud: TestCloud, start: number) {
  const activity = {
    _id: 'act-1',
    teamId: 'team-1',
    teamName: '文明路志愿服务队',
    type: 'traffic',
    title: '文明交通劝导',
    description: '',
    place: { name: '人民广场', address: '人民路 1 号', lat: 30.1, lng: 120.1 },
    geofenceRadiusM: 200,
    coverFileId: null,
    status: 'published',
    shiftCount: 1,
    createdBy: 'org',
    createdAt: start,
    updatedAt: start,
  } as unknown as ActivityDoc
  const shift = { _id: 'shift-1', activityId: 'act-1', teamId: 'team-1', type: 'traffic', day: '2026-11-25', cell: 'c', startAt: start, endAt: start + 2 * HOUR } as unknown as ShiftDoc
  const profile = (openid: string, name: string, idNumber: string) =>
    ({ _id: openid, realName: name, idType: 'resident', idNumber, phone: '13900001111', confirmedMinutes: 0 }) as unknown as ProfileDoc
  const signup = (id: string, openid: string, state: SignupDoc['state'], minutes: number) =>
    ({ _id: id, shiftId: 'shift-1', activityId: 'act-1', teamId: 'team-1', openid, startAt: start, endAt: start + 2 * HOUR, state, minutes, confirmedAt: state === 'confirmed' ? start + 3 * HOUR : null }) as unknown as SignupDoc
  await seedDocs(cloud, 'volunteer_activities', [activity])
  await seedDocs(cloud, 'volunteer_shifts', [shift])
  await seedDocs(cloud, 'volunteer_profiles', [profile('oVol1', '张三', '110101199003071234'), profile('oVol2', '李四', '110101199105082345')])
  await seedDocs(cloud, 'volunteer_signups', [signup('s-1', 'oVol1', 'confirmed', 120), signup('s-2', 'oVol2', 'confirmed', 90), signup('s-3', 'oVol2', 'checkedOut', 60), signup('s-4', 'oVol1', 'cancelled', 0)])
}

export async function seedQuiz(cloud: TestCloud, start: number) {
  const attempt = (id: string, status: AttemptDoc['status'], correct: number, mode: AttemptDoc['mode'], topic: AttemptDoc['topic']) =>
    ({
      _id: id,
      openid: 'oQuizTaker-secret',
      mode,
      topic,
      day: '2026-11-25',
      attemptNo: 1,
      items: Array.from({ length: 5 }, (_, i) => ({ questionId: `q${i}`, type: 'single', order: [0, 1], answer: [0] })),
      startedAt: start,
      deadlineAt: start + HOUR,
      status,
      ...(status === 'submitted' ? { submittedAt: start + 10 * 60_000, correct, pointsAwarded: correct * 2 } : {}),
    }) as unknown as AttemptDoc
  await seedDocs(cloud, 'quiz_attempts', [attempt('a-1', 'submitted', 4, 'daily', null), attempt('a-2', 'submitted', 5, 'practice', 'traffic'), attempt('a-3', 'started', 0, 'daily', null)])
}
