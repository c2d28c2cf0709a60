import fc from 'fast-check'
import {
  addWorkingDays,
  addWorkingHours,
  buildWorkCalendar,
  dayNumberOf,
  isWorkingDate,
  isWorkingDay,
  missingYears,
  OFFICIAL_2026,
  parseCalendarSheet,
  WEEKDAYS_ONLY,
  WHOLE_DAY,
} from '@/shared/calendar'
import { BUILT_IN_CALENDAR, categoryOf, dueTimeOnEntry, limitsText, limitText, stepLimitsOf } from '@/shared/report'

/** An instant given as Shanghai wall-clock time (UTC+8). */
const sh = (date: string, time = '00:00'): number => Date.parse(`${date}T${time}:00+08:00`)
const cal = buildWorkCalendar([OFFICIAL_2026])

describe('which days are working days on the 2026 official calendar', () => {
  test.each([
    ['2026-10-01', false, '国庆 Thursday off'],
    ['2026-10-07', false, '国庆 Wednesday off'],
    ['2026-10-08', true, 'Thursday after 国庆'],
    ['2026-10-10', true, '调休 Saturday works'],
    ['2026-10-11', false, 'plain Sunday'],
    ['2026-02-14', true, '春节 调休 Saturday works'],
    ['2026-02-23', false, '春节 Monday off'],
    ['2026-02-24', true, 'first Tuesday after 春节'],
    ['2026-02-28', true, '春节 调休 Saturday works'],
    ['2026-01-04', true, '元旦 调休 Sunday works'],
    ['2026-05-09', true, '劳动节 调休 Saturday works'],
    ['2026-06-19', false, '端午 Friday off'],
    ['2026-09-20', true, '国庆 调休 Sunday works'],
    ['2026-09-25', false, '中秋 Friday off'],
    ['2026-11-25', true, 'plain Wednesday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDate(date, cal)).toBe(working)
  })

  test('without a calendar only Monday–Friday work: 10-01 is a Thursday, 10-10 a Saturday', () => {
    expect(isWorkingDate('2026-10-01', WEEKDAYS_ONLY)).toBe(true)
    expect(isWorkingDate('2026-10-10', WEEKDAYS_ONLY)).toBe(false)
  })
})

describe('N working days: due at 17:30 on the Nth working day after the entry day', () => {
  test('across a weekend: Friday 2026-11-27 16:00 + 2 → Tuesday 12-01 17:30', () => {
    expect(addWorkingDays(sh('2026-11-27', '16:00'), 2, cal)).toBe(sh('2026-12-01', '17:30'))
  })

  test('across 国庆 and its 调休 Saturday: Wednesday 09-30 10:00 + 3 → Saturday 10-10 17:30', () => {
    expect(addWorkingDays(sh('2026-09-30', '10:00'), 1, cal)).toBe(sh('2026-10-08', '17:30'))
    expect(addWorkingDays(sh('2026-09-30', '10:00'), 3, cal)).toBe(sh('2026-10-10', '17:30'))
    // the same on plain weekdays would be Monday 10-05
    expect(addWorkingDays(sh('2026-09-30', '10:00'), 3, WEEKDAYS_ONLY)).toBe(sh('2026-10-05', '17:30'))
  })

  test('春节: Friday 02-13 + 1 → 调休 Saturday 02-14; + 2 → Tuesday 02-24 after the holiday', () => {
    expect(addWorkingDays(sh('2026-02-13', '09:00'), 1, cal)).toBe(sh('2026-02-14', '17:30'))
    expect(addWorkingDays(sh('2026-02-13', '09:00'), 2, cal)).toBe(sh('2026-02-24', '17:30'))
  })

  test('the entry day never counts, whether it works or not', () => {
    expect(addWorkingDays(sh('2026-11-28', '10:00'), 1, cal)).toBe(sh('2026-11-30', '17:30')) // Saturday → Monday
    expect(addWorkingDays(sh('2026-01-04', '08:00'), 1, cal)).toBe(sh('2026-01-05', '17:30')) // 调休 Sunday → Monday
    expect(addWorkingDays(sh('2026-11-25', '23:59'), 1, cal)).toBe(sh('2026-11-26', '17:30'))
  })

  test('a year with no calendar counts plain weekdays, and says it is missing', () => {
    // 2027-10-01 is a Friday; its 国庆 is unknown here, so Monday 10-04 is the next working day
    expect(addWorkingDays(sh('2027-10-01', '10:00'), 1, cal)).toBe(sh('2027-10-04', '17:30'))
    expect(missingYears(sh('2026-12-30'), sh('2027-01-05'), cal)).toEqual([2027])
    expect(missingYears(sh('2026-03-01'), sh('2026-04-01'), cal)).toEqual([])
  })

  test('any entry in 2026 + 1..5 lands on a working day at 17:30, later than the entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: sh('2026-01-01'), max: sh('2026-12-31') }), fc.integer({ min: 1, max: 5 }), (at, n) => {
        const due = addWorkingDays(at, n, cal)
        expect(isWorkingDay(dayNumberOf(due), cal)).toBe(true)
        expect(new Date(due + 8 * 3600_000).toISOString().slice(11, 16)).toBe('17:30')
        expect(due).toBeGreaterThan(at)
      }),
    )
  })
})

describe('N working hours inside office hours (08:30–12:00, 13:30–17:30) on working days', () => {
  test('Friday 02-13 16:30 + 2 h, before the 调休 Saturday: 1 h on Friday, 1 h on Saturday → 02-14 09:30', () => {
    expect(addWorkingHours(sh('2026-02-13', '16:30'), 2, cal)).toBe(sh('2026-02-14', '09:30'))
    // on plain weekdays the Saturday is off: Monday 09:30
    expect(addWorkingHours(sh('2026-02-13', '16:30'), 2, WEEKDAYS_ONLY)).toBe(sh('2026-02-16', '09:30'))
  })

  test('Friday 10-09 17:45, after closing, + 2 h → 调休 Saturday 10-10 10:30', () => {
    expect(addWorkingHours(sh('2026-10-09', '17:45'), 2, cal)).toBe(sh('2026-10-10', '10:30'))
  })

  test('the lunch break does not count: 11:00 + 2 h → 14:30', () => {
    expect(addWorkingHours(sh('2026-11-25', '11:00'), 2, cal)).toBe(sh('2026-11-25', '14:30'))
  })

  test('before opening the clock starts at 08:30; running out at closing is due at closing', () => {
    expect(addWorkingHours(sh('2026-11-25', '07:00'), 1, cal)).toBe(sh('2026-11-25', '09:30'))
    expect(addWorkingHours(sh('2026-11-25', '16:30'), 1, cal)).toBe(sh('2026-11-25', '17:30'))
  })

  test('across 国庆: Wednesday 09-30 17:00 + 1 h → Thursday 10-08 09:00', () => {
    expect(addWorkingHours(sh('2026-09-30', '17:00'), 1, cal)).toBe(sh('2026-10-08', '09:00'))
  })

  test('one span 08:30–17:30 counts the lunch hour', () => {
    const oneSpan = buildWorkCalendar([OFFICIAL_2026], [{ startMinute: 510, endMinute: 1050 }])
    expect(addWorkingHours(sh('2026-11-25', '11:00'), 2, oneSpan)).toBe(sh('2026-11-25', '13:00'))
  })

  test('round the clock on working days only: Friday 02-13 20:00 + 10 h → Saturday 02-14 06:00', () => {
    expect(addWorkingHours(sh('2026-02-13', '20:00'), 10, cal, WHOLE_DAY)).toBe(sh('2026-02-14', '06:00'))
    expect(addWorkingHours(sh('2026-02-14', '20:00'), 10, cal, WHOLE_DAY)).toBe(sh('2026-02-24', '06:00'))
  })
})

describe('step limits with a unit', () => {
  test('背街小巷 办结 is 3 working days: started Wednesday 09-30 10:00 → due Saturday 10-10 17:30', () => {
    const limits = categoryOf('back-alley')!.limits
    expect(dueTimeOnEntry('processing', limits, sh('2026-09-30', '10:00'), cal)).toBe(sh('2026-10-10', '17:30'))
    // without a calendar passed, the schedule shipped with the app is used
    expect(dueTimeOnEntry('processing', limits, sh('2026-09-30', '10:00'))).toBe(sh('2026-10-10', '17:30'))
    expect(dueTimeOnEntry('processing', limits, sh('2026-09-30', '10:00'), WEEKDAYS_ONLY)).toBe(sh('2026-10-05', '17:30'))
  })

  test('calendar hours stay calendar hours, through 国庆 too', () => {
    const limits = categoryOf('back-alley')!.limits
    expect(dueTimeOnEntry('submitted', limits, sh('2026-10-01', '10:00'), cal)).toBe(sh('2026-10-01', '12:00'))
  })

  test('office-hour and calendar-day limits', () => {
    const limits = {
      accept: { amount: 2, unit: 'hours', officeHours: true },
      start: { amount: 2, unit: 'days' },
      resolve: { amount: 1, unit: 'workdays' },
    } as const
    expect(dueTimeOnEntry('submitted', limits, sh('2026-02-13', '16:30'), cal)).toBe(sh('2026-02-14', '09:30'))
    expect(dueTimeOnEntry('dispatched', limits, sh('2026-10-01', '10:00'), cal)).toBe(sh('2026-10-03', '10:00'))
    expect(limitText(limits.accept)).toBe('2 小时（工作时间）')
    expect(limitText(limits.resolve)).toBe('1 个工作日')
  })

  test('the routing page’s line for a category’s clock', () => {
    expect(limitsText(categoryOf('back-alley')!.limits)).toBe('受理 2 小时 · 签收 4 小时 · 办结 3 个工作日')
    expect(limitsText({ accept: { amount: 2, unit: 'hours', officeHours: true }, start: { amount: 0, unit: 'hours' }, resolve: { amount: 3, unit: 'workdays' } })).toBe(
      '受理 2 小时（工作时间） · 办结 3 个工作日',
    )
  })

  test('limits stored before units existed read as calendar hours', () => {
    expect(stepLimitsOf({ acceptHours: 2, startHours: 4, resolveHours: 72 }).resolve).toEqual({ amount: 72, unit: 'hours' })
    expect(dueTimeOnEntry('processing', { acceptHours: 2, startHours: 4, resolveHours: 72 }, sh('2026-09-30', '10:00'), cal)).toBe(sh('2026-10-03', '10:00'))
  })

  test('the shipped calendar is the 2026 notice', () => {
    expect(BUILT_IN_CALENDAR.years.has(2026)).toBe(true)
    expect(OFFICIAL_2026.days.filter((d) => d.type === 'holiday')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7)
    expect(OFFICIAL_2026.days.filter((d) => d.type === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ])
  })
})

describe('the office’s sheet', () => {
  test('rows in 休/班 or holiday/workday, with or without a header, sorted by date', () => {
    const sheet = parseCalendarSheet(2027, 'date,type,name\n2027-10-02,holiday,国庆节\n2027-10-01,休,国庆节\n\n2027-10-09,班,国庆节调休\r\n')
    expect(sheet).toEqual({
      ok: true,
      calendar: {
        year: 2027,
        days: [
          { date: '2027-10-01', type: 'holiday', name: '国庆节' },
          { date: '2027-10-02', type: 'holiday', name: '国庆节' },
          { date: '2027-10-09', type: 'workday', name: '国庆节调休' },
        ],
      },
    })
  })

  test('every bad row is named by its line', () => {
    const sheet = parseCalendarSheet(2027, '2027-10-01,休,国庆节\n2027-02-30,休,春节\n2027-10-01,休,重复\n2026-10-01,休,去年\n2027-10-08,班,周五\n2027-10-03,放半天,国庆\n只有一列')
    expect(sheet).toEqual({
      ok: false,
      problems: [
        { line: 2, message: '不是有效日期' },
        { line: 3, message: '与第 1 行日期重复' },
        { line: 4, message: '日期不在 2027 年' },
        { line: 5, message: '调休上班日应为周六或周日' },
        { line: 6, message: '类型应为「休」或「班」（或 holiday / workday）' },
        { line: 7, message: '每行应为：日期,类型,名称' },
      ],
    })
  })

  test('an empty sheet is refused', () => {
    expect(parseCalendarSheet(2027, 'date,type,name\n')).toMatchObject({ ok: false, problems: [{ line: 1, message: '没有任何日期' }] })
  })
})
