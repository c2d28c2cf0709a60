import fc from 'fast-check'
import {
  adjustableMaximum,
  creditFor,
  MIN_CREDITED_MINUTES,
  overlaps,
  periodsForMinutes,
  shiftMinutes,
  subtract,
  totalMs,
  type Interval,
} from '@/cloud/domain/volunteer/hours'

const MIN = 60_000
const T0 = Date.UTC(2026, 10, 25, 1, 0) // 09:00 in Shanghai
const shift: Interval = { from: T0, to: T0 + 120 * MIN }
const at = (minutes: number) => T0 + minutes * MIN

describe('minutes are the overlap of the attendance with the shift', () => {
  test('checked in and out inside the shift: the time between', () => {
    expect(creditFor({ from: at(10), to: at(70) }, shift).minutes).toBe(60)
  })

  test('arriving early counts from the start of the shift', () => {
    expect(creditFor({ from: at(-25), to: at(60) }, shift).minutes).toBe(60)
  })

  test('leaving late counts until the end of the shift', () => {
    expect(creditFor({ from: at(30), to: at(200) }, shift).minutes).toBe(90)
  })

  test('never more than the shift length, however long the attendance', () => {
    expect(creditFor({ from: at(-600), to: at(6000) }, shift).minutes).toBe(shiftMinutes(shift))
  })

  test('an attendance entirely before or after the shift is worth nothing', () => {
    expect(creditFor({ from: at(-90), to: at(-1) }, shift).minutes).toBe(0)
    expect(creditFor({ from: at(121), to: at(180) }, shift).minutes).toBe(0)
  })

  test('partial minutes are dropped, not rounded up', () => {
    expect(creditFor({ from: at(0), to: at(59) + 59_999 }, shift).minutes).toBe(59)
  })
})

describe('under 15 minutes counts as 0', () => {
  test('14 minutes 59 seconds is 0', () => {
    expect(creditFor({ from: at(0), to: at(15) - 1000 }, shift).minutes).toBe(0)
  })

  test('exactly 15 minutes counts as 15', () => {
    expect(creditFor({ from: at(0), to: at(15) }, shift).minutes).toBe(MIN_CREDITED_MINUTES)
  })

  test('a long attendance that overlaps the shift by only 10 minutes is 0', () => {
    expect(creditFor({ from: at(-300), to: at(10) }, shift).minutes).toBe(0)
  })
})

describe('no two overlapping credited periods for one person', () => {
  test('time already credited on another record is not counted again', () => {
    const other: Interval = { from: at(0), to: at(60) }
    expect(creditFor({ from: at(0), to: at(120) }, shift, [other]).minutes).toBe(60)
  })

  test('the credited periods never overlap the other record', () => {
    const other: Interval = { from: at(30), to: at(50) }
    const credit = creditFor({ from: at(0), to: at(120) }, shift, [other])
    expect(credit.periods).toEqual([{ from: at(0), to: at(30) }, { from: at(50), to: at(120) }])
    expect(credit.periods.some((p) => overlaps(p, other))).toBe(false)
    expect(credit.minutes).toBe(100)
  })

  test('what is left after another record may fall under 15 minutes and count 0', () => {
    const other: Interval = { from: at(0), to: at(110) }
    expect(creditFor({ from: at(0), to: at(120) }, shift, [other]).minutes).toBe(0)
  })

  test('touching periods do not overlap', () => {
    expect(overlaps({ from: at(0), to: at(60) }, { from: at(60), to: at(120) })).toBe(false)
  })

  test('the organizer may credit by hand at most the free time of the shift', () => {
    const others = [{ from: at(0), to: at(30) }]
    expect(adjustableMaximum(shift, others)).toBe(90)
    expect(periodsForMinutes(shift, others, 45)).toEqual([{ from: at(30), to: at(75) }])
  })

  test('property: credited minutes never exceed the shift, nor overlap the others', () => {
    const interval = fc
      .tuple(fc.integer({ min: -300, max: 400 }), fc.integer({ min: 0, max: 500 }))
      .map(([start, length]) => ({ from: at(start), to: at(start + length) }))
    fc.assert(
      fc.property(interval, fc.array(interval, { maxLength: 4 }), (attendance, others) => {
        const credit = creditFor(attendance, shift, others)
        expect(credit.minutes).toBeLessThanOrEqual(shiftMinutes(shift))
        expect(credit.minutes === 0 || credit.minutes >= MIN_CREDITED_MINUTES).toBe(true)
        for (const p of credit.periods) {
          expect(p.from).toBeGreaterThanOrEqual(shift.from)
          expect(p.to).toBeLessThanOrEqual(shift.to)
          for (const o of others) expect(overlaps(p, o)).toBe(false)
        }
        if (credit.minutes > 0) expect(credit.minutes).toBe(Math.floor(totalMs(credit.periods) / MIN))
      }),
    )
  })

  test('subtract leaves pieces in order', () => {
    expect(subtract({ from: 0, to: 100 }, [{ from: 10, to: 20 }, { from: 50, to: 60 }])).toEqual([
      { from: 0, to: 10 },
      { from: 20, to: 50 },
      { from: 60, to: 100 },
    ])
  })
})
