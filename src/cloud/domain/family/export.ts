import type { FamilyExportView } from '@/shared/contract/family'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { csvText } from '../csv'
import { findById } from '../../platform/find'
import { byIds } from './board'
import { addWeeks, CITY_TOTALS_ID, F, weekOf, type Counters, type SchoolDoc, type WeekCounters } from './model'

/** A city has a few hundred schools; this bounds one export (and says so in the file if reached). */
const MAX_SCHOOLS = 5000
const PAGE = 100
const TREND_WEEKS = 8

/**
 * The figures the campaign reports on its minors' work, as a spreadsheet: every participating
 * school (classes, families, children listed, 回执 returned and their rate), the city's total,
 * and the last weeks' completion. Counters only — no family, parent or child appears in it.
 */
export async function exportOverview(input: { delivery: 'inline' | 'storage' }, ctx: ActionContext): Promise<FamilyExportView> {
  const now = ctx.clock.now()
  const rows: Array<Array<string | number>> = [['学校', '区县', '班级数', '参与家庭数', '登记孩子数', '回执数', '回执率']]
  const rate = (receipts: number, families: number) => (families > 0 ? `${Math.round((receipts / families) * 1000) / 10}%` : '—')
  let schools = 0
  for (let skip = 0; skip < MAX_SCHOOLS; skip += PAGE) {
    const { data } = await ctx.db.collection(F.schools).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const s of data as unknown as SchoolDoc[]) {
      rows.push([s.name, s.district, s.classes, s.families, s.children, s.receipts, rate(s.receipts, s.families)])
      schools++
    }
    if (data.length < PAGE) break
  }
  const totals = await findById<Counters & { _id: string; schools: number }>(ctx.db, F.totals, CITY_TOTALS_ID)
  rows.push(['全市合计', '', totals?.classes ?? 0, totals?.families ?? 0, totals?.children ?? 0, totals?.receipts ?? 0, rate(totals?.receipts ?? 0, totals?.families ?? 0)])
  const thisWeek = weekOf(now)
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addWeeks(thisWeek, i - TREND_WEEKS + 1))
  const figures = await byIds<WeekCounters & { _id: string }>(ctx, F.cityWeeks, weeks)
  rows.push([], ['周次（周一）', '有完成任务的家庭', '完成全部任务的家庭', '完成任务次数'])
  for (const week of weeks) {
    const w = figures.get(week)
    rows.push([week, w?.families ?? 0, w?.familiesDone ?? 0, w?.completions ?? 0])
  }
  const csv = csvText(rows)
  const day = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
  const filename = `小手拉大手参与情况_${day}.csv`
  await writeAudit(ctx, { subjectType: 'family_overview', subjectId: 'city', action: 'exportOverview', detail: { schools, delivery: input.delivery } })
  if (input.delivery === 'inline') return { filename, rows: schools, csv, fileID: null, tempUrl: null }
  const { fileID } = await ctx.storage.uploadFile({ cloudPath: `family/exports/overview-${now}.csv`, fileContent: Buffer.from(csv, 'utf8') })
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { filename, rows: schools, csv: null, fileID, tempUrl: fileList[0]?.tempFileURL ?? null }
}
