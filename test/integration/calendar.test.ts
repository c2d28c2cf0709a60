import { OFFICIAL_2026 } from '@/shared/calendar'
import { seedCalendars } from '@/cloud/domain/calendar/store'
import { expectOk } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/** An instant given as Shanghai wall-clock time (UTC+8). */
const sh = (date: string, time = '00:00'): number => Date.parse(`${date}T${time}:00+08:00`)

/** The official 2026 sheet as the office would paste it, optionally without some dates. */
const sheet2026 = (without: string[] = [], extra: string[] = []): string =>
  ['date,type,name', ...OFFICIAL_2026.days.filter((d) => !without.includes(d.date)).map((d) => `${d.date},${d.type === 'holiday' ? '休' : '班'},${d.name}`), ...extra].join('\n')

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
  await seedCalendars(cloud.platform)
})
afterEach(() => cloud.close())

const office = () => cloud.as(P.office)

/** A 背街小巷 report started (办结: 3 working days) at `at`, by the demo city's people. */
async function startedAt(at: number): Promise<string> {
  cloud.clock.set(at)
  const report = await cloud.submit(P.alice, { categoryId: 'back-alley' })
  expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, unitId: 'unit-demo' }))
  const started = expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: report.id }))
  expect(started.status).toBe('processing')
  return report.id
}

describe('the stored calendar', () => {
  test('2026 is seeded from the State Council notice; 2027 is missing and the office is told so', async () => {
    const y2026 = expectOk(await office().call('calendar', 'get', { year: 2026 }))
    expect(y2026).toMatchObject({ year: 2026, source: 'seeded', note: expect.stringContaining('国务院办公厅关于2026年部分节假日安排的通知') })
    expect(y2026.days).toContainEqual({ date: '2026-10-10', type: 'workday', name: '国庆节调休上班' })
    expect(y2026.days).toHaveLength(39)
    const y2027 = expectOk(await office().call('calendar', 'get', { year: 2027 }))
    expect(y2027).toMatchObject({ year: 2027, source: 'missing', days: [] })
    expect(y2027.note).toContain('尚未导入 2027 年节假日安排')
  })

  test('only the office reads or replaces it', async () => {
    expect(await cloud.as(P.grid).call('calendar', 'get', { year: 2026 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(P.alice).call('calendar', 'replace', { year: 2026, csv: sheet2026() })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  test('a sheet with bad rows is refused with each bad line named, and nothing is written', async () => {
    const id = await startedAt(sh('2026-09-30', '10:00'))
    const before = await cloud.snapshot()
    const result = await office().call('calendar', 'replace', {
      year: 2026,
      csv: sheet2026(['2026-10-10'], ['2026-10-12,休,多放一天', '2026-13-01,休,坏日期', '2026-10-14,班,周三上班']),
    })
    expect(result).toMatchObject({
      ok: false,
      code: 'CALENDAR.BAD_ROWS',
      issues: [
        { path: '第 41 行', message: '不是有效日期' },
        { path: '第 42 行', message: '调休上班日应为周六或周日' },
      ],
    })
    expect(result.ok ? '' : result.message).toContain('第 41 行：不是有效日期')
    expect(await cloud.snapshot()).toEqual(before)
    expect((await cloud.view(P.office, id)).dueAt).toBe(sh('2026-10-10', '17:30'))
  })

  test('a replaced year is what get returns, marked as the office’s', async () => {
    const replaced = expectOk(await office().call('calendar', 'replace', { year: 2027, csv: '2027-01-01,休,元旦\n2027-02-20,班,春节调休', note: '国务院办公厅关于2027年部分节假日安排的通知' }))
    expect(replaced).toMatchObject({ year: 2027, source: 'office', recomputed: 0 })
    expect(expectOk(await office().call('calendar', 'get', { year: 2027 }))).toMatchObject({
      source: 'office',
      note: '国务院办公厅关于2027年部分节假日安排的通知',
      days: [
        { date: '2027-01-01', type: 'holiday', name: '元旦' },
        { date: '2027-02-20', type: 'workday', name: '春节调休' },
      ],
    })
  })
})

describe('due times in working days on the stored calendar', () => {
  test('after a transition: started Wednesday 09-30 10:00, 3 working days over 国庆 → 调休 Saturday 10-10 17:30', async () => {
    const id = await startedAt(sh('2026-09-30', '10:00'))
    expect((await cloud.view(P.office, id)).dueAt).toBe(sh('2026-10-10', '17:30'))
  })

  test('a transition counts on the office’s calendar: without the 调休 Saturday 10-10, the same start is due Monday 10-12', async () => {
    expectOk(await office().call('calendar', 'replace', { year: 2026, csv: sheet2026(['2026-10-10']) }))
    const id = await startedAt(sh('2026-09-30', '10:00'))
    expect((await cloud.view(P.office, id)).dueAt).toBe(sh('2026-10-12', '17:30'))
  })

  test('after submit: a 文明点赞 sent on Friday 02-13 is reviewed by the 调休 Saturday 02-14 17:30', async () => {
    cloud.clock.set(sh('2026-02-13', '15:00'))
    const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '帮老人过马路' })
    expect(praise.dueAt).toBe(sh('2026-02-14', '17:30'))
  })

  test('submit counts on the office’s calendar, not the shipped one: a holiday added on Friday 11-27 moves the review to Monday', async () => {
    expectOk(await office().call('calendar', 'replace', { year: 2026, csv: sheet2026([], ['2026-11-27,休,本市假日']) }))
    cloud.clock.set(sh('2026-11-26', '10:00'))
    const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '帮老人过马路' })
    expect(praise.dueAt).toBe(sh('2026-11-30', '17:30'))
  })

  test('the calendar is read once a minute per instance: a change another instance stored shows after the minute', async () => {
    cloud.clock.set(sh('2026-11-26', '10:00'))
    const before = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '帮老人过马路' })
    expect(before.dueAt).toBe(sh('2026-11-27', '17:30'))
    // as if the office's replace ran on another instance: this one still holds its copy
    const y2026 = expectOk(await office().call('calendar', 'get', { year: 2026 }))
    await cloud.platform.db.collection('work_calendars').doc('y2026').update({ data: { days: [...y2026.days, { date: '2026-11-27', type: 'holiday', name: '本市假日' }] } })
    cloud.clock.advance(30_000)
    expect((await cloud.submit(P.alice, { categoryId: 'good-deed', description: '扶起共享单车' })).dueAt).toBe(sh('2026-11-27', '17:30'))
    cloud.clock.advance(31_000)
    expect((await cloud.submit(P.alice, { categoryId: 'good-deed', description: '捡到钱包交给民警' })).dueAt).toBe(sh('2026-11-30', '17:30'))
  })

  test('a year with no calendar counts plain weekdays', async () => {
    // 2027-10-01 is a Friday; its 国庆 is not known here
    const id = await startedAt(sh('2027-10-01', '10:00'))
    expect((await cloud.view(P.office, id)).dueAt).toBe(sh('2027-10-06', '17:30'))
  })
})

describe('when the office changes the calendar before a due time falls', () => {
  test('open working-day due times still ahead are counted again from their step’s entry; passed ones and hour limits stay', async () => {
    const ahead = await startedAt(sh('2026-09-30', '10:00')) // due 10-10 17:30
    const passed = await startedAt(sh('2026-09-01', '10:00')) // due 09-04 17:30, already late
    const hours = (await cloud.submit(P.alice, { categoryId: 'illegal-ads' })).id // 受理 2 calendar hours
    cloud.clock.set(sh('2026-10-08', '09:00'))
    const hoursDue = (await cloud.view(P.office, hours)).dueAt
    const passedDue = (await cloud.view(P.office, passed)).dueAt
    expect(passedDue).toBe(sh('2026-09-04', '17:30'))

    // the office learns 10-10 is not a working day after all
    const replaced = expectOk(await office().call('calendar', 'replace', { year: 2026, csv: sheet2026(['2026-10-10']) }))
    expect(replaced.recomputed).toBe(1)
    // 10-08, 10-09, then Monday 10-12
    expect((await cloud.view(P.office, ahead)).dueAt).toBe(sh('2026-10-12', '17:30'))
    expect((await cloud.view(P.office, passed)).dueAt).toBe(passedDue)
    expect((await cloud.view(P.office, hours)).dueAt).toBe(hoursDue)

    // the same sheet again changes nothing
    expect(expectOk(await office().call('calendar', 'replace', { year: 2026, csv: sheet2026(['2026-10-10']) })).recomputed).toBe(0)
  })

  test('more open reports than one page, many sharing one due time, are all recomputed', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(await startedAt(sh('2026-09-30', '10:00')))
    // make them many: copies of one report sharing its due time, as a full page would
    const { _id: _source, ticketNo: _ticket, ...source } = (await cloud.platform.db.collection('reports').where({ _id: ids[0] }).get()).data[0]
    for (let i = 0; i < 230; i++) {
      await cloud.platform.db.collection('reports').doc(`copy-${String(i).padStart(3, '0')}`).set({ data: { ...source } })
    }
    cloud.clock.set(sh('2026-10-08', '09:00'))
    const replaced = expectOk(await office().call('calendar', 'replace', { year: 2026, csv: sheet2026(['2026-10-10']) }))
    expect(replaced.recomputed).toBe(233)
    const { total } = await cloud.platform.db.collection('reports').where({ dueAt: sh('2026-10-12', '17:30') }).count()
    expect(total).toBe(233)
  })
})
