import type { ReportDoc } from '@/cloud/domain/report/types'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { DAY, HOUR, parseCsv, reportDoc, runExport, seedDocs, seedQuiz, seedVolunteer, startExportsCloud } from './exports-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startExportsCloud()
})
afterEach(() => cloud.close())

const REPORT_HEADER = ['编号', '举报编号', '类别', '状态', '网格', '责任单位', '地址', '问题描述', '提交时间', '当前时限', '是否超期', '办结时间', '评价（星）', '退回次数', '重办次数', '来源']

/** Three reports and one 点赞 of known shape, an hour apart, the newest first in every export. */
async function seedReports(): Promise<ReportDoc[]> {
  const t = cloud.clock.now() - 10 * HOUR
  const docs = [
    reportDoc({ createdAt: t, categoryId: 'illegal-parking', status: 'submitted' }), // due t+2h: overdue now
    reportDoc({ createdAt: t + HOUR, categoryId: 'street-vending', status: 'processing', unitId: 'u-city', dueAt: t + 30 * HOUR, description: '占道"经营",到晚上' }),
    reportDoc({ createdAt: t + 2 * HOUR, categoryId: 'illegal-parking', status: 'rated', unitId: 'u-traffic', open: false, dueAt: null, resolvedAt: t + 5 * HOUR, rating: { score: 4, comment: null, at: t + 6 * HOUR } }),
    reportDoc({ createdAt: t + 3 * HOUR, kind: 'praise', categoryId: 'praise' as ReportDoc['categoryId'], status: 'submitted' }),
  ]
  await seedDocs(cloud, 'reports', docs)
  return docs
}

describe('exports: each kind gives the rows of its data, as CSV and as Excel', () => {
  test('the report list: every 随手拍 (no 点赞), newest first, no reporter identity or phone', async () => {
    const docs = await seedReports()
    const csv = await runExport(cloud, 'reports', 'csv')
    expect(csv.rows[0]).toEqual(REPORT_HEADER)
    expect(csv.rows.slice(1).map((r) => r[1])).toEqual([docs[2]._id, docs[1]._id, docs[0]._id])
    expect(csv.rows[1]).toEqual([
      docs[2]._id.slice(-8).toUpperCase(),
      docs[2]._id,
      '车辆乱停乱放',
      expect.any(String),
      '文明路网格',
      '交警大队',
      '文明路 1 号',
      '人行道上停了三辆车',
      expect.stringMatching(/^2026-11-25 /),
      '',
      '否',
      expect.stringMatching(/^2026-11-25 /),
      '4',
      '0',
      '0',
      '居民',
    ])
    expect(csv.rows[2][7]).toBe('占道"经营",到晚上') // quoted and read back whole
    expect(csv.rows[3][10]).toBe('是')
    const text = csv.bytes.toString('utf8')
    expect(text).not.toContain('oResident-secret')
    expect(text).not.toContain('13812345678')

    const xlsx = await runExport(cloud, 'reports', 'xlsx')
    // numbers come back as numbers from Excel, as text from CSV: compare as text
    expect(xlsx.rows).toEqual(csv.rows)
    expect(xlsx.bytes.toString('latin1')).not.toContain('oResident-secret')
  })

  test('the ledger: open reports overdue at the start, the longest overdue first', async () => {
    const t = cloud.clock.now()
    const late = reportDoc({ createdAt: t - 30 * HOUR, dueAt: t - 28 * HOUR, status: 'dispatched', unitId: 'u-city' })
    const later = reportDoc({ createdAt: t - 5 * HOUR, dueAt: t - 3 * HOUR })
    const notYet = reportDoc({ createdAt: t - HOUR, dueAt: t + HOUR })
    const closed = reportDoc({ createdAt: t - 50 * HOUR, dueAt: null, open: false, status: 'resolved' })
    await seedDocs(cloud, 'reports', [later, notYet, late, closed])
    for (const format of ['csv', 'xlsx'] as const) {
      const { rows } = await runExport(cloud, 'ledger', format)
      expect(rows[0]).toEqual(['编号', '举报编号', '类别', '状态', '当前责任方', '网格', '提交时间', '本环节时限', '超期（小时）', '退回次数', '重办次数', '维持办结次数'])
      expect(rows.slice(1).map((r) => [r[1], r[4], r[8]])).toEqual([
        [late._id, '城市管理综合执法大队', '28'],
        [later._id, '文明路网格（网格员）', '3'],
      ])
    }
  })

  test('volunteer records: confirmed records only, with the real name and full document number the national system needs', async () => {
    await seedVolunteer(cloud, cloud.clock.now() - 5 * HOUR)
    const csv = await runExport(cloud, 'volunteer', 'csv')
    expect(csv.rows[0].slice(0, 5)).toEqual(['记录编号', '志愿者姓名', '证件类型', '证件号码', '联系电话'])
    expect(csv.rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6], r[8], r[12], r[13]])).toEqual([
      ['s-1', '张三', '居民身份证', '110101199003071234', '文明交通劝导', '文明交通', '文明路志愿服务队', '2.00', '120'],
      ['s-2', '李四', '居民身份证', '110101199105082345', '文明交通劝导', '文明交通', '文明路志愿服务队', '1.50', '90'],
    ])
    const xlsx = await runExport(cloud, 'volunteer', 'xlsx')
    expect(xlsx.rows).toEqual(csv.rows)
  })

  test('quiz participation: submitted papers only, without who took them', async () => {
    await seedQuiz(cloud, cloud.clock.now() - 5 * HOUR)
    const csv = await runExport(cloud, 'quiz', 'csv')
    expect(csv.rows[0]).toEqual(['答卷编号', '日期', '模式', '专题', '题数', '答对', '正确率', '获得积分', '开始时间', '提交时间'])
    expect(csv.rows.slice(1).map((r) => r.slice(0, 8))).toEqual([
      ['a-1', '2026-11-25', '每日一练', '综合', '5', '4', '80%', '8'],
      ['a-2', '2026-11-25', '专题练习', '文明交通', '5', '5', '100%', '10'],
    ])
    expect(csv.bytes.toString('utf8')).not.toContain('oQuizTaker-secret')
    expect((await runExport(cloud, 'quiz', 'xlsx')).rows).toEqual(csv.rows)
  })

  test('an empty export is a file with its header', async () => {
    const { rows, steps } = await runExport(cloud, 'reports', 'xlsx')
    expect(rows).toEqual([REPORT_HEADER])
    expect(steps).toBe(2)
  })
})

describe('the report list filters', () => {
  test('status, category, unit and the date range narrow the rows', async () => {
    const docs = await seedReports()
    const ids = async (filter: object) => (await runExport(cloud, 'reports', 'csv', filter)).rows.slice(1).map((r) => r[1])
    expect(await ids({ status: 'processing' })).toEqual([docs[1]._id])
    expect(await ids({ categoryId: 'illegal-parking' })).toEqual([docs[2]._id, docs[0]._id])
    expect(await ids({ unitId: 'u-traffic' })).toEqual([docs[2]._id])
    expect(await ids({ categoryId: 'illegal-parking', status: 'submitted' })).toEqual([docs[0]._id])
    expect(await ids({ from: docs[1].createdAt })).toEqual([docs[2]._id, docs[1]._id])
    expect(await ids({ to: docs[1].createdAt })).toEqual([docs[0]._id])
    expect(await ids({ from: docs[0].createdAt, to: docs[2].createdAt })).toEqual([docs[1]._id, docs[0]._id])
    expect(await ids({ unitId: 'u-none' })).toEqual([])
  })
})

describe('jobs: chunks, progress, resume, idempotence, audit', () => {
  const many = async (n: number) => {
    const t = cloud.clock.now() - n * 1000
    const docs = Array.from({ length: n }, (_, i) => reportDoc({ createdAt: t + Math.floor(i / 3) * 1000 })) // ties on createdAt too
    await seedDocs(cloud, 'reports', docs)
    return docs
  }

  test('5,150 rows go in two chunks and an assembly step; a step that failed after storing its part resumes without a duplicate row', async () => {
    const docs = await many(5_150)
    const job = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'start', { kind: 'reports', format: 'csv', requestId: 'big-export-1' }))
    expect(job).toMatchObject({ expected: 5_150, progress: 0, rows: 0, status: 'running' })
    const first = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId: job.jobId }))
    expect(first).toMatchObject({ done: false, rows: 5_000 })
    expect(first.progress).toBeCloseTo(5_000 / 5_150)

    // the next part is stored, then the call dies before the job moves on
    const storage = cloud.platform.storage
    const upload = storage.uploadFile.bind(storage)
    let failures = 0
    storage.uploadFile = async (options) => {
      const stored = await upload(options)
      if (failures++ === 0) throw new Error('simulated: the function timed out')
      return stored
    }
    expect(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId: job.jobId })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('exports', 'job', { jobId: job.jobId }))).toMatchObject({ rows: 5_000, steps: 1, status: 'running' })

    const second = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId: job.jobId }))
    expect(second).toMatchObject({ done: false, rows: 5_150, progress: 0.99 })
    const last = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId: job.jobId }))
    expect(last).toMatchObject({ done: true, rows: 5_150, progress: 1, name: expect.stringMatching(/^随手拍列表_2026-11-25\.csv$/) })
    const { fileContent } = await storage.downloadFile({ fileID: last.fileID as string })
    const ids = parseCsv(fileContent.toString('utf8')).slice(1).map((r) => r[1])
    expect(ids).toHaveLength(5_150)
    expect(new Set(ids).size).toBe(5_150)
    expect(new Set(ids)).toEqual(new Set(docs.map((d) => d._id)))
    // newest first throughout (ties by id)
    const created = new Map(docs.map((d) => [d._id, d.createdAt]))
    expect(ids.every((id, i) => i === 0 || (created.get(ids[i - 1]) ?? 0) >= (created.get(id) ?? 0))).toBe(true)

    // done is done: another step answers the same file, the job says so
    expect(expectOk(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId: job.jobId }))).toMatchObject({ done: true, fileID: last.fileID, rows: 5_150 })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('exports', 'job', { jobId: job.jobId }))).toMatchObject({ status: 'done', rows: 5_150, progress: 1, steps: 3 })
    const audit = (await cloud.platform.db.collection('audit_log').where({ subjectType: 'export' }).get()).data
    // a read without orderBy comes back in no promised order (both entries may share one clock time): compare in start-then-done order
    const order = ['exportStart', 'exportDone']
    const rows = audit.map((a) => [a.action, a.actorOpenid, (a.detail as Record<string, unknown>).kind, (a.detail as Record<string, unknown>).rows])
    expect(rows.sort((x, y) => order.indexOf(String(x[0])) - order.indexOf(String(y[0])))).toEqual([
      ['exportStart', TEST_ADMIN, 'reports', undefined],
      ['exportDone', TEST_ADMIN, 'reports', 5_150],
    ])
  }, 60_000)

  test('an xlsx over two chunks has every row once', async () => {
    const docs = await many(5_010)
    const { rows, steps } = await runExport(cloud, 'reports', 'xlsx')
    expect(steps).toBe(3)
    expect(rows).toHaveLength(5_011)
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(docs.map((d) => d._id)))
  }, 60_000)

  test('start is idempotent by requestId; the same requestId for another export is refused', async () => {
    await seedReports()
    const input = { kind: 'reports' as const, format: 'csv' as const, filter: { status: 'submitted' as const }, requestId: 'same-request-1' }
    const a = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'start', input))
    const b = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'start', input))
    expect(b.jobId).toBe(a.jobId)
    expect(await cloud.platform.db.collection('export_jobs').count()).toEqual({ total: 1 })
    expect(await cloud.as(TEST_ADMIN).call('exports', 'start', { ...input, format: 'xlsx' })).toMatchObject({ ok: false, code: 'EXPORTS.REQUEST_REUSED' })
    expect(await cloud.as(TEST_ADMIN).call('exports', 'start', { ...input, filter: { status: 'rated' } })).toMatchObject({ ok: false, code: 'EXPORTS.REQUEST_REUSED' })
    expect((await cloud.platform.db.collection('audit_log').where({ action: 'exportStart' }).get()).data).toHaveLength(1)
  })

  test('a resident may not start, step or read an export', async () => {
    await seedReports()
    const job = expectOk(await cloud.as(TEST_ADMIN).call('exports', 'start', { kind: 'reports', format: 'csv', requestId: 'office-job-1' }))
    const resident = cloud.as('oResident-secret')
    expect(await resident.call('exports', 'start', { kind: 'volunteer', format: 'csv', requestId: 'resident-try-1' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await resident.call('exports', 'step', { jobId: job.jobId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await resident.call('exports', 'job', { jobId: job.jobId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.platform.db.collection('export_jobs').count()).toEqual({ total: 1 })
  })

  test('bad input is refused with a clear code and writes nothing', async () => {
    await seedReports()
    const before = await cloud.snapshot()
    const office = cloud.as(TEST_ADMIN)
    const t = cloud.clock.now()
    const base = { kind: 'reports' as const, format: 'csv' as const, requestId: 'bad-input-1' }
    expect(await office.call('exports', 'start', { ...base, filter: { from: t, to: t + 367 * DAY } })).toMatchObject({ ok: false, code: 'EXPORTS.RANGE_TOO_LONG', message: '时间范围不能超过 366 天' })
    expect(await office.call('exports', 'start', { ...base, filter: { from: t, to: t } })).toMatchObject({ ok: false, code: 'EXPORTS.BAD_RANGE' })
    expect(await office.call('exports', 'start', { ...base, kind: 'ledger', filter: { status: 'submitted' } })).toMatchObject({ ok: false, code: 'EXPORTS.FILTER_NOT_ALLOWED' })
    expect(await office.raw('exports', { action: 'start', data: { ...base, kind: 'everything' } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await office.raw('exports', { action: 'start', data: { ...base, format: 'pdf' } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await office.raw('exports', { action: 'start', data: { ...base, filter: { status: 'nope' } } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await office.raw('exports', { action: 'start', data: { ...base, filter: { reporterOpenid: 'x' } } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await office.raw('exports', { action: 'start', data: { kind: 'reports', format: 'csv' } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await office.call('exports', 'step', { jobId: 'no-such-job' })).toMatchObject({ ok: false, code: 'EXPORTS.NOT_FOUND', message: '导出任务不存在' })
    expect(await office.call('exports', 'job', { jobId: 'no-such-job' })).toMatchObject({ ok: false, code: 'EXPORTS.NOT_FOUND' })
    expect(await office.raw('exports', { action: 'step', data: { jobId: '../etc' } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.snapshot()).toEqual(before)
  })
})
