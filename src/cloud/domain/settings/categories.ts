import type { CategorySettingView } from '@/shared/contract/settings'
import { CATEGORIES, categoryOf, limitsText, type ReportCategory, type StepLimits } from '@/shared/report'
import type { ActionContext } from '../../runtime/context'
import { applyOverride, type CategoryOverrideDoc } from '../report/category-overrides'
import { auditChange, settingsFail, SUBJECT, type In, type Out } from './model'

const STEP_NAMES: Record<keyof StepLimits, string> = { accept: '受理', start: '签收', resolve: '办结' }

function view(base: ReportCategory, override: CategoryOverrideDoc | null): CategorySettingView {
  const now = applyOverride(base, override)
  return {
    id: base.id,
    kind: base.kind,
    groupId: base.groupId,
    name: now.name,
    hint: now.hint,
    limits: now.limits,
    limitsText: limitsText(now.limits),
    defaultName: base.name,
    defaultHint: base.hint,
    defaultLimits: base.limits,
    overridden: override !== null,
    updatedAt: override?.updatedAt ?? null,
  }
}

/** The steps a category's reports go through: 文明点赞 is only reviewed (受理), never dispatched or resolved. */
const runningSteps = (category: ReportCategory): Array<keyof StepLimits> => (category.kind === 'praise' ? ['accept'] : ['accept', 'start', 'resolve'])

/** Every built-in category with its override: one query, the list is a few dozen. */
export async function listCategories(ctx: ActionContext): Out<'categories'> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection('report_category_overrides')
    .where({ _id: _.in(CATEGORIES.map((c) => c.id)) })
    .limit(100)
    .get()
  const overrides = new Map((data as unknown as CategoryOverrideDoc[]).map((o) => [o._id, o]))
  return { categories: CATEGORIES.map((c) => view(c, overrides.get(c.id) ?? null)) }
}

const summary = (c: ReportCategory) => ({ name: c.name, hint: c.hint, limits: { ...c.limits } })

export async function setCategory(input: In<'setCategory'>, ctx: ActionContext): Out<'setCategory'> {
  const base = categoryOf(input.categoryId)
  // the schema admits only built-in ids
  if (!base) throw new Error(`unknown category ${input.categoryId}`)
  if (input.limits) {
    const zero = runningSteps(base).filter((step) => input.limits?.[step].amount === 0)
    if (zero.length) return settingsFail('SETTINGS.LIMIT_ZERO', `${zero.map((s) => STEP_NAMES[s]).join('、')}环节的时限不能为 0`)
  }
  const { data } = await ctx.db.collection('report_category_overrides').where({ _id: base.id }).limit(1).get()
  const current = (data[0] as unknown as CategoryOverrideDoc | undefined) ?? null
  const next: CategoryOverrideDoc = {
    _id: base.id,
    ...(current?.name !== undefined ? { name: current.name } : {}),
    ...(current?.hint !== undefined ? { hint: current.hint } : {}),
    ...(current?.limits !== undefined ? { limits: current.limits } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.hint !== undefined ? { hint: input.hint } : {}),
    ...(input.limits !== undefined ? { limits: input.limits } : {}),
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.caller.openid,
  }
  const { _id, ...fields } = next
  await ctx.db.collection('report_category_overrides').doc(_id).set({ data: fields })
  await auditChange(ctx, {
    subjectType: SUBJECT.category,
    subjectId: base.id,
    action: 'setCategory',
    before: summary(applyOverride(base, current)),
    after: summary(applyOverride(base, next)),
  })
  return view(base, next)
}
