import { PHRASE_STEPS, type PhraseSetView, type PhraseStep } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { CATEGORY_IDS, type CategoryId } from '@/shared/report'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { reportFail } from './errors'
import type { PhraseDoc } from './types'

/**
 * 常用语: the office keeps standard texts per category and step; staff pick one and edit it before
 * it is sent. A form reads two documents by id — the category's own set and the city-wide one —
 * so the cost does not depend on how many sets exist.
 */
export const phraseSetId = (categoryId: string | null, step: PhraseStep): string => `${categoryId ?? 'all'}.${step}`

/** The category's own texts first (the more specific fit), then the city-wide ones; no text twice. */
export async function phrases(input: { categoryId: CategoryId; step: PhraseStep }, ctx: ActionContext): Promise<string[]> {
  const [own, city] = await Promise.all([
    findById<PhraseDoc>(ctx.db, 'report_phrases', phraseSetId(input.categoryId, input.step)),
    findById<PhraseDoc>(ctx.db, 'report_phrases', phraseSetId(null, input.step)),
  ])
  return [...new Set([...(own?.texts ?? []), ...(city?.texts ?? [])])]
}

const toView = (doc: PhraseDoc): PhraseSetView => ({
  categoryId: doc.categoryId as CategoryId | null,
  step: doc.step as PhraseStep,
  texts: doc.texts,
  updatedAt: doc.updatedAt,
})

/** At most (categories + 1) × steps sets exist: the office's page reads them all in pages of 100. */
export async function phraseBook(ctx: ActionContext): Promise<PhraseSetView[]> {
  const sets: PhraseSetView[] = []
  const most = (CATEGORY_IDS.length + 1) * PHRASE_STEPS.length
  for (let skip = 0; skip < most; skip += 100) {
    const { data } = await ctx.db.collection('report_phrases').orderBy('_id', 'asc').skip(skip).limit(100).get()
    sets.push(...(data as unknown as PhraseDoc[]).map(toView))
    if (data.length < 100) break
  }
  return sets
}

/** Replaces one set whole (an empty list removes it); audited like every office setting. */
export async function setPhrases(
  input: { categoryId: CategoryId | null; step: PhraseStep; texts: string[] },
  ctx: ActionContext,
): Promise<PhraseSetView | Fail> {
  const texts = input.texts.map((t) => t.trim())
  if (new Set(texts).size !== texts.length) return reportFail('REPORT.PHRASE_DUPLICATE')
  const id = phraseSetId(input.categoryId, input.step)
  const now = ctx.clock.now()
  if (texts.length === 0) await ctx.db.collection('report_phrases').doc(id).remove()
  else {
    const doc: Omit<PhraseDoc, '_id'> = { categoryId: input.categoryId, step: input.step, texts, updatedAt: now, updatedBy: ctx.caller.openid }
    await ctx.db.collection('report_phrases').doc(id).set({ data: { ...doc } })
  }
  await writeAudit(ctx, { subjectType: 'reportPhrases', subjectId: id, action: 'setPhrases', detail: { count: texts.length } })
  return { categoryId: input.categoryId, step: input.step, texts, updatedAt: now }
}

/**
 * A starting set for a new city, written only where the office has none yet: the replies a grid
 * worker and a unit write most, in words a resident understands.
 */
const STARTER_PHRASES: ReadonlyArray<{ categoryId: CategoryId | null; step: PhraseStep; texts: string[] }> = [
  { categoryId: null, step: 'dispatch', texts: ['已核实情况属实，请责任单位按时限处置。', '涉及多处点位，请一并排查处理。'] },
  { categoryId: null, step: 'reject', texts: ['经核实，现场未发现所反映的问题。', '该问题不属于文明城市创建范围，建议拨打 12345 市民热线反映。'] },
  { categoryId: null, step: 'start', texts: ['已签收，正在安排人员到现场处置。'] },
  { categoryId: null, step: 'sendBack', texts: ['该问题不在本单位职责范围内，请重新派发。', '现场位置与描述不符，请网格员核实后重新派发。'] },
  { categoryId: null, step: 'resolve', texts: ['已到现场处置完毕，整改后照片见附件。', '已对当事人进行劝导教育，现场已恢复整洁。'] },
  { categoryId: null, step: 'reopen', texts: ['经复核问题仍存在，请责任单位重新处置。'] },
  { categoryId: null, step: 'keepClosed', texts: ['经现场复核，问题已处理到位，维持办结。', '所反映的新情况与原问题不同，请另行上报。'] },
  { categoryId: null, step: 'note', texts: ['已电话联系当事人，约定限期整改。', '已安排人员跟踪复查。'] },
  { categoryId: 'illegal-ads', step: 'resolve', texts: ['已清除小广告，并将张贴号码报送通信管理部门处理。'] },
  { categoryId: 'illegal-parking', step: 'resolve', texts: ['已对违停车辆拍照告知，并联系车主挪车。'] },
  { categoryId: 'street-vending', step: 'resolve', texts: ['已劝离流动摊贩，并引导至规定的便民摊点经营。'] },
  { categoryId: 'dog-walking', step: 'resolve', texts: ['已联系养犬人，告知文明养犬规定并督促拴绳、清理粪便。'] },
]

export async function seedPhrases(platform: Platform): Promise<void> {
  for (const set of STARTER_PHRASES) {
    const id = phraseSetId(set.categoryId, set.step)
    if (await findById(platform.db, 'report_phrases', id)) continue
    const doc: Omit<PhraseDoc, '_id'> = { ...set, updatedAt: platform.clock.now(), updatedBy: 'seed' }
    await platform.db.collection('report_phrases').doc(id).set({ data: { ...doc } })
  }
}
