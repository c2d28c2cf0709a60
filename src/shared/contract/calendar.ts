import { z } from 'zod'
import { CALENDAR_SHEET_LIMITS, type CalendarDay } from '../calendar'
import { returns } from './define'

/** One year of the working-day calendar as the office sees it. */
export interface CalendarYearView {
  year: number
  /** `missing`: no schedule for the year; due times count plain Monday–Friday until it is loaded */
  source: 'seeded' | 'office' | 'missing'
  /** where the schedule comes from (the notice), or what to do when it is missing */
  note: string
  days: CalendarDay[]
  updatedAt: number | null
}

export interface CalendarReplaceView extends CalendarYearView {
  /** open reports whose working-day due time was counted again on the new schedule */
  recomputed: number
}

const year = z.number().int().min(2000).max(2100)

export const calendarActions = {
  get: returns<CalendarYearView>()({
    input: z.object({ year }).strict(),
    roles: ['admin'],
    summary: '文明办查看某年的节假日与调休安排（工作日时限按此计算）',
  }),
  replace: returns<CalendarReplaceView>()({
    input: z
      .object({
        year,
        csv: z.string().min(1, '请粘贴表格内容').max(CALENDAR_SHEET_LIMITS.maxChars, `表格不超过 ${CALENDAR_SHEET_LIMITS.maxChars} 个字符`),
        note: z.string().max(60).optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办导入某年的节假日安排（CSV：日期,类型(休/班),名称），整体替换；未到期的工作日时限按新安排重算',
  }),
}

export const CALENDAR_ERRORS = {
  'CALENDAR.BAD_ROWS': '表格有错误，未保存任何内容，请按提示修改后重新导入',
} as const

export type CalendarErrorCode = keyof typeof CALENDAR_ERRORS
