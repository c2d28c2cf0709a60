import {
  ESCALATION_STEPS,
  INSPECT_LEVELS,
  INSPECT_LEVEL_LABEL,
  type BoardRowView,
  type BoardRule,
  type EscalationView,
  type InspectBoardView,
  type InspectRulesView,
  type PeriodView,
  type ProblemDeductionView,
  type RatingsView,
  type ScoreLineView,
  type ScoreRule,
} from '@/shared/contract/inspect'
import { addMonths, addWeeks, isMonday, monthStartMs, weekOf, weekStartMs } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY, type Query } from '../../platform/database'
import { findById } from '../../platform/find'
import { hasRole } from '../../runtime/grants'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { namesOf } from '../report/city'
import { keysetPage } from '../report/paging'
import { deductionOf, loadRules, pointsText, type LedgerPeriodDoc } from './ledger'
import { I, inspectFail, type BoardDoc, type EscalationDoc, type In, type OrderDoc, type Out, type RatingDoc, type RulesDoc, type StandardDoc } from './model'

/**
 * Unit scores, the weekly 整改率 红黑榜 with its escalation, and 星级评定. Every figure is read
 * from the ledger's period docs (kept on write by ledger.ts); a published board or rating is a
 * frozen copy and never recomputed.
 */

const PROBLEMS_PAGE = 50
const PAGE = 100

type Row = BoardDoc['units'][number]
type Stars = RulesDoc['stars']
type Line = ScoreLineView
/** A frozen rating row carries its base too, so the page shows the arithmetic as it was. */
type FrozenRow = RatingDoc['rows'][number] & { base?: number }

// ---- periods ----

interface Period {
  kind: 'week' | 'month'
  key: string
  from: number
  to: number
}

function weekPeriod(week: string): Period {
  return { kind: 'week', key: week, from: weekStartMs(week), to: weekStartMs(addWeeks(week, 1)) }
}

function monthPeriod(month: string): Period {
  return { kind: 'month', key: month, from: monthStartMs(month), to: monthStartMs(addMonths(month, 1)) }
}

/** 2026年11月30日—12月6日 / 2026年11月: Beijing dates, as the page prints them. */
function periodView(p: Period): PeriodView {
  if (p.kind === 'month') {
    const [y, m] = p.key.split('-').map(Number)
    return { kind: 'month', key: p.key, label: `${y}年${m}月`, from: p.from, to: p.to }
  }
  const [y, m, d] = p.key.split('-').map(Number)
  const last = new Date(Date.parse(`${p.key}T00:00:00Z`) + 6 * 86_400_000)
  const end = last.getUTCFullYear() === y ? `${last.getUTCMonth() + 1}月${last.getUTCDate()}日` : `${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月${last.getUTCDate()}日`
  return { kind: 'week', key: p.key, label: `${y}年${m}月${d}日—${end}`, from: p.from, to: p.to }
}

/** The units the caller answers for as 联络员. */
const liaisonUnits = (ctx: ActionContext) => ctx.grants.filter((g) => g.role === 'liaison' && g.scopeId).map((g) => g.scopeId as string)

/** Which unit a liaison or the office asks about: a liaison only their own; the office must name one. */
function unitFor(ctx: ActionContext, unitId: string | undefined): string | ReturnType<typeof inspectFail> {
  if (ctx.isAdmin) return unitId ?? inspectFail('INSPECT.UNIT_NOT_FOUND', '请选择单位')
  const own = liaisonUnits(ctx)
  if (unitId === undefined) return own[0] ?? inspectFail('INSPECT.NOT_YOUR_UNIT')
  return hasRole(ctx.grants, 'liaison', unitId) ? unitId : inspectFail('INSPECT.NOT_YOUR_UNIT')
}

// ---- score arithmetic ----

const centiOf = (points: number) => Math.round(points * 100)
/** −0 prints as 0 */
const pts = (centi: number) => (centi === 0 ? 0 : centi / 100)

export function starsFor(score: number, bands: Stars): number {
  for (const band of [...bands].sort((a, b) => b.min - a.min)) if (score >= band.min) return band.stars
  return 0
}

/**
 * The lines of one unit's score in one period, from its period doc (null: nothing counted).
 * Points are kept in centi-points until the end so the lines add up to the score exactly.
 */
export function scoreLines(doc: LedgerPeriodDoc | null, rule: ScoreRule): { lines: Line[]; score: number } {
  const lines: Line[] = []
  let total = centiOf(rule.base)
  for (const level of INSPECT_LEVELS) {
    const count = doc?.foundByLevel[level] ?? 0
    const centi = doc?.deductionByLevel?.[level] ?? 0
    total -= centi
    lines.push({
      label: `督查发现问题（${INSPECT_LEVEL_LABEL[level]}）`,
      count,
      points: pts(-centi),
      how: count === 0 ? '无' : `${count} 个问题，合计扣 ${pointsText(centi / 100)} 分（每个按发现时的分值计，重复、整改不实加倍，按时整改减半；逐项见问题清单）`,
    })
  }
  const returns = doc?.materialReturns ?? 0
  const returnCenti = returns * centiOf(rule.materialReturn)
  total -= returnCenti
  lines.push({
    label: '材料审核退回',
    count: returns,
    points: pts(-returnCenti),
    how: returns === 0 ? '无' : `${returns} 次 × ${pointsText(rule.materialReturn)} 分 = ${pointsText(returnCenti / 100)}`,
  })
  const ratings = doc?.ratings ?? 0
  const satisfied = doc?.satisfied ?? 0
  if (ratings >= rule.minRatings) {
    const unhappy = ratings - satisfied
    const satCenti = Math.round((centiOf(rule.satisfactionWeight) * unhappy) / ratings)
    total -= satCenti
    lines.push({
      label: '群众满意度（随手拍评价）',
      count: ratings,
      points: pts(-satCenti),
      how: `不满意 ${unhappy} 条 ÷ 评价 ${ratings} 条 × ${pointsText(rule.satisfactionWeight)} 分 = ${pointsText(satCenti / 100)}（4 星及以上为满意）`,
    })
  } else {
    lines.push({ label: '群众满意度（随手拍评价）', count: ratings, points: 0, how: `评价不足 ${rule.minRatings} 条，不计（本期 ${ratings} 条）` })
  }
  return { lines, score: Math.max(0, total) / 100 }
}

async function periodDoc(ctx: ActionContext, scope: 'unit' | 'district', scopeId: string, period: string): Promise<LedgerPeriodDoc | null> {
  return findById<LedgerPeriodDoc>(ctx.db, I.periods, `${scope}:${scopeId}:${period}`)
}

/** Every period doc of one scope in one period, by the by_scope_period index, 100 at a time. */
async function periodDocs(ctx: ActionContext, scope: 'unit' | 'district', kind: 'week' | 'month', period: string): Promise<LedgerPeriodDoc[]> {
  const _ = ctx.db.command
  const out: LedgerPeriodDoc[] = []
  let after: string | null = null
  for (;;) {
    const where: Record<string, unknown> = { scope, kind, period }
    if (after !== null) where.scopeId = _.gt(after)
    const { data } = await ctx.db.collection(I.periods).where(where).orderBy('scopeId', 'asc').limit(PAGE).get()
    const docs = data as unknown as LedgerPeriodDoc[]
    out.push(...docs)
    if (docs.length < PAGE) return out
    after = docs[docs.length - 1].scopeId
  }
}

function parsePeriod(input: { week?: string; month?: string }, now: number): Period | ReturnType<typeof inspectFail> {
  if (input.week !== undefined && input.month !== undefined) return inspectFail('INSPECT.BAD_PERIOD')
  if (input.month !== undefined) return monthPeriod(input.month)
  if (input.week !== undefined) return isMonday(input.week) ? weekPeriod(input.week) : inspectFail('INSPECT.BAD_PERIOD')
  return weekPeriod(weekOf(now))
}

// ---- unitScore ----

export async function unitScore(input: In<'unitScore'>, ctx: ActionContext): Out<'unitScore'> {
  const unitId = unitFor(ctx, input.unitId)
  if (typeof unitId !== 'string') return unitId
  const period = parsePeriod(input, ctx.clock.now())
  if ('ok' in period) return period
  const unit = await findById<{ _id: string; name: string }>(ctx.db, 'report_units', unitId)
  if (!unit) return inspectFail('INSPECT.UNIT_NOT_FOUND')
  const rules = await loadRules(ctx)

  let base = rules.score.base
  let lines: Line[]
  let score: number
  let stars: number
  let frozen = false
  const rating = period.kind === 'month' ? await findById<RatingDoc>(ctx.db, I.ratings, period.key) : null
  const frozenRow = rating?.rows.find((r) => r.unitId === unitId) as FrozenRow | undefined
  if (rating && frozenRow) {
    frozen = true
    lines = frozenRow.lines
    score = frozenRow.score
    stars = frozenRow.stars
    base = frozenRow.base ?? base
  } else {
    const live = scoreLines(await periodDoc(ctx, 'unit', unitId, period.key), rules.score)
    lines = live.lines
    score = live.score
    stars = starsFor(score, rules.stars)
  }

  const _ = ctx.db.command
  const page = await keysetPage<OrderDoc>(ctx.db, {
    collection: I.orders,
    where: { unitId },
    field: 'foundAt',
    range: _.gte(period.from).and(_.lt(period.to)),
    order: 'desc',
    pageSize: PROBLEMS_PAGE,
    // a cursor this page did not make (hand-edited, truncated) starts from the top rather than failing
    cursor: input.cursor && /^\d+~.+$/.test(input.cursor) ? input.cursor : undefined,
  })
  const numbers = new Map<string, string>()
  const standardIds = [...new Set(page.docs.map((o) => o.standardId))]
  for (let i = 0; i < standardIds.length; i += PAGE) {
    const { data } = await ctx.db
      .collection(I.standards)
      .where({ _id: _.in(standardIds.slice(i, i + PAGE)) })
      .field({ number: true })
      .limit(PAGE)
      .get()
    for (const doc of data as unknown as Array<Pick<StandardDoc, '_id' | 'number'>>) numbers.set(doc._id, doc.number)
  }
  const problems: ProblemDeductionView[] = page.docs.map((o) => {
    const d = deductionOf(o)
    return {
      orderId: o._id,
      code: o.code,
      siteName: o.siteName,
      number: numbers.get(o.standardId) ?? '',
      level: o.level,
      repeat: o.repeat,
      falseCount: o.falseCount,
      onTime: o.onTime === true,
      how: d.how,
      points: pts(-d.centi),
    }
  })
  return {
    unit: { unitId, name: unit.name },
    period: periodView(period),
    base,
    lines,
    score,
    stars,
    problems,
    nextCursor: page.next,
    frozen,
  }
}

// ---- 红黑榜 ----

/**
 * Ranks rows by 整改率 (ties share a place: 1, 1, 3). Red takes the first `red` places and
 * everyone tied with the last of them (并列共同纳入); black likewise from the bottom among the
 * rest, so a unit is never on both and, when too few are ranked, red is filled first.
 */
export function rankRows(rows: Array<Omit<Row, 'rate' | 'rank' | 'list'>>, red: number, black: number, minDue: number): Row[] {
  const ranked: Row[] = []
  const unranked: Row[] = []
  for (const r of rows) {
    if (r.due >= minDue && r.due > 0) ranked.push({ ...r, rate: r.onTime / r.due, rank: null, list: null })
    else unranked.push({ ...r, rate: r.due > 0 ? r.onTime / r.due : null, rank: null, list: null })
  }
  // compare by the exact fraction, not a rounded float: 1/3 and 2/6 tie
  const cmp = (a: Row, b: Row) => b.onTime * a.due - a.onTime * b.due
  ranked.sort((a, b) => cmp(a, b) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
  ranked.forEach((r, i) => {
    r.rank = i > 0 && cmp(ranked[i - 1], r) === 0 ? ranked[i - 1].rank : i + 1
  })
  if (red > 0 && ranked.length > 0) {
    const edge = ranked[Math.min(red, ranked.length) - 1]
    for (const r of ranked) if (cmp(r, edge) <= 0) r.list = 'red'
  }
  const rest = ranked.filter((r) => r.list === null)
  if (black > 0 && rest.length > 0) {
    const edge = rest[Math.max(0, rest.length - black)]
    for (const r of rest) if (cmp(r, edge) >= 0) r.list = 'black'
  }
  unranked.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
  return [...ranked, ...unranked]
}

function ruleText(rule: BoardRule): string {
  const steps = ESCALATION_STEPS.map((s) => `${s.streak === 1 ? '第一次' : s.streak === 2 ? '连续两次' : '连续三次及以上'}${s.label}`).join('，')
  return [
    `整改率 = 本周到期督办单中按时整改销号的件数 ÷ 本周到期的件数。`,
    `本周到期不足 ${rule.minDue} 件的单位不参与排名。`,
    `整改率前 ${rule.redUnits} 名的单位上红榜，后 ${rule.blackUnits} 名上黑榜，并列的共同纳入；同一单位不会同时上红榜和黑榜，参与排名的单位不足时先排红榜。`,
    `各区（街道）前 ${rule.redDistricts} 名上红榜，后 ${rule.blackDistricts} 名上黑榜。`,
    `黑榜单位：${steps}。`,
  ].join('')
}

async function liveBoard(ctx: ActionContext, week: string, rule: BoardRule): Promise<{ units: Row[]; districts: Row[] }> {
  const unitDocs = await periodDocs(ctx, 'unit', 'week', week)
  const names = await namesOf(ctx, 'report_units', unitDocs.map((d) => d.scopeId))
  const units = rankRows(
    unitDocs.map((d) => ({ id: d.scopeId, name: names.get(d.scopeId) ?? '（已撤销的单位）', due: d.due, onTime: d.onTime })),
    rule.redUnits,
    rule.blackUnits,
    rule.minDue,
  )
  const districtDocs = await periodDocs(ctx, 'district', 'week', week)
  const districts = rankRows(
    districtDocs.map((d) => ({ id: d.scopeId, name: d.scopeId, due: d.due, onTime: d.onTime })),
    rule.redDistricts,
    rule.blackDistricts,
    rule.minDue,
  )
  return { units, districts }
}

async function escalationViews(ctx: ActionContext, docs: EscalationDoc[]): Promise<EscalationView[]> {
  const names = await namesOf(ctx, 'report_units', docs.map((d) => d.unitId))
  return docs.map((d) => ({ unitId: d.unitId, unitName: names.get(d.unitId) ?? '（已撤销的单位）', week: d.week, streak: d.streak, step: d.step, detail: d.detail }))
}

async function weekEscalations(ctx: ActionContext, week: string): Promise<EscalationView[]> {
  const { data } = await ctx.db.collection(I.escalations).where({ week }).orderBy('week', 'desc').limit(PAGE).get()
  return escalationViews(ctx, data as unknown as EscalationDoc[])
}

const rowView = (r: Row): BoardRowView => ({ id: r.id, name: r.name, due: r.due, onTime: r.onTime, rate: r.rate, rank: r.rank, list: r.list })

async function boardView(ctx: ActionContext, doc: BoardDoc): Promise<InspectBoardView> {
  return {
    period: periodView(weekPeriod(doc.week)),
    published: true,
    publishedAt: doc.publishedAt,
    rule: doc.rule,
    ruleText: ruleText(doc.rule),
    units: doc.units.map(rowView),
    districts: doc.districts.map(rowView),
    escalations: await weekEscalations(ctx, doc.week),
  }
}

export async function board(input: In<'board'>, ctx: ActionContext): Out<'board'> {
  if (input.week !== undefined && !isMonday(input.week)) return inspectFail('INSPECT.BAD_PERIOD')
  if (input.week === undefined && !ctx.isAdmin) {
    const { data } = await ctx.db.collection(I.boards).orderBy('week', 'desc').limit(1).get()
    const latest = data[0] as unknown as BoardDoc | undefined
    return latest ? boardView(ctx, latest) : inspectFail('INSPECT.NOT_PUBLISHED', '还没有发布过红黑榜')
  }
  const week = input.week ?? weekOf(ctx.clock.now())
  const published = await findById<BoardDoc>(ctx.db, I.boards, week)
  if (published) return boardView(ctx, published)
  // only the office sees a week before it is published: the live figures, not yet a ranking anyone is held to
  if (!ctx.isAdmin) return inspectFail('INSPECT.NOT_PUBLISHED')
  const rule = (await loadRules(ctx)).board
  const { units, districts } = await liveBoard(ctx, week, rule)
  return {
    period: periodView(weekPeriod(week)),
    published: false,
    publishedAt: null,
    rule,
    ruleText: ruleText(rule),
    units: units.map(rowView),
    districts: districts.map(rowView),
    escalations: [],
  }
}

function stepFor(streak: number): (typeof ESCALATION_STEPS)[number] {
  return ESCALATION_STEPS.find((s) => s.streak === Math.min(streak, ESCALATION_STEPS.length)) ?? ESCALATION_STEPS[ESCALATION_STEPS.length - 1]
}

export async function publishBoard(input: In<'publishBoard'>, ctx: ActionContext): Out<'publishBoard'> {
  if (!isMonday(input.week)) return inspectFail('INSPECT.BAD_PERIOD')
  const now = ctx.clock.now()
  if (weekPeriod(input.week).to > now) return inspectFail('INSPECT.PERIOD_NOT_ENDED')
  if (await findById<BoardDoc>(ctx.db, I.boards, input.week)) return inspectFail('INSPECT.ALREADY_PUBLISHED')
  const rule = (await loadRules(ctx)).board
  const { units, districts } = await liveBoard(ctx, input.week, rule)

  // the streak continues only through the week just before, published with the unit on its black list
  const previousWeek = addWeeks(input.week, -1)
  const previous = await findById<BoardDoc>(ctx.db, I.boards, previousWeek)
  const blackBefore = new Set((previous?.units ?? []).filter((r) => r.list === 'black').map((r) => r.id))
  const escalations: EscalationDoc[] = []
  for (const row of units.filter((r) => r.list === 'black')) {
    let streak = 1
    if (blackBefore.has(row.id)) {
      const last = await findById<EscalationDoc>(ctx.db, I.escalations, `${row.id}__${previousWeek}`)
      streak = (last?.streak ?? 0) + 1
    }
    const step = stepFor(streak)
    escalations.push({ _id: `${row.id}__${input.week}`, unitId: row.id, week: input.week, streak, step: step.label, detail: step.detail, at: now })
  }
  const doc: BoardDoc = { _id: input.week, week: input.week, rule, units, districts, publishedAt: now, publishedBy: ctx.caller.openid }
  try {
    // the board and what it carries land together, or neither does
    await ctx.db.runTransaction(async (tx) => {
      await tx.collection(I.boards).add({ data: { ...doc } })
      for (const e of escalations) await tx.collection(I.escalations).doc(e._id).set({ data: { ...e } })
    })
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return inspectFail('INSPECT.ALREADY_PUBLISHED')
    throw error
  }
  await writeAudit(ctx, {
    subjectType: 'inspect_board',
    subjectId: input.week,
    action: 'publish',
    detail: { red: units.filter((r) => r.list === 'red').length, black: escalations.length, escalated: escalations.map((e) => `${e.unitId}:${e.step}`).join(',') },
  })
  return boardView(ctx, doc)
}

export async function escalations(input: In<'escalations'>, ctx: ActionContext): Out<'escalations'> {
  let unitId: string | undefined = input.unitId
  if (!ctx.isAdmin) {
    const own = unitFor(ctx, input.unitId)
    if (typeof own !== 'string') return own
    unitId = own
  }
  const collection = ctx.db.collection(I.escalations)
  const { data } = await (unitId === undefined ? collection.orderBy('week', 'desc') : collection.where({ unitId }).orderBy('week', 'desc')).limit(PAGE).get()
  return escalationViews(ctx, data as unknown as EscalationDoc[])
}

// ---- 星级评定 ----

/** Every unit's month score from the period counters: units 100 at a time, their docs by the index. */
async function monthRows(ctx: ActionContext, month: string, rules: RulesDoc): Promise<FrozenRow[]> {
  const docs = new Map((await periodDocs(ctx, 'unit', 'month', month)).map((d) => [d.scopeId, d]))
  const _ = ctx.db.command
  const rows: FrozenRow[] = []
  let after: string | null = null
  for (;;) {
    const units = ctx.db.collection('report_units')
    const query: Query = after === null ? units : units.where({ _id: _.gt(after) })
    const { data } = await query.orderBy('_id', 'asc').limit(PAGE).get()
    for (const unit of data as unknown as Array<{ _id: string; name: string }>) {
      const { lines, score } = scoreLines(docs.get(unit._id) ?? null, rules.score)
      rows.push({ unitId: unit._id, name: unit.name, base: rules.score.base, score, stars: starsFor(score, rules.stars), lines })
    }
    if (data.length < PAGE) break
    after = data[data.length - 1]._id
  }
  return rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-Hans-CN'))
}

function ratingsView(month: string, bands: Stars, rows: FrozenRow[], publishedAt: number | null): RatingsView {
  return {
    period: periodView(monthPeriod(month)),
    published: publishedAt !== null,
    publishedAt,
    bands,
    rows: rows.map((r) => ({ unit: { unitId: r.unitId, name: r.name }, score: r.score, stars: r.stars })),
  }
}

export async function ratings(input: In<'ratings'>, ctx: ActionContext): Out<'ratings'> {
  if (input.month === undefined) {
    const { data } = await ctx.db.collection(I.ratings).orderBy('month', 'desc').limit(1).get()
    const latest = data[0] as unknown as RatingDoc | undefined
    return latest ? ratingsView(latest.month, latest.bands, latest.rows, latest.publishedAt) : inspectFail('INSPECT.NOT_PUBLISHED', '还没有发布过星级评定')
  }
  const published = await findById<RatingDoc>(ctx.db, I.ratings, input.month)
  if (published) return ratingsView(published.month, published.bands, published.rows, published.publishedAt)
  // the office previews a month before publishing it; nobody else sees unpublished stars
  if (!ctx.isAdmin) return inspectFail('INSPECT.NOT_PUBLISHED')
  const rules = await loadRules(ctx)
  return ratingsView(input.month, rules.stars, await monthRows(ctx, input.month, rules), null)
}

export async function publishRatings(input: In<'publishRatings'>, ctx: ActionContext): Out<'publishRatings'> {
  const now = ctx.clock.now()
  if (monthPeriod(input.month).to > now) return inspectFail('INSPECT.PERIOD_NOT_ENDED')
  if (await findById<RatingDoc>(ctx.db, I.ratings, input.month)) return inspectFail('INSPECT.ALREADY_PUBLISHED')
  const rules = await loadRules(ctx)
  const rows = await monthRows(ctx, input.month, rules)
  const doc: RatingDoc = { _id: input.month, month: input.month, bands: rules.stars, rows, publishedAt: now, publishedBy: ctx.caller.openid }
  try {
    await ctx.db.collection(I.ratings).add({ data: { ...doc } })
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return inspectFail('INSPECT.ALREADY_PUBLISHED')
    throw error
  }
  const starred = rows.filter((r) => r.stars > 0).length
  await writeAudit(ctx, { subjectType: 'inspect_rating', subjectId: input.month, action: 'publish', detail: { units: rows.length, starred } })
  return ratingsView(input.month, doc.bands, rows, now)
}

// ---- rules ----

function rulesView(doc: RulesDoc): InspectRulesView {
  return { score: doc.score, board: doc.board, stars: doc.stars, severityDays: doc.severityDays, updatedAt: doc.updatedAt > 0 ? doc.updatedAt : null }
}

export async function rules(_input: In<'rules'>, ctx: ActionContext): Out<'rules'> {
  return rulesView(await loadRules(ctx))
}

/** Bands best first, each strictly lower in both score and stars than the one before. */
function bandsOk(bands: Stars): boolean {
  return bands.every((b, i) => i === 0 || (b.min < bands[i - 1].min && b.stars < bands[i - 1].stars))
}

export async function setRules(input: In<'setRules'>, ctx: ActionContext): Out<'setRules'> {
  if (input.stars && !bandsOk(input.stars)) return inspectFail('INSPECT.BAD_BANDS')
  const before = await loadRules(ctx)
  const changed = (['score', 'board', 'stars', 'severityDays'] as const).filter((k) => input[k] !== undefined)
  // nothing asked to change: nothing written, nothing audited
  if (changed.length === 0) return rulesView(before)
  const after: RulesDoc = {
    _id: 'current',
    score: input.score ?? before.score,
    board: input.board ?? before.board,
    stars: input.stars ?? before.stars,
    severityDays: input.severityDays ?? before.severityDays,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.caller.openid,
  }
  // replaces the whole doc: a nested merge would keep a removed star band
  await ctx.db.collection(I.rules).doc('current').set({ data: { score: after.score, board: after.board, stars: after.stars, severityDays: after.severityDays, updatedAt: after.updatedAt, updatedBy: after.updatedBy } })
  const part = (doc: RulesDoc) => JSON.stringify(Object.fromEntries(changed.map((k) => [k, doc[k]])))
  await writeAudit(ctx, { subjectType: 'inspect_rules', subjectId: 'current', action: 'set', detail: { changed: changed.join(','), before: part(before), after: part(after) } })
  return rulesView(after)
}

