import type { ShopBoardRow, ShopBoardView, ShopRulesView, ShopScoreLine } from '@/shared/contract/frontage'
import type { ShopBoardRule } from '@/shared/frontage'
import { INSPECT_LEVELS } from '@/shared/inspect'
import { addMonths, monthOf, monthStartMs } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { pointsText } from '../inspect/ledger'
import { starsFor } from '../inspect/scores'
import { keysetPage } from '../report/paging'
import { holdsShop, isStreetOfficeOf, streetDistricts } from './inspections'
import { loadShopRules, monthDocId, STREET_MONTHS, streetMonthId, type ShopMonthDoc, type ShopRulesDoc, type StreetMonthDoc } from './ledger'
import { frontageFail, M, type In, type Out, type ShopDoc } from './model'

/**
 * A shop's monthly score and stars, and the street's monthly 红黑榜 of shops. Every figure comes
 * from the ledger's month docs (frontage_months, kept on write); a published board is a frozen
 * copy of its rows with each shop's lines and never recomputed. A line's points are what the
 * ledger stored (priced when each problem was found); its words name the rule in force now.
 */

const PAGE = 100
/** a board view's page of ranked rows */
export const BOARD_PAGE = 50
/** at most this many rows on each list: ties at a boundary can be hundreds of shops (every shop with nothing deducted ties at the top) */
export const LIST_CAP = 60
const LEVEL_LABEL = { city: '市级', district: '区级', street: '街道' } as const

/** A shop's month as published: written once onto its month doc, which keeps counting afterwards. */
export interface FrozenScore {
  base: number
  lines: ShopScoreLine[]
  score: number
  stars: number
  /** its place on the published board (ties share it) and its list */
  rank: number
  list: ShopBoardRow['list']
  publishedAt: number
}

/**
 * A published board: the summary only (counts, the red and black lists, the rule). Each shop's
 * row and lines are frozen on its own month doc (`frozen`, ranked by `boardRank`) and the board
 * pages over those: a street of thousands of shops would make this one doc megabytes that every
 * resident's view would read whole. The lists are capped (LIST_CAP) so it stays a few KB.
 */
export interface ShopBoardDoc {
  _id: string
  district: string
  month: string
  rule: ShopBoardRule
  /** shops ranked */
  shops: number
  red: ShopBoardRow[]
  redCount: number
  black: ShopBoardRow[]
  blackCount: number
  publishedAt: number
  publishedBy: string
}

/** `boardRank` mirrors `frozen.rank` at the top level: the by_district_month_rank index pages the published board by it. */
export type FrozenMonthDoc = ShopMonthDoc & { frozen?: FrozenScore; boardRank?: number }

export const boardDocId = (district: string, month: string) => `${district}__${month}`

/** −0 prints as 0 */
const pts = (centi: number) => (centi === 0 ? 0 : centi / 100)
const starText = (n: number) => '★'.repeat(n)
const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`

// ---- score arithmetic ----

/** The lines of one shop's month from its month doc (null: nothing counted), adding up to the score exactly. */
export function shopLines(doc: ShopMonthDoc | null, rules: ShopRulesDoc): { base: number; lines: ShopScoreLine[]; score: number } {
  const r = rules.score
  const base = doc?.base ?? r.base
  const lines: ShopScoreLine[] = []
  for (const level of INSPECT_LEVELS) {
    const count = doc?.findingsByLevel[level] ?? 0
    const centi = doc?.deductionByLevel[level] ?? 0
    lines.push({
      label: `检查发现问题（${LEVEL_LABEL[level]}）`,
      count,
      points: pts(-centi),
      how:
        count === 0
          ? '无'
          : `${count} 个问题，合计扣 ${pointsText(centi / 100)} 分（每个 ${pointsText(r.weights[level])} 分；${r.repeatWindowDays} 天内重复发现 × ${pointsText(r.repeatFactor)}，按时整改 × ${pointsText(r.onTimeFactor)}；逐项见问题清单）`,
    })
  }
  const fixed = doc?.reportsFixed ?? 0
  const inTime = doc?.reportsFixedInTime ?? 0
  const reportCenti = doc?.reportDeduction ?? 0
  const parts: string[] = []
  if (inTime) parts.push(`按时处理 ${inTime} 条 × ${pointsText(r.confirmedReport)} × ${pointsText(r.onTimeFactor)}（按时）`)
  if (fixed - inTime) parts.push(`超时处理 ${fixed - inTime} 条 × ${pointsText(r.confirmedReport)}`)
  lines.push({ label: '门前随手拍（门店已处理）', count: fixed, points: pts(-reportCenti), how: fixed === 0 ? '无' : `${parts.join(' + ')} = ${pointsText(reportCenti / 100)}` })
  const escalated = doc?.escalated ?? 0
  const escalationCenti = doc?.escalationDeduction ?? 0
  lines.push({
    label: '门前随手拍转责任单位',
    count: escalated,
    points: pts(-escalationCenti),
    how: escalated === 0 ? '无' : `${escalated} 次 × ${pointsText(r.escalated)} 分 = ${pointsText(escalationCenti / 100)}（门店未在时限内处理，或市民不满意）`,
  })
  const deduction = doc?.deduction ?? 0
  return { base, lines, score: Math.max(0, Math.round(base * 100) - deduction) / 100 }
}

/** What would raise the score, in the shop's words: the open problems, the report limit, repeats, the next band. */
export function shopTips(doc: ShopMonthDoc | null, score: number, rules: ShopRulesDoc): string[] {
  const r = rules.score
  const tips: string[] = []
  if (doc && doc.open > 0) {
    const gain = Math.round(doc.openDeduction * (1 - r.onTimeFactor))
    tips.push(`本月有 ${doc.open} 个问题未整改：按时整改可减半扣分${gain > 0 ? `（最多挽回 ${pointsText(gain / 100)} 分）` : ''}`)
  }
  if (doc && doc.handed > 0) tips.push(`有 ${doc.handed} 个问题屡查屡犯已移交执法，请配合执法部门整改`)
  tips.push(`门前随手拍请在 ${pointsText(rules.limitHours)} 小时内处理，转到责任单位每次扣 ${pointsText(r.escalated)} 分`)
  if (doc && doc.repeats > 0) tips.push(`同一问题 ${r.repeatWindowDays} 天内再次被查到扣分加倍：整改后请保持`)
  const stars = starsFor(score, rules.stars)
  const next = [...rules.stars].sort((a, b) => a.min - b.min).find((b) => b.stars > stars)
  if (next) tips.push(`距${starText(next.stars)}（${pointsText(next.min)} 分）还差 ${pointsText(Math.round((next.min - score) * 100) / 100)} 分`)
  if (!doc || doc.deduction === 0) tips.push('本月暂无扣分，请继续保持')
  return tips
}

// ---- shopScore ----

export async function shopScore(input: In<'shopScore'>, ctx: ActionContext): Out<'shopScore'> {
  const shop = await findById<ShopDoc>(ctx.db, M.shops, input.shopId)
  if (!shop) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (!ctx.isAdmin && !holdsShop(ctx, shop._id) && !isStreetOfficeOf(ctx, shop)) {
    return ctx.grants.some((g) => g.role === 'street_office') ? frontageFail('FRONTAGE.NOT_YOUR_STREET') : frontageFail('FRONTAGE.NOT_YOUR_SHOP')
  }
  const month = input.month ?? monthOf(ctx.clock.now())
  const rules = await loadShopRules(ctx)
  const doc = await findById<FrozenMonthDoc>(ctx.db, M.months, monthDocId(shop._id, month))
  // published: the month doc carries its frozen lines; a shop with none asks whether the board exists (a count, not its rows)
  const published = !!doc?.frozen || (await ctx.db.collection(M.boards).where({ _id: boardDocId(shop.district, month) }).count()).total > 0
  if (published) {
    // published: the lines as they were; a shop with nothing counted that month kept its base
    const empty = shopLines(null, rules)
    const frozen = doc?.frozen ?? { ...empty, stars: starsFor(empty.score, rules.stars) }
    return {
      shopId: shop._id,
      shopName: shop.name,
      month,
      base: frozen.base,
      lines: frozen.lines,
      score: frozen.score,
      stars: frozen.stars,
      tips: [`${monthLabel(month)}的得分已随红黑榜发布，不再变化`],
      frozen: true,
    }
  }
  const live = shopLines(doc, rules)
  return {
    shopId: shop._id,
    shopName: shop.name,
    month,
    base: live.base,
    lines: live.lines,
    score: live.score,
    stars: starsFor(live.score, rules.stars),
    tips: shopTips(doc, live.score, rules),
    frozen: false,
  }
}

// ---- the street's 红黑榜 ----

interface Scored {
  shopId: string
  name: string
  centi: number
  /** the month doc's _id: ties are listed in its order, the order the board's pages read them by the index */
  key: string
}

/**
 * Ranks shops by score (ties share a place: 1, 1, 3). Red takes the first `red` places and every
 * shop tied with the last of them; black the last `black` among the rest, ties included, so a
 * shop is never on both and, when few are ranked, red is filled first.
 */
export function rankShops(rows: Scored[], rule: ShopBoardRule, stars: ShopRulesDoc['stars']): ShopBoardRow[] {
  const sorted = [...rows].sort((a, b) => b.centi - a.centi || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const out: ShopBoardRow[] = []
  sorted.forEach((r, i) => {
    const rank = i > 0 && sorted[i - 1].centi === r.centi ? out[i - 1].rank : i + 1
    out.push({ shopId: r.shopId, name: r.name, score: r.centi / 100, stars: starsFor(r.centi / 100, stars), list: null, rank })
  })
  if (rule.red > 0 && out.length > 0) {
    const edge = out[Math.min(rule.red, out.length) - 1].score
    for (const r of out) if (r.score >= edge) r.list = 'red'
  }
  const rest = out.filter((r) => r.list === null)
  if (rule.black > 0 && rest.length > 0) {
    const edge = rest[Math.max(0, rest.length - rule.black)].score
    for (const r of rest) if (r.score <= edge) r.list = 'black'
  }
  return out
}

export function shopRuleText(rules: Pick<ShopRulesDoc, 'score' | 'stars' | 'limitHours'>, board: ShopBoardRule): string {
  const r = rules.score
  const bands = [...rules.stars]
    .sort((a, b) => b.min - a.min)
    .map((b) => `${pointsText(b.min)} 分及以上${starText(b.stars)}`)
    .join('，')
  return [
    `每家门店每月从 ${pointsText(r.base)} 分起算。`,
    `督查发现问题按检查组扣分（市级 ${pointsText(r.weights.city)} 分、区级 ${pointsText(r.weights.district)} 分、街道 ${pointsText(r.weights.street)} 分），门前随手拍门店处理后扣 ${pointsText(r.confirmedReport)} 分、转到责任单位扣 ${pointsText(r.escalated)} 分；`,
    `${r.repeatWindowDays} 天内重复发现的问题 × ${pointsText(r.repeatFactor)}，按时整改（随手拍 ${pointsText(rules.limitHours)} 小时内）× ${pointsText(r.onTimeFactor)}。`,
    `星级：${bands}。`,
    `当月有得分记录（被检查或有门前随手拍）的门店参与排名，前 ${board.red} 名上红榜、后 ${board.black} 名上黑榜，并列的共同纳入；同一门店不会同时上红榜和黑榜。`,
  ].join('')
}

/** Every shop's month doc of one street and month, best first, by the by_district_month index, a page (99) at a time. */
export async function streetMonths(ctx: ActionContext, district: string, month: string): Promise<ShopMonthDoc[]> {
  const out: ShopMonthDoc[] = []
  let cursor: string | undefined
  for (;;) {
    // 99: keysetPage asks for one more than the page to know there is a next, and a query returns at most 100
    const page = await keysetPage<ShopMonthDoc>(ctx.db, { collection: M.months, where: { district, month }, field: 'score', order: 'desc', pageSize: PAGE - 1, cursor })
    out.push(...page.docs)
    if (!page.next) return out
    cursor = page.next
  }
}

async function publishedDistricts(ctx: ActionContext, month: string): Promise<string[]> {
  const { data } = await ctx.db.collection(M.boards).where({ month }).field({ district: true }).orderBy('month', 'desc').limit(PAGE).get()
  return (data as unknown as Array<Pick<ShopBoardDoc, 'district'>>).map((d) => d.district).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'))
}

const rowOf = (d: ShopMonthDoc, rank: number, list: ShopBoardRow['list'], stars: ShopRulesDoc['stars']): ShopBoardRow => {
  const score = clamp(d.score) / 100
  return { shopId: d.shopId, name: d.name, score, stars: starsFor(score, stars), list, rank }
}

/** a month's score below zero shows (and ranks) as 0: all such shops tie with the shops at 0 */
const clamp = (centi: number) => Math.max(0, centi)

async function boardView(ctx: ActionContext, doc: ShopBoardDoc, cursor: string | undefined): Promise<ShopBoardView> {
  const rules = await loadShopRules(ctx)
  // the published rows are the frozen month docs in board order (rank, then _id), a page at a time;
  // a cursor this board did not make starts from the top rather than failing
  const page = await keysetPage<FrozenMonthDoc>(ctx.db, {
    collection: M.months,
    where: { district: doc.district, month: doc.month },
    field: 'boardRank',
    // docs first touched after publication have no rank: not on the board. Only on the first page: a
    // cursor's `boardRank > r` already excludes them, and a second bound there makes SQLite seek by
    // `≥ 1` and filter, walking every row before the page
    range: cursor && /^\d+~.+$/.test(cursor) ? undefined : ctx.db.command.gte(1),
    order: 'asc',
    pageSize: BOARD_PAGE,
    cursor: cursor && /^\d+~.+$/.test(cursor) ? cursor : undefined,
  })
  const rows = page.docs.flatMap((d) => (d.frozen ? [{ shopId: d.shopId, name: d.name, score: d.frozen.score, stars: d.frozen.stars, list: d.frozen.list, rank: d.frozen.rank }] : []))
  return {
    month: doc.month,
    district: doc.district,
    published: true,
    publishedAt: doc.publishedAt,
    rule: doc.rule,
    ruleText: shopRuleText(rules, doc.rule),
    rows,
    nextCursor: page.next,
    total: doc.shops,
    red: doc.red,
    redCount: doc.redCount,
    black: doc.black,
    blackCount: doc.blackCount,
    districts: await publishedDistricts(ctx, doc.month),
  }
}

interface Lists {
  red: ShopBoardRow[]
  redCount: number
  black: ShopBoardRow[]
  blackCount: number
  /** the lowest score (centi, clamped) on 红榜 and the highest on 黑榜; null: that list is empty */
  redEdge: number | null
  blackEdge: number | null
}

const listOf = (centi: number, l: Pick<Lists, 'redEdge' | 'blackEdge'>): ShopBoardRow['list'] =>
  l.redEdge !== null && centi >= l.redEdge ? 'red' : l.blackEdge !== null && centi <= l.blackEdge ? 'black' : null

/**
 * The live 红榜 and 黑榜 by the by_district_month index, never all rows: the top LIST_CAP rows
 * (desc) give 红榜's edge (the `red`-th score) and its ties; the bottom LIST_CAP of the rest (the
 * same index read asc) give 黑榜's edge and its ties. A list longer than LIST_CAP is counted,
 * not listed. 红榜's ranks are positions from the top; a 黑榜 row's rank is total − (shops
 * scoring at most its score) + 1, one count per distinct score at the bottom of the index.
 */
async function liveLists(ctx: ActionContext, district: string, month: string, rule: ShopBoardRule, stars: ShopRulesDoc['stars'], total: number): Promise<Lists> {
  const _ = ctx.db.command
  const months = ctx.db.collection(M.months)
  const street = { district, month }
  const out: Lists = { red: [], redCount: 0, black: [], blackCount: 0, redEdge: null, blackEdge: null }
  if (total === 0) return out
  let top: ShopMonthDoc[] = []
  if (rule.red > 0) {
    const { data } = await months.where(street).orderBy('score', 'desc').orderBy('_id', 'asc').limit(LIST_CAP).get()
    top = data as unknown as ShopMonthDoc[]
    if (top.length === 0) return out
    const edge = clamp(top[Math.min(rule.red, top.length) - 1].score)
    out.redEdge = edge
    const on = top.filter((d) => clamp(d.score) >= edge)
    // at or below 0 every shop ties at 0: the whole street is on 红榜
    out.redCount = on.length < LIST_CAP ? on.length : edge <= 0 ? total : (await months.where({ ...street, score: _.gte(edge) }).count()).total
    let rank = 0
    out.red = on.map((d, i) => {
      if (i === 0 || clamp(on[i - 1].score) !== clamp(d.score)) rank = i + 1
      return rowOf(d, rank, 'red', stars)
    })
  }
  if (rule.black === 0 || out.redCount === total) return out
  const rest = out.redEdge === null ? street : { ...street, score: _.lt(out.redEdge) }
  const { data } = await months.where(rest).orderBy('score', 'asc').orderBy('_id', 'desc').limit(LIST_CAP).get()
  const bottom = data as unknown as ShopMonthDoc[]
  if (bottom.length === 0) return out
  const edge = clamp(bottom[Math.min(rule.black, bottom.length) - 1].score)
  out.blackEdge = edge
  const on = bottom.filter((d) => clamp(d.score) <= edge)
  out.blackCount = on.length < LIST_CAP ? on.length : (await months.where({ ...street, score: _.lte(edge) }).count()).total
  const rankOf = new Map<number, number>()
  for (const centi of new Set(on.map((d) => clamp(d.score)))) rankOf.set(centi, total - (await months.where({ ...street, score: _.lte(centi) }).count()).total + 1)
  // listed best first like the pages; when capped, the worst are the ones kept
  out.black = on.reverse().map((d) => rowOf(d, rankOf.get(clamp(d.score)) ?? 0, 'black', stars))
  return out
}

/**
 * A live page's cursor: `<position>~<rank>~<score>~<_id>` — the position and rank of the page's
 * last row, then keysetPage's own cursor. Carrying the rank costs nothing per page (a count of the
 * shops scoring higher would scan the index above the page, growing with how deep the page is);
 * the next page's first row takes that rank if it ties, else its position. Live scores can move
 * between two pages; the published board's ranks are frozen.
 */
const LIVE_CURSOR = /^(\d+)~(\d+)~(-?\d+~.+)$/

async function livePage(ctx: ActionContext, district: string, month: string, lists: Lists, stars: ShopRulesDoc['stars'], cursor: string | undefined) {
  // a cursor this board did not make starts from the top rather than failing
  const parsed = cursor ? LIVE_CURSOR.exec(cursor) : null
  let position = parsed ? Number(parsed[1]) : 0
  let rank = parsed ? Number(parsed[2]) : 0
  const page = await keysetPage<ShopMonthDoc>(ctx.db, { collection: M.months, where: { district, month }, field: 'score', order: 'desc', pageSize: BOARD_PAGE, cursor: parsed ? parsed[3] : undefined })
  let last: number | null = parsed ? clamp(Number(parsed[3].slice(0, parsed[3].indexOf('~')))) : null
  const rows = page.docs.map((d) => {
    position += 1
    const centi = clamp(d.score)
    if (centi !== last) rank = position
    last = centi
    return rowOf(d, rank, listOf(centi, lists), stars)
  })
  return { rows, nextCursor: page.next ? `${position}~${rank}~${page.next}` : null }
}

/**
 * Shops ranked in a street's month: the counter the ledger keeps on write; a street-month whose
 * month docs predate the counter (none counted yet) falls back to one indexed count.
 */
async function rankedShops(ctx: ActionContext, district: string, month: string): Promise<number> {
  const counter = await findById<StreetMonthDoc>(ctx.db, STREET_MONTHS, streetMonthId(district, month))
  return counter ? counter.shops : (await ctx.db.collection(M.months).where({ district, month }).count()).total
}

export async function shopBoard(input: In<'shopBoard'>, ctx: ActionContext): Out<'shopBoard'> {
  const own = await streetDistricts(ctx)
  let district = input.district ?? own[0]
  let month = input.month
  if (month === undefined) {
    // the latest published month of the street (or of any street when none is named)
    const query = district === undefined ? ctx.db.collection(M.boards).orderBy('month', 'desc') : ctx.db.collection(M.boards).where({ district }).orderBy('month', 'desc')
    const { data } = await query.field({ district: true, month: true }).limit(1).get()
    const latest = data[0] as unknown as Pick<ShopBoardDoc, 'district' | 'month'> | undefined
    if (latest) {
      month = latest.month
      district = latest.district
    }
  }
  const mayPreview = ctx.isAdmin || (district !== undefined && own.includes(district))
  if (district === undefined) return frontageFail('FRONTAGE.NOT_PUBLISHED', '还没有发布过门店红黑榜')
  if (month === undefined) {
    if (!mayPreview) return frontageFail('FRONTAGE.NOT_PUBLISHED', '还没有发布过门店红黑榜')
    month = monthOf(ctx.clock.now())
  }
  const published = await findById<ShopBoardDoc>(ctx.db, M.boards, boardDocId(district, month))
  if (published) return boardView(ctx, published, input.cursor)
  // the street office and the office see the live figures before publication; nobody is held to them yet
  if (!mayPreview) return frontageFail('FRONTAGE.NOT_PUBLISHED')
  const rules = await loadShopRules(ctx)
  const total = await rankedShops(ctx, district, month)
  const lists = await liveLists(ctx, district, month, rules.board, rules.stars, total)
  const page = await livePage(ctx, district, month, lists, rules.stars, input.cursor)
  return {
    month,
    district,
    published: false,
    publishedAt: null,
    rule: rules.board,
    ruleText: shopRuleText(rules, rules.board),
    ...page,
    total,
    red: lists.red,
    redCount: lists.redCount,
    black: lists.black,
    blackCount: lists.blackCount,
    districts: await publishedDistricts(ctx, month),
  }
}

/** Sets stars on shops, 100 ids per update: one value for the whole batch. */
async function setStars(ctx: ActionContext, ids: string[], stars: number, month: string): Promise<void> {
  const _ = ctx.db.command
  for (let i = 0; i < ids.length; i += PAGE) {
    await ctx.db.collection(M.shops).where({ _id: _.in(ids.slice(i, i + PAGE)) }).update({ data: { stars, starsMonth: month } })
  }
}

export async function publishShopBoard(input: In<'publishShopBoard'>, ctx: ActionContext): Out<'publishShopBoard'> {
  if (!ctx.isAdmin && !(await streetDistricts(ctx)).includes(input.district)) return frontageFail('FRONTAGE.NOT_YOUR_STREET')
  const now = ctx.clock.now()
  if (monthStartMs(addMonths(input.month, 1)) > now) return frontageFail('FRONTAGE.PERIOD_NOT_ENDED')
  const id = boardDocId(input.district, input.month)
  if ((await ctx.db.collection(M.boards).where({ _id: id }).count()).total > 0) return frontageFail('FRONTAGE.ALREADY_PUBLISHED')
  const rules = await loadShopRules(ctx)
  // publishing reads the street's every month doc once (it writes each of them anyway); views never do
  const docs = await streetMonths(ctx, input.district, input.month)
  const rows = rankShops(
    docs.map((d) => ({ shopId: d.shopId, name: d.name, centi: clamp(d.score), key: d._id })),
    rules.board,
    rules.stars,
  )
  const red = rows.filter((r) => r.list === 'red')
  const black = rows.filter((r) => r.list === 'black')
  const doc: ShopBoardDoc = {
    _id: id,
    district: input.district,
    month: input.month,
    rule: rules.board,
    shops: rows.length,
    // capped like the live lists: 红榜 keeps its best, 黑榜 its worst
    red: red.slice(0, LIST_CAP),
    redCount: red.length,
    black: black.slice(-LIST_CAP),
    blackCount: black.length,
    publishedAt: now,
    publishedBy: ctx.caller.openid,
  }
  try {
    await ctx.db.collection(M.boards).add({ data: { ...doc } })
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return frontageFail('FRONTAGE.ALREADY_PUBLISHED')
    throw error
  }
  // each shop's row and lines as they stand now, onto its month doc (later counts move the counters, not these);
  // boardRank is what the published board pages by
  const byShop = new Map(docs.map((d) => [d.shopId, d]))
  for (const row of rows) {
    const { base, lines } = shopLines(byShop.get(row.shopId) ?? null, rules)
    const frozen: FrozenScore = { base, lines, score: row.score, stars: row.stars, rank: row.rank, list: row.list, publishedAt: now }
    await ctx.db.collection(M.months).doc(monthDocId(row.shopId, input.month)).update({ data: { frozen, boardRank: row.rank } })
  }
  // the door card and the scan page show these stars until the next publication
  const byStars = new Map<number, string[]>()
  for (const row of rows) byStars.set(row.stars, [...(byStars.get(row.stars) ?? []), row.shopId])
  for (const [stars, ids] of byStars) await setStars(ctx, ids, stars, input.month)
  // the street's other active shops had nothing counted this month: the base score's stars
  const ranked = new Set(rows.map((r) => r.shopId))
  const baseStars = starsFor(rules.score.base, rules.stars)
  // by the by_district_status index in its own order (name, then _id): each page starts where the last ended
  const _ = ctx.db.command
  const street = { district: input.district, status: 'active' }
  let after: { name: string; _id: string } | null = null
  for (;;) {
    const where = after === null ? street : _.and([street, _.or([{ name: _.gt(after.name) }, { name: after.name, _id: _.gt(after._id) }])])
    const { data } = await ctx.db.collection(M.shops).where(where).field({ _id: true, name: true }).orderBy('name', 'asc').orderBy('_id', 'asc').limit(PAGE).get()
    const page = data as unknown as Array<{ _id: string; name: string }>
    await setStars(ctx, page.map((d) => d._id).filter((shopId) => !ranked.has(shopId)), baseStars, input.month)
    if (page.length < PAGE) break
    after = page[page.length - 1]
  }
  await writeAudit(ctx, {
    subjectType: 'frontage_board',
    subjectId: id,
    action: 'publish',
    detail: { shops: rows.length, red: red.length, black: black.length },
  })
  return boardView(ctx, doc, undefined)
}

// ---- rules ----

function rulesView(doc: ShopRulesDoc): ShopRulesView {
  return { score: doc.score, stars: doc.stars, board: doc.board, limitHours: doc.limitHours, updatedAt: doc.updatedAt > 0 ? doc.updatedAt : null }
}

export async function shopRules(_input: In<'shopRules'>, ctx: ActionContext): Out<'shopRules'> {
  return rulesView(await loadShopRules(ctx))
}

/** Bands best first, each strictly lower in both score and stars than the one before. */
export const bandsOk = (bands: ShopRulesDoc['stars']) => bands.every((b, i) => i === 0 || (b.min < bands[i - 1].min && b.stars < bands[i - 1].stars))

export async function setShopRules(input: In<'setShopRules'>, ctx: ActionContext): Out<'setShopRules'> {
  if (input.stars && !bandsOk(input.stars)) return frontageFail('FRONTAGE.BAD_BANDS')
  const before = await loadShopRules(ctx)
  const changed = (['score', 'stars', 'board', 'limitHours'] as const).filter((k) => input[k] !== undefined)
  // nothing asked to change: nothing written, nothing audited
  if (changed.length === 0) return rulesView(before)
  const after: ShopRulesDoc = {
    _id: 'current',
    score: input.score ?? before.score,
    stars: input.stars ?? before.stars,
    board: input.board ?? before.board,
    limitHours: input.limitHours ?? before.limitHours,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.caller.openid,
  }
  // replaces the whole doc: a nested merge would keep a removed star band
  const { _id, ...data } = after
  await ctx.db.collection(M.rules).doc(_id).set({ data })
  const part = (doc: ShopRulesDoc) => JSON.stringify(Object.fromEntries(changed.map((k) => [k, doc[k]])))
  await writeAudit(ctx, { subjectType: 'frontage_rules', subjectId: 'current', action: 'set', detail: { changed: changed.join(','), before: part(before), after: part(after) } })
  return rulesView(after)
}
