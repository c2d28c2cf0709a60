/**
 * Working-day due times: 100k computations over random instants in 2026 on the official calendar,
 * per kind of limit. ops/s over the whole run, p99 of single computations in microseconds. Figures,
 * not pass/fail.
 */
import { buildWorkCalendar, OFFICIAL_2026 } from '../src/shared/calendar'
import { dueTimeOnEntry, type StepLimits } from '../src/shared/report'

const LIMITS: Record<string, StepLimits> = {
  '3 个工作日': { accept: { amount: 3, unit: 'workdays' }, start: { amount: 3, unit: 'workdays' }, resolve: { amount: 3, unit: 'workdays' } },
  '2 小时（工作时间）': { accept: { amount: 2, unit: 'hours', officeHours: true }, start: { amount: 2, unit: 'hours', officeHours: true }, resolve: { amount: 2, unit: 'hours', officeHours: true } },
  '40 小时（工作时间）': { accept: { amount: 40, unit: 'hours', officeHours: true }, start: { amount: 40, unit: 'hours', officeHours: true }, resolve: { amount: 40, unit: 'hours', officeHours: true } },
  '48 小时': { accept: { amount: 48, unit: 'hours' }, start: { amount: 48, unit: 'hours' }, resolve: { amount: 48, unit: 'hours' } },
}

/** a fixed-seed generator, so two runs time the same instants */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function runCalendarBench(count = 100_000): Array<Record<string, string | number>> {
  const calendar = buildWorkCalendar([OFFICIAL_2026])
  const from = Date.parse('2026-01-01T00:00:00+08:00')
  const span = Date.parse('2027-01-01T00:00:00+08:00') - from
  const random = mulberry32(2026)
  const instants = Float64Array.from({ length: count }, () => from + Math.floor(random() * span))
  const rows: Array<Record<string, string | number>> = []
  let sink = 0
  for (const [name, limits] of Object.entries(LIMITS)) {
    // warm up the JIT on the same code path before timing
    for (let i = 0; i < 10_000; i++) sink += dueTimeOnEntry('processing', limits, instants[i], calendar) ?? 0
    const started = process.hrtime.bigint()
    for (let i = 0; i < count; i++) sink += dueTimeOnEntry('processing', limits, instants[i], calendar) ?? 0
    const totalNs = Number(process.hrtime.bigint() - started)
    const singles = new Float64Array(count)
    for (let i = 0; i < count; i++) {
      const t0 = process.hrtime.bigint()
      sink += dueTimeOnEntry('processing', limits, instants[i], calendar) ?? 0
      singles[i] = Number(process.hrtime.bigint() - t0)
    }
    singles.sort()
    rows.push({
      limit: name,
      computations: count,
      'ops/s': Math.round(count / (totalNs / 1e9)),
      'p50 µs': Number((singles[Math.floor(count * 0.5)] / 1000).toFixed(2)),
      'p99 µs': Number((singles[Math.floor(count * 0.99)] / 1000).toFixed(2)),
    })
  }
  // the sum keeps the computations from being optimised away; it is never a figure
  if (Number.isNaN(sink)) throw new Error('due time was NaN')
  return rows
}

if (require.main === module) console.table(runCalendarBench())
