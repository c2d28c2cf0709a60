import { z } from 'zod'
import { dayNumberOfDate, weekdayOf, type CalendarDay, type CalendarDayType, type YearCalendar } from './work-calendar'

/**
 * The office's sheet of one year's schedule, as CSV text `date,type,name` (the header line is
 * optional): `2026-10-01,休,国庆节`, `2026-10-10,班,国庆节调休`. Every row is checked before
 * anything is accepted, and every bad row is named by its line, so the office fixes the sheet
 * once instead of one error at a time.
 */
export const CALENDAR_SHEET_LIMITS = { maxRows: 120, maxChars: 8_000, nameMax: 20 } as const

const TYPE_WORDS: Record<string, CalendarDayType> = {
  休: 'holiday',
  放假: 'holiday',
  holiday: 'holiday',
  班: 'workday',
  上班: 'workday',
  workday: 'workday',
}

export interface SheetRowProblem {
  /** 1-based line of the sheet */
  line: number
  message: string
}

export type SheetResult = { ok: true; calendar: YearCalendar } | { ok: false; problems: SheetRowProblem[] }

const rowSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((d) => dayNumberOfDate(d) !== null, '不是有效日期'),
  type: z.string().refine((t) => t in TYPE_WORDS, '类型应为「休」或「班」（或 holiday / workday）'),
  name: z.string().max(CALENDAR_SHEET_LIMITS.nameMax, `名称不超过 ${CALENDAR_SHEET_LIMITS.nameMax} 个字`),
})

export function parseCalendarSheet(year: number, text: string): SheetResult {
  const problems: SheetRowProblem[] = []
  const days: CalendarDay[] = []
  const seen = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, index) => {
    const line = index + 1
    const cells = raw.split(',').map((c) => c.trim())
    if (cells.every((c) => c === '')) return
    if (index === 0 && /^(date|日期)$/i.test(cells[0] ?? '')) return
    if (cells.length < 2 || cells.length > 3) {
      problems.push({ line, message: '每行应为：日期,类型,名称' })
      return
    }
    const parsed = rowSchema.safeParse({ date: cells[0], type: cells[1], name: cells[2] ?? '' })
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues.map((i) => i.message).join('；') })
      return
    }
    const { date, name } = parsed.data
    const type = TYPE_WORDS[parsed.data.type]
    const day = dayNumberOfDate(date) as number
    if (Number(date.slice(0, 4)) !== year) problems.push({ line, message: `日期不在 ${year} 年` })
    else if (seen.has(date)) problems.push({ line, message: `与第 ${seen.get(date)} 行日期重复` })
    // a 调休 working day is always a weekend day made to work; a weekday listed as 班 is a typo
    else if (type === 'workday' && weekdayOf(day) !== 0 && weekdayOf(day) !== 6) problems.push({ line, message: '调休上班日应为周六或周日' })
    else {
      seen.set(date, line)
      days.push({ date, type, name })
    }
  })
  if (!problems.length && !days.length) problems.push({ line: 1, message: '没有任何日期' })
  if (days.length > CALENDAR_SHEET_LIMITS.maxRows) problems.push({ line: lines.length, message: `最多 ${CALENDAR_SHEET_LIMITS.maxRows} 行` })
  if (problems.length) return { ok: false, problems }
  days.sort((a, b) => (a.date < b.date ? -1 : 1))
  return { ok: true, calendar: { year, days } }
}
