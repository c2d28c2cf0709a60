import { CONTRACT } from '@/shared/contract'
import { backfillCounters } from '../../domain/stats/backfill'
import { board, escalations, publishBoard, publishedBoard, publishedBoards, setBoardRule } from '../../domain/stats/board'
import { dashboard } from '../../domain/stats/dashboard'
import { range, unitMonth } from '../../domain/stats/read'
import { snapshotCity } from '../../domain/stats/snapshot'
import { setTargets } from '../../domain/stats/targets'
import { defineFunction } from '../../runtime/define-function'

/** 随手拍 statistics: the office's figures by unit, grid, category and city; the public 红黑榜. */
export const statsFunction = defineFunction(
  'stats',
  CONTRACT.stats,
  {
    range: (input, ctx) => range(input, ctx),
    board: (input, ctx) => board(input, ctx),
    setBoardRule: (input, ctx) => setBoardRule(input, ctx),
    publishBoard: (input, ctx) => publishBoard(input, ctx),
    escalations: (input, ctx) => escalations(input, ctx),
    unitMonth: (input, ctx) => unitMonth(input, ctx),
    dashboard: (input, ctx) => dashboard(input, ctx),
    setTargets: (input, ctx) => setTargets(input, ctx),
    publishedBoards: (input, ctx) => publishedBoards(input, ctx),
    publishedBoard: (input, ctx) => publishedBoard(input, ctx),
  },
  [],
  {
    // counters are kept on write, so there is no roll-up; this only records the day's overdue count.
    // 00:10 in Shanghai (16:10 UTC), once the previous day is over; a second run changes nothing
    snapshotCity: { cron: '0 10 16 * * * *', everyMs: 24 * 60 * 60_000, run: (ctx) => snapshotCity(ctx) },
    // reports stored before the counters existed: a few pages every 10 minutes until done, then a no-op
    backfillCounters: { cron: '0 */10 * * * * *', everyMs: 10 * 60_000, run: async (ctx) => void (await backfillCounters(ctx)) },
  },
)

export default statsFunction
