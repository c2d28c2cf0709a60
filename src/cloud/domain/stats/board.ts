import {
  DEFAULT_STATS_BOARD_RULE,
  STATS_LIMITS,
  type StatsBoardRow,
  type StatsBoardRule,
  type StatsBoardView,
  type StatsEscalationPage,
  type StatsEscalationView,
  type PublishedStatsBoardPage,
  type PublishedStatsBoardView,
  type StatsCounts,
} from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { addWeeks, isMonday, monthOf, weekOf, weekStartMs, WEEK_MS } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { keysetPage } from '../report/paging'
import { namesOf, statsFail, sumPeriod, toRow } from './read'

/**
 * 红黑榜 of units and grids from the week and month docs kept on write: one indexed, paged read
 * of the period's docs, ranked by the office's rule. Published weeks are frozen in stats_boards;
 * a unit black two published weeks in a row is flagged for 约谈 in stats_escalations.
 */
const B = { rules: 'stats_rules', boards: 'stats_boards', escalations: 'stats_escalations' } as const

interface RuleDoc extends StatsBoardRule {
  _id: string
  updatedAt: number
  updatedBy: string
}

interface PublishedDoc extends PublishedStatsBoardView {
  _id: string
  blackUnitIds: string[]
}

type EscalationDoc = StatsEscalationView & { _id: string }

export async function loadBoardRule(ctx: ActionContext): Promise<StatsBoardRule> {
  const doc = await findById<RuleDoc>(ctx.db, B.rules, 'board')
  return doc ? { red: doc.red, black: doc.black, minReceived: doc.minReceived } : { ...DEFAULT_STATS_BOARD_RULE }
}

/** The rule as the page prints it, so a resident reads how the lists were drawn. */
export function ruleText(rule: StatsBoardRule, scope: 'unit' | 'grid'): string {
  const who = scope === 'unit' ? '单位' : '网格'
  return (
    `按按时办结率从高到低排名（按时办结率相同的并列，按时办结件数多的排在前面）；` +
    `前 ${rule.red} 名上红榜，其余${who}中排名最后的 ${rule.black} 个上黑榜；` +
    `本期受理少于 ${rule.minReceived} 件的${who}不参与排名。`
  )
}

/**
 * Ranks rows by the rule. Only rows with at least `minReceived` received are ranked; they are
 * ordered by on-time rate (none resolved counts as 0), then more resolved on time, then id, so
 * the order is total and repeatable. Equal rates share a rank (1, 2, 2, 4). The red list is the
 * first N in that order, the black list the last M of those not red — one unit is never on both.
 */
export function rank(rows: Array<Omit<StatsBoardRow, 'rank' | 'list'>>, rule: StatsBoardRule): StatsBoardRow[] {
  const rate = (r: { onTimeRate: number | null }) => r.onTimeRate ?? 0
  const eligible = rows
    .filter((r) => r.received >= rule.minReceived)
    .sort((a, b) => rate(b) - rate(a) || b.resolvedOnTime - a.resolvedOnTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ranked: StatsBoardRow[] = []
  eligible.forEach((row, i) => {
    const tied = i > 0 && rate(eligible[i - 1]) === rate(row)
    ranked.push({ ...row, rank: tied ? ranked[i - 1].rank : i + 1, list: null })
  })
  const redCount = Math.min(rule.red, ranked.length)
  for (let i = 0; i < redCount; i++) ranked[i].list = 'red'
  for (let i = Math.max(redCount, ranked.length - rule.black); i < ranked.length; i++) ranked[i].list = 'black'
  const unranked = rows
    .filter((r) => r.received < rule.minReceived)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((r) => ({ ...r, rank: null, list: null }))
  return [...ranked, ...unranked]
}

async function buildBoard(ctx: ActionContext, scope: 'unit' | 'grid', period: 'week' | 'month', key: string, rule: StatsBoardRule): Promise<StatsBoardView> {
  const sums = new Map<string, StatsCounts>()
  const truncated = await sumPeriod(ctx, period === 'week' ? 'weeks' : 'months', scope, key, sums)
  const ids = [...sums.keys()].sort()
  const names = await namesOf(ctx, scope, ids)
  const rows = rank(
    ids.map((id) => {
      const r = toRow(id, names.get(id) ?? id, sums.get(id)!)
      return {
        id,
        name: r.name,
        received: r.received,
        resolved: r.resolved,
        resolvedOnTime: r.resolvedOnTime,
        onTimeRate: r.onTimeRate,
        medianLabel: r.medianLabel,
        satisfactionRate: r.satisfactionRate,
        reopened: r.reopened,
        reopenedShare: r.reopenedShare,
      }
    }),
    rule,
  )
  return {
    scope,
    period,
    key,
    rule,
    ruleText: ruleText(rule, scope),
    rows,
    red: rows.filter((r) => r.list === 'red'),
    black: rows.filter((r) => r.list === 'black'),
    truncated,
  }
}

/** The live board of this week or this month. */
export async function board(input: { scope: 'unit' | 'grid'; period: 'week' | 'month' }, ctx: ActionContext): Promise<StatsBoardView> {
  const now = ctx.clock.now()
  const key = input.period === 'week' ? weekOf(now) : monthOf(now)
  return buildBoard(ctx, input.scope, input.period, key, await loadBoardRule(ctx))
}

export async function setBoardRule(input: StatsBoardRule, ctx: ActionContext): Promise<StatsBoardRule> {
  const before = await loadBoardRule(ctx)
  const after: StatsBoardRule = { red: input.red, black: input.black, minReceived: input.minReceived }
  await ctx.db.collection(B.rules).doc('board').set({ data: { ...after, updatedAt: ctx.clock.now(), updatedBy: ctx.caller.openid } })
  await writeAudit(ctx, { subjectType: 'stats_board_rule', subjectId: 'board', action: 'set', detail: { before: JSON.stringify(before), after: JSON.stringify(after) } })
  return after
}

/**
 * Freezes a finished week's boards, once. Escalations are written first under ids derived from
 * (week, unit), and the board last: a publication that failed half way can run again and ends
 * the same, and one that succeeded is refused the second time. "Twice in a row" compares with
 * the previous week's published board; a week nobody published breaks the run.
 */
export async function publishBoard(input: { week: string }, ctx: ActionContext): Promise<PublishedStatsBoardView | Fail> {
  if (!isMonday(input.week)) return statsFail('STATS.NOT_MONDAY')
  const now = ctx.clock.now()
  if (now < weekStartMs(input.week) + WEEK_MS) return statsFail('STATS.WEEK_NOT_ENDED')
  if (await findById<PublishedDoc>(ctx.db, B.boards, input.week)) return statsFail('STATS.ALREADY_PUBLISHED')
  const rule = await loadBoardRule(ctx)
  const units = await buildBoard(ctx, 'unit', 'week', input.week, rule)
  const grids = await buildBoard(ctx, 'grid', 'week', input.week, rule)
  const previousWeek = addWeeks(input.week, -1)
  const previous = await findById<PublishedDoc>(ctx.db, B.boards, previousWeek)
  const blackUnitIds = units.black.map((r) => r.id)
  const escalated = previous ? units.black.filter((r) => previous.blackUnitIds.includes(r.id)) : []
  for (const row of escalated) {
    const doc: EscalationDoc = { _id: `${input.week}:${row.id}`, unitId: row.id, unitName: row.name, week: input.week, previousWeek, at: now }
    await ctx.db
      .collection(B.escalations)
      .add({ data: { ...doc } })
      .catch((error: unknown) => {
        if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      })
  }
  const published: PublishedDoc = { _id: input.week, week: input.week, units, grids, escalated: escalated.map((r) => r.id), blackUnitIds, publishedAt: now }
  try {
    await ctx.db.collection(B.boards).add({ data: { ...published } as unknown as Record<string, unknown> })
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return statsFail('STATS.ALREADY_PUBLISHED')
    throw error
  }
  await writeAudit(ctx, { subjectType: 'stats_board', subjectId: input.week, action: 'publish', detail: { black: blackUnitIds.join(','), escalated: published.escalated.join(',') } })
  return { week: published.week, units, grids, escalated: published.escalated, publishedAt: now }
}

export async function escalations(input: { cursor?: string }, ctx: ActionContext): Promise<StatsEscalationPage> {
  const page = await keysetPage<EscalationDoc>(ctx.db, { collection: B.escalations, where: {}, field: 'at', order: 'desc', pageSize: STATS_LIMITS.escalationPage, cursor: input.cursor })
  return { items: page.docs.map(({ unitId, unitName, week, previousWeek, at }) => ({ unitId, unitName, week, previousWeek, at })), next: page.next }
}

/**
 * Published weeks, newest week first, by the doc id (the week's Monday, which sorts as a date):
 * one indexed read of a page plus one row that says whether another page follows.
 */
export async function publishedBoards(input: { cursor?: string }, ctx: ActionContext): Promise<PublishedStatsBoardPage> {
  const size = STATS_LIMITS.publishedPage
  const where = input.cursor ? { _id: ctx.db.command.lt(input.cursor) } : {}
  const { data } = await ctx.db.collection(B.boards).where(where).orderBy('_id', 'desc').limit(size + 1).get()
  const docs = data as unknown as PublishedDoc[]
  const items = docs.slice(0, size).map((d) => ({ week: d.week, publishedAt: d.publishedAt, escalated: d.escalated, redUnits: d.units.red.length, blackUnits: d.units.black.length }))
  return { items, next: docs.length > size ? items[items.length - 1].week : null }
}

/** One published week as it was frozen. */
export async function publishedBoard(input: { week: string }, ctx: ActionContext): Promise<PublishedStatsBoardView | Fail> {
  const doc = await findById<PublishedDoc>(ctx.db, B.boards, input.week)
  if (!doc) return statsFail('STATS.NOT_PUBLISHED')
  return { week: doc.week, units: doc.units, grids: doc.grids, escalated: doc.escalated, publishedAt: doc.publishedAt }
}
