import { randomUUID } from 'node:crypto'
import { keyOf } from '@/cloud/domain/inspect/model'
import { expectOk, type TestCloud } from '../support/cloud'
import { grantLiaison, importSheet, startInspectCloud, TEST_ADMIN, UNIT, uploadEvidence } from './inspect-support'

/** 创文督查, 材料审核: a unit's 联络员 sends 佐证材料, the office accepts or returns it, the history stays. */
let cloud: TestCloud
const LIAISON = 'market-liaison'
const MATERIAL_TASK = `${keyOf('std', '1.2')}__${UNIT.market.id}`
const SITE_TASK = `${keyOf('std', '1.1')}__${UNIT.market.id}`

beforeEach(async () => {
  cloud = await startInspectCloud()
  expectOk(
    await importSheet(cloud, [
      { number: '1.1', project: '公共环境', content: '农贸市场', text: '市场地面无积水。', methods: '实地考察', siteTypes: '农贸市场', lead: UNIT.market.name },
      { number: '1.2', project: '公共环境', content: '农贸市场', text: '市场出入口设置公平秤，定期校验。', methods: '材料审核、实地考察', evidence: '公平秤校验记录', siteTypes: '农贸市场', lead: UNIT.market.name, deadline: '2027-03-31' },
    ]),
  )
  await grantLiaison(cloud, LIAISON, UNIT.market.id)
})
afterEach(() => cloud.close())

async function submit(files: Array<{ fileId: string; name: string }>, options: { taskId?: string; requestId?: string; openid?: string } = {}) {
  return cloud.as(options.openid ?? LIAISON).call('inspect', 'submitEvidence', { taskId: options.taskId ?? MATERIAL_TASK, files, note: '附 2026 年第四季度校验记录', requestId: options.requestId ?? randomUUID() })
}
const taskOf = async (openid = LIAISON) => expectOk(await cloud.as(openid).call('inspect', 'task', { taskId: MATERIAL_TASK }))
const waiting = async () => expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'home', {})).evidenceWaiting

describe('佐证材料', () => {
  test('a 联络员 submits a document and a photo; the office sees it in its queue and accepts it', async () => {
    const pdf = await uploadEvidence(cloud, LIAISON, 'pdf')
    const photo = await uploadEvidence(cloud, LIAISON, 'jpg')
    const sent = expectOk(await submit([{ fileId: pdf, name: '校验记录.pdf' }, { fileId: photo, name: '公平秤.jpg' }]))
    expect(sent).toMatchObject({ status: 'submitted', note: '附 2026 年第四季度校验记录', reason: null, reviewedAt: null })
    expect(sent.files.map((f) => [f.name, f.kind, f.held])).toEqual([
      ['校验记录.pdf', 'document', false],
      ['公平秤.jpg', 'image', false],
    ])
    expect(sent.files.every((f) => f.url !== '')).toBe(true)
    expect((await taskOf()).task.evidenceStatus).toBe('submitted')
    expect((await taskOf()).maySubmit).toBe(false)
    expect(await waiting()).toBe(1)
    // the files are attached: their reservations are used up
    expect((await cloud.platform.db.collection('uploads').where({ openid: LIAISON }).count()).total).toBe(0)

    const queue = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'evidenceQueue', {}))
    expect(queue.items.map((i) => [i.evidenceId, i.unit.name, i.number, i.evidenceRequired])).toEqual([[sent.evidenceId, UNIT.market.name, '1.2', '公平秤校验记录']])

    const accepted = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: sent.evidenceId, decision: 'accept' }))
    expect(accepted.status).toBe('accepted')
    const after = await taskOf()
    expect(after.task).toMatchObject({ evidenceStatus: 'accepted', needsEvidence: false })
    expect(await waiting()).toBe(0)
    expect(expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'evidenceQueue', {})).items).toEqual([])
    expect(expectOk(await cloud.as(LIAISON).call('inspect', 'myTasks', {})).counts).toMatchObject({ needsEvidence: 0, accepted: 1 })
    // accepted is final: reviewing again, or sending more, is refused
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: sent.evidenceId, decision: 'return', reason: '重审' })).toMatchObject({ ok: false, code: 'INSPECT.EVIDENCE_REVIEWED' })
    expect(await submit([{ fileId: await uploadEvidence(cloud, LIAISON), name: '补充.jpg' }])).toMatchObject({ ok: false, code: 'INSPECT.EVIDENCE_REVIEWED' })
    expect((await cloud.platform.db.collection('audit_log').where({ action: 'acceptEvidence' }).count()).total).toBe(1)
  })

  test('while one submission waits for review another is refused, and nothing is written', async () => {
    expectOk(await submit([{ fileId: await uploadEvidence(cloud, LIAISON), name: '一.jpg' }]))
    const second = await uploadEvidence(cloud, LIAISON)
    const before = await cloud.snapshot()
    expect(await submit([{ fileId: second, name: '二.jpg' }])).toMatchObject({ ok: false, code: 'INSPECT.EVIDENCE_PENDING' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('the same requestId sent twice stores one submission', async () => {
    const requestId = randomUUID()
    const files = [{ fileId: await uploadEvidence(cloud, LIAISON, 'pdf'), name: '记录.pdf' }]
    const first = expectOk(await submit(files, { requestId }))
    const again = expectOk(await submit(files, { requestId }))
    expect(again.evidenceId).toBe(first.evidenceId)
    expect((await cloud.platform.db.collection('inspect_evidence').count()).total).toBe(1)
    expect(await waiting()).toBe(1)
  })

  test('a held image is kept and marked for the office', async () => {
    const sent = expectOk(await submit([{ fileId: await uploadEvidence(cloud, LIAISON, 'jpg', 'risky'), name: '现场.jpg' }]))
    expect(sent.files[0]).toMatchObject({ kind: 'image', held: true })
    const queued = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'evidenceQueue', {})).items[0]
    expect(queued.files[0].held).toBe(true)
  })

  test('a task with no 材料审核, someone else’s file, another unit’s task, a non-liaison: each refused, nothing written', async () => {
    await grantLiaison(cloud, 'east-liaison', UNIT.east.id)
    const mine = await uploadEvidence(cloud, LIAISON)
    const theirs = await uploadEvidence(cloud, 'east-liaison')
    const before = await cloud.snapshot()
    expect(await submit([{ fileId: mine, name: 'a.jpg' }], { taskId: SITE_TASK })).toMatchObject({ ok: false, code: 'INSPECT.NO_MATERIAL' })
    expect(await submit([{ fileId: theirs, name: 'a.jpg' }])).toMatchObject({ ok: false, code: 'INSPECT.FILE_NOT_YOURS' })
    expect(await submit([{ fileId: 'cloud://local.bucket/evidence/20261125/0123456789abcdef01234567.jpg', name: 'a.jpg' }])).toMatchObject({ ok: false, code: 'INSPECT.FILE_NOT_YOURS' })
    expect(await submit([{ fileId: theirs, name: 'a.jpg' }], { openid: 'east-liaison' })).toMatchObject({ ok: false, code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(await submit([{ fileId: mine, name: 'a.jpg' }], { taskId: 'no-such-task' })).toMatchObject({ ok: false, code: 'INSPECT.TASK_NOT_FOUND' })
    expect(await submit([{ fileId: mine, name: 'a.jpg' }], { openid: TEST_ADMIN })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(LIAISON).call('inspect', 'evidenceQueue', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(LIAISON).call('inspect', 'reviewEvidence', { evidenceId: 'x', decision: 'accept' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  // last: a return counts against the unit's score through the ledger
  test('a return needs a reason; the unit sees it, sends again, and the history keeps both, newest first', async () => {
    const first = expectOk(await submit([{ fileId: await uploadEvidence(cloud, LIAISON, 'pdf'), name: '初稿.pdf' }]))
    const before = await cloud.snapshot()
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: first.evidenceId, decision: 'return' })).toMatchObject({ ok: false, code: 'INSPECT.REASON_REQUIRED' })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: first.evidenceId, decision: 'return', reason: '   ' })).toMatchObject({ ok: false, code: 'INSPECT.REASON_REQUIRED' })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: 'no-such-evidence', decision: 'accept' })).toMatchObject({ ok: false, code: 'INSPECT.EVIDENCE_NOT_FOUND' })
    expect(await cloud.snapshot()).toEqual(before)

    const returned = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: first.evidenceId, decision: 'return', reason: '缺少校验机构盖章' }))
    expect(returned).toMatchObject({ status: 'returned', reason: '缺少校验机构盖章' })
    const seen = await taskOf()
    expect(seen.task).toMatchObject({ evidenceStatus: 'returned', returnReason: '缺少校验机构盖章', needsEvidence: true })
    expect(seen.maySubmit).toBe(true)
    expect(await waiting()).toBe(0)
    // the return is counted against the unit in its week and month
    const periods = (await cloud.platform.db.collection('inspect_periods').where({ scopeId: UNIT.market.id }).get()).data
    expect(periods.map((p) => p.materialReturns)).toEqual([1, 1])
    expect((await cloud.platform.db.collection('audit_log').where({ action: 'returnEvidence' }).count()).total).toBe(1)

    cloud.clock.advance(60 * 60 * 1000)
    const second = expectOk(await submit([{ fileId: await uploadEvidence(cloud, LIAISON, 'pdf'), name: '盖章版.pdf' }]))
    const detail = await taskOf()
    expect(detail.task).toMatchObject({ evidenceStatus: 'submitted', returnReason: null })
    expect(detail.evidence.map((e) => [e.evidenceId, e.status, e.reason])).toEqual([
      [second.evidenceId, 'submitted', null],
      [first.evidenceId, 'returned', '缺少校验机构盖章'],
    ])
    expect(detail.evidence[1].files.map((f) => f.name)).toEqual(['初稿.pdf'])
  })
})
