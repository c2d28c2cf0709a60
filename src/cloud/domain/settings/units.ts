import { randomBytes } from 'node:crypto'
import type { UnitSettingView } from '@/shared/contract/settings'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import type { UnitDoc } from '../report/types'
import { auditChange, settingsFail, SUBJECT, type In, type Out } from './model'

/** A city has tens of units: read in pages of 100, at most 2,000 (as the routing list is). */
export async function listUnits(ctx: ActionContext): Out<'units'> {
  const units: UnitSettingView[] = []
  for (let page = 0; page < 20; page++) {
    const { data } = await ctx.db.collection('report_units').orderBy('_id', 'asc').skip(page * 100).limit(100).get()
    for (const u of data as unknown as UnitDoc[]) units.push({ unitId: u._id, name: u.name })
    if (data.length < 100) break
  }
  return { units }
}

async function unitNamed(ctx: ActionContext, name: string): Promise<UnitDoc | null> {
  const { data } = await ctx.db.collection('report_units').where({ name }).limit(1).get()
  return (data[0] as unknown as UnitDoc | undefined) ?? null
}

/**
 * A new unit (no unitId: the id is made here, so a clerk never invents one) or a new name for an
 * existing one. Two units of one name would be indistinguishable in the routing and the 红黑榜.
 */
export async function saveUnit(input: In<'saveUnit'>, ctx: ActionContext): Out<'saveUnit'> {
  const existing = input.unitId ? await findById<UnitDoc>(ctx.db, 'report_units', input.unitId) : null
  if (input.unitId && !existing) return settingsFail('SETTINGS.UNIT_NOT_FOUND')
  const namesake = await unitNamed(ctx, input.name)
  if (namesake && namesake._id !== existing?._id) return settingsFail('SETTINGS.UNIT_NAME_TAKEN', `已有同名的责任单位「${input.name}」`)
  if (existing) {
    if (existing.name !== input.name) {
      await ctx.db.collection('report_units').doc(existing._id).update({ data: { name: input.name } })
      await auditChange(ctx, { subjectType: SUBJECT.unit, subjectId: existing._id, action: 'renameUnit', before: { name: existing.name }, after: { name: input.name } })
    }
    return { unitId: existing._id, name: input.name }
  }
  const unitId = `unit-${randomBytes(6).toString('hex')}`
  await ctx.db.collection('report_units').add({ data: { _id: unitId, name: input.name } })
  await auditChange(ctx, { subjectType: SUBJECT.unit, subjectId: unitId, action: 'addUnit', before: null, after: { name: input.name } })
  return { unitId, name: input.name }
}
