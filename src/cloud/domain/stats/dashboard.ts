import type { StatsDashboardView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { emptyCounts } from './counters'
import { range, toRow } from './read'

/** The office's dashboard (issue #11). First cut: the 随手拍 figures the stats counters already keep. */
export async function dashboard(input: { period: '7d' | '30d' | 'quarter' | 'custom'; from?: string; to?: string }, ctx: ActionContext): Promise<StatsDashboardView | Fail> {
  const city = await range({ ...input, scope: 'city' }, ctx)
  if ('ok' in city) return city
  const totals = city.rows[0] ?? null
  return {
    from: city.from,
    to: city.to,
    days: city.days,
    generatedAt: ctx.clock.now(),
    reports: {
      totals: totals ?? toRow('all', '全市', emptyCounts()),
      series: city.series,
      byCategory: [],
      byUnit: [],
      byGrid: [],
      nowByStatus: [],
      overdueNow: 0,
      overdueSeries: [],
    },
    volunteers: { registered: 0, population: null, registrationTarget: null, registrationRate: null, hoursByWeek: [], activeTeams: 0, signups: 0, noShows: 0, noShowRate: null },
    quiz: { byTopic: [] },
    posters: { rows: [], truncated: false },
    handbook: { byChapter: [] },
  }
}
