import { failCommon, type Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { F, familyFail, type ClassDoc, type FamilyDoc, type SchoolDoc } from './model'

/**
 * Who may see what. A teacher holds `teacher` scoped to a school, and their classes are the
 * ones whose record names them (a revoked teacher loses them with the grant); a school admin sees
 * the classes of their school; the office sees all; a parent sees only their own families.
 */
export function isClassTeacher(ctx: ActionContext, cls: Pick<ClassDoc, 'teacherOpenid' | 'schoolId'>): boolean {
  return cls.teacherOpenid === ctx.caller.openid && hasRole(ctx.grants, 'teacher', cls.schoolId)
}

export function canSeeSchool(ctx: ActionContext, schoolId: string): boolean {
  return ctx.isAdmin || hasRole(ctx.grants, 'school_admin', schoolId)
}

export const findClass = (ctx: ActionContext, classId: string) => findById<ClassDoc>(ctx.db, F.classes, classId)
export const findSchool = (ctx: ActionContext, schoolId: string) => findById<SchoolDoc>(ctx.db, F.schools, schoolId)

/** The caller's own class, to change or to run. */
export async function taughtClass(ctx: ActionContext, classId: string): Promise<ClassDoc | Fail> {
  const cls = await findClass(ctx, classId)
  if (!cls) return familyFail('FAMILY.CLASS_NOT_FOUND')
  return isClassTeacher(ctx, cls) ? cls : failCommon('AUTH.FORBIDDEN')
}

/** A class to look at: its teacher, its school's admin, the office. */
export async function visibleClass(ctx: ActionContext, classId: string): Promise<ClassDoc | Fail> {
  const cls = await findClass(ctx, classId)
  if (!cls) return familyFail('FAMILY.CLASS_NOT_FOUND')
  return isClassTeacher(ctx, cls) || canSeeSchool(ctx, cls.schoolId) ? cls : failCommon('AUTH.FORBIDDEN')
}

/** The caller's own family; anyone else's reads as not found, so ids reveal nothing. */
export async function ownFamily(ctx: ActionContext, familyId: string): Promise<{ family: FamilyDoc; cls: ClassDoc } | Fail> {
  const family = await findById<FamilyDoc>(ctx.db, F.families, familyId)
  if (!family || family.parentOpenid !== ctx.caller.openid) return familyFail('FAMILY.NOT_FOUND')
  const cls = await findClass(ctx, family.classId)
  if (!cls) return familyFail('FAMILY.NOT_FOUND')
  return { family, cls }
}
