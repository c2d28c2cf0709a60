import { HANDBOOK_CONTENT } from '@/cloud/domain/handbook/content'
import { POINTS_RULES } from '@/shared/points-rules'
import { REPORT_LIMITS } from '@/shared/report'
import { expectOk } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/** 设置 → 随手拍限额 and 积分规则, the settings index, and 手册版本: each change audited with before/after; the next action uses it. */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const balance = async (openid: string) => expectOk(await cloud.as(openid).call('user', 'me', {})).points

describe('随手拍限额', () => {
  test('the office lowers the daily limit: audited before → after, and the next submission counts against it', async () => {
    const set = expectOk(await cloud.as(P.office).call('settings', 'setReportLimits', { dailyLimit: 2 }))
    expect(set).toEqual({ dailyLimit: 2, minPhotos: REPORT_LIMITS.minPhotos, maxPhotos: REPORT_LIMITS.maxPhotos })
    await cloud.submit(P.alice)
    await cloud.submit(P.alice)
    expect(await cloud.trySubmit(P.alice)).toMatchObject({ ok: false, code: 'REPORT.DAILY_LIMIT', message: expect.stringContaining('2 条') })
    expect(expectOk(await cloud.as(P.alice).call('report', 'prepare', {}))).toMatchObject({ dailyLimit: 2, usedToday: 2 })
    const { items } = expectOk(await cloud.as(P.office).call('settings', 'audit', { subjectType: 'reportSettings' }))
    expect(items.map((e) => [e.action, e.who, e.before, e.after])).toEqual([['setDailyLimit', '文明办', { dailyLimit: REPORT_LIMITS.dailyLimit }, { dailyLimit: 2 }]])
    // the other report settings are kept
    expect(expectOk(await cloud.as(P.office).call('report', 'routing', {}))).toMatchObject({ dailyLimit: 2, ratingWindowDays: 7, contactRetentionDays: 365 })
    expect(expectOk(await cloud.as(P.office).call('settings', 'overview', {})).report.dailyLimit).toBe(2)
  })

  test('a limit out of bounds, a resident, and an unchanged value write nothing', async () => {
    const before = await cloud.snapshot()
    expect(await cloud.as(P.office).call('settings', 'setReportLimits', { dailyLimit: 0 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.office).call('settings', 'setReportLimits', { dailyLimit: 201 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.alice).call('settings', 'setReportLimits', { dailyLimit: 5 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expectOk(await cloud.as(P.office).call('settings', 'setReportLimits', { dailyLimit: REPORT_LIMITS.dailyLimit }))
    expect(await cloud.snapshot()).toEqual(before)
  })
})

describe('积分规则', () => {
  const RULE = POINTS_RULES['report.accepted']

  test('a lower daily cap is used by the next award, shown on the 积分规则 page, and audited', async () => {
    const view = expectOk(await cloud.as(P.office).call('settings', 'setPointsRule', { rule: 'report.accepted', dailyCap: 7 }))
    expect(view).toMatchObject({ rule: 'report.accepted', points: RULE.points, dailyCap: 7, defaultDailyCap: RULE.dailyCap, overridden: true })
    for (let i = 0; i < 3; i++) {
      const report = await cloud.submit(P.alice)
      expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    }
    // 5 + 2 (cut at the new cap of 7) + 0, not 15 under the built-in cap of 20
    expect(await balance(P.alice)).toBe(7)
    const { rules } = expectOk(await cloud.as(P.alice).call('rewards', 'rules', {}))
    expect(rules.find((r) => r.reason === 'report.accepted')).toMatchObject({ points: RULE.points, dailyCap: 7 })
    const { items } = expectOk(await cloud.as(P.office).call('settings', 'audit', { subjectType: 'pointsRule' }))
    expect(items.map((e) => [e.subjectId, e.before, e.after])).toEqual([['report.accepted', { points: RULE.points, dailyCap: RULE.dailyCap }, { points: RULE.points, dailyCap: 7 }]])
  })

  test('new points per occurrence are awarded next and said in the hourly rule sentence', async () => {
    expectOk(await cloud.as(P.office).call('settings', 'setPointsRule', { rule: 'report.accepted', points: 3 }))
    const report = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    expect(await balance(P.alice)).toBe(3)
    expectOk(await cloud.as(P.office).call('settings', 'setPointsRule', { rule: 'volunteer.hours', points: 12 }))
    const { rules } = expectOk(await cloud.as(P.alice).call('rewards', 'rules', {}))
    expect(rules.find((r) => r.reason === 'volunteer.hours')?.how).toContain('每小时 12 分')
    const overview = expectOk(await cloud.as(P.office).call('settings', 'overview', {}))
    expect(overview.points.filter((r) => r.overridden).map((r) => [r.rule, r.points])).toEqual([
      ['report.accepted', 3],
      ['volunteer.hours', 12],
    ])
  })

  test('bad values, an unknown rule and a resident write nothing', async () => {
    const before = await cloud.snapshot()
    expect(await cloud.as(P.office).call('settings', 'setPointsRule', { rule: 'report.accepted', dailyCap: 0 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.office).call('settings', 'setPointsRule', { rule: 'report.accepted' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.office).call('settings', 'setPointsRule', { rule: 'made.up' as never, points: 5 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.alice).call('settings', 'setPointsRule', { rule: 'report.accepted', points: 50 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.snapshot()).toEqual(before)
  })
})

describe('全部设置 and 手册版本', () => {
  test('the index says every setting as it is now', async () => {
    const o = expectOk(await cloud.as(P.office).call('settings', 'overview', {}))
    expect(o.report.dailyLimit).toBe(REPORT_LIMITS.dailyLimit)
    expect(o.volunteer).toEqual({ cancelDeadlineMinutes: 120, autoCloseGraceMinutes: 30 })
    expect(o.points.map((r) => r.rule)).toEqual(Object.keys(POINTS_RULES))
    expect(o.units).toBeGreaterThan(0)
    expect(o.grids).toBeGreaterThan(0)
    expect(o.notifyTemplates).toEqual(expect.any(Number))
    expect(await cloud.as(P.alice).call('settings', 'overview', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  test('published versions newest first with who published them', async () => {
    const office = cloud.as(P.office)
    expectOk(await office.call('user', 'updateProfile', { nickname: '王编辑' }))
    const toc = expectOk(await office.call('handbook', 'toc', {}))
    const traffic = structuredClone(HANDBOOK_CONTENT.find((c) => c.id === 'traffic'))
    if (!traffic) throw new Error('traffic')
    traffic.sections[0].blocks.unshift({ type: 'paragraph', text: '新增：斑马线前请放慢脚步。' })
    expectOk(await office.call('handbook', 'stageChapter', { baseVersion: toc.version, chapter: traffic }))
    cloud.clock.advance(60_000)
    expectOk(await office.call('handbook', 'publish', { baseVersion: toc.version, note: '更新文明交通' }))
    const page = expectOk(await office.call('settings', 'handbookVersions', {}))
    expect(page.items.map((v) => [v.version, v.who, v.note, v.changedChapters])).toEqual([
      [2, '王编辑', '更新文明交通', 1],
      [1, '随版本发布', expect.any(String), expect.any(Number)],
    ])
    expect(page.nextOffset).toBeNull()
    expect(expectOk(await office.call('settings', 'overview', {})).handbookVersion).toBe(2)
  })
})
