/**
 * The hours rules, pure: what a check-in and a check-out are worth.
 *
 * - minutes = the overlap of [check-in, check-out] with [shift start, shift end], in whole minutes;
 * - under 15 minutes counts as 0;
 * - never more than the shift length (the overlap guarantees it);
 * - a person never has two overlapping credited periods: time already credited on another record
 *   is taken out before counting.
 */
export const MIN_CREDITED_MINUTES = 15
const MINUTE = 60_000

/** A half-open interval [from, to) of UTC milliseconds. */
export interface Interval {
  from: number
  to: number
}

export function overlapOf(a: Interval, b: Interval): Interval | null {
  const from = Math.max(a.from, b.from)
  const to = Math.min(a.to, b.to)
  return to > from ? { from, to } : null
}

/** Two periods overlap when they share any instant; touching ends (a.to === b.from) do not. */
export function overlaps(a: Interval, b: Interval): boolean {
  return overlapOf(a, b) !== null
}

/** What is left of `base` after removing every interval of `taken`, in order, without overlaps. */
export function subtract(base: Interval, taken: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [base]
  for (const cut of taken) {
    const next: Interval[] = []
    for (const piece of pieces) {
      if (!overlaps(piece, cut)) {
        next.push(piece)
        continue
      }
      if (cut.from > piece.from) next.push({ from: piece.from, to: cut.from })
      if (cut.to < piece.to) next.push({ from: cut.to, to: piece.to })
    }
    pieces = next
  }
  return pieces
}

export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.to - i.from), 0)
}

export function shiftMinutes(shift: Interval): number {
  return Math.floor((shift.to - shift.from) / MINUTE)
}

export interface Credit {
  /** the credited periods: inside the shift, outside every other credited period */
  periods: Interval[]
  /** whole minutes credited, 0 when under the minimum */
  minutes: number
}

/**
 * What one attendance is worth. `otherCredited` are the same person's credited periods on other
 * records; their time is not counted twice.
 */
export function creditFor(attendance: Interval, shift: Interval, otherCredited: readonly Interval[] = []): Credit {
  const inShift = overlapOf(attendance, shift)
  if (!inShift) return { periods: [], minutes: 0 }
  const periods = subtract(inShift, otherCredited)
  const minutes = Math.floor(totalMs(periods) / MINUTE)
  return minutes < MIN_CREDITED_MINUTES ? { periods, minutes: 0 } : { periods, minutes }
}

/**
 * The most an organizer may credit by hand on a record: the shift's length, less what the person
 * already has credited elsewhere in that time.
 */
export function adjustableMaximum(shift: Interval, otherCredited: readonly Interval[] = []): number {
  return Math.floor(totalMs(subtract(shift, otherCredited)) / MINUTE)
}

/**
 * The periods a manual figure stands for: the first `minutes` of the shift's free time, so the
 * record still holds periods and two records never credit the same instant.
 */
export function periodsForMinutes(shift: Interval, otherCredited: readonly Interval[], minutes: number): Interval[] {
  let left = minutes * MINUTE
  const out: Interval[] = []
  for (const piece of subtract(shift, otherCredited)) {
    if (left <= 0) break
    const take = Math.min(left, piece.to - piece.from)
    out.push({ from: piece.from, to: piece.from + take })
    left -= take
  }
  return out
}
