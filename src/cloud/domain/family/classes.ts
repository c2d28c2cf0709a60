import { FAMILY_LIMITS, type ClassView, type SchoolView } from '@/shared/contract/family'
import { failCommon, type Fail } from '@/shared/errors'
import { encodeScene } from '@/shared/scene'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { grantRole, revokeRole } from '../user/roles'
import { ensureUser } from '../user/profile'
import { canSeeSchool, findSchool, taughtClass } from './access'
import { countClass, countSchool, moveMembership } from './counters'
import { leaveClassGroup } from './groups'
import {
  F,
  familyFail,
  JOIN_CODE_LENGTH,
  newJoinCode,
  randomId,
  WEEK_MS,
  weekOf,
  type ClassDoc,
  type FamilyDoc,
  type SchoolDoc,
} from './model'
import { toClassView, toSchoolView } from './views'

/** The entry page decodes `s<code>` and opens the join page. */
export const ENTRY_PAGE = 'pages/entry/index'

export async function listSchools(ctx: ActionContext): Promise<SchoolView[]> {
  if (ctx.isAdmin) {
    const { data } = await ctx.db.collection(F.schools).orderBy('createdAt', 'desc').limit(100).get()
    return (data as unknown as SchoolDoc[]).map(toSchoolView)
  }
  const ids = [...new Set(ctx.grants.filter((g) => (g.role === 'teacher' || g.role === 'school_admin') && g.scopeId).map((g) => String(g.scopeId)))]
  if (ids.length === 0) return []
  const { data } = await ctx.db.collection(F.schools).where({ _id: ctx.db.command.in(ids) }).limit(100).get()
  return (data as unknown as SchoolDoc[]).map(toSchoolView)
}

export async function createSchool(input: { name: string; district: string }, ctx: ActionContext): Promise<SchoolView> {
  const now = ctx.clock.now()
  const school: SchoolDoc = {
    _id: randomId('sch-'),
    name: input.name,
    district: input.district,
    classes: 0,
    families: 0,
    children: 0,
    receipts: 0,
    createdBy: ctx.caller.openid,
    createdAt: now,
  }
  await ctx.db.collection(F.schools).add({ data: { ...school } })
  await countSchool(ctx)
  await writeAudit(ctx, { subjectType: 'school', subjectId: school._id, action: 'createSchool', detail: { name: school.name } })
  return toSchoolView(school)
}

/**
 * Reserves a fresh join code for a class: the code document's `_id` is the code, so a collision
 * is a duplicate key and simply draws again (one longer after a few, should the space fill up).
 */
async function reserveJoinCode(ctx: ActionContext, classId: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newJoinCode(attempt < 5 ? JOIN_CODE_LENGTH : JOIN_CODE_LENGTH + 1)
    try {
      await ctx.db.collection(F.codes).add({ data: { _id: code, classId, archived: false } })
      return code
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    }
  }
  throw new Error('reserveJoinCode: no free code after 10 draws')
}

type ClassFields = Pick<ClassDoc, 'schoolId' | 'schoolName' | 'grade' | 'name' | 'size' | 'termEndsAt'>

/** A new class as stored: its fields, its teacher and code, and every counter at zero (also the demo seed's). */
export function freshClass(fields: ClassFields, teacher: { openid: string; name: string | null }, joinCode: string, now: number): Omit<ClassDoc, '_id'> {
  return {
    ...fields,
    startWeek: weekOf(now),
    teacherOpenid: teacher.openid,
    teacherName: teacher.name,
    joinCode,
    status: 'active',
    codeFileID: null,
    families: 0,
    children: 0,
    receipts: 0,
    quizSum: 0,
    quizCount: 0,
    remindedWeek: null,
    remindedAt: null,
    createdAt: now,
    archivedAt: null,
  }
}

export async function createClass(
  input: { schoolId: string; grade: number; name: string; size: number; termEndsAt: number },
  ctx: ActionContext,
): Promise<ClassView | Fail> {
  const school = await findSchool(ctx, input.schoolId)
  if (!school) return familyFail('FAMILY.SCHOOL_NOT_FOUND')
  if (!ctx.grants.some((g) => g.role === 'teacher' && g.scopeId === school._id)) return familyFail('FAMILY.NOT_YOUR_SCHOOL')
  const now = ctx.clock.now()
  if (input.termEndsAt <= now || input.termEndsAt > now + FAMILY_LIMITS.termWeeksMax * WEEK_MS) return familyFail('FAMILY.TERM_INVALID')
  // parents read the class name on the join page
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: input.name, scene: 'profile' })
  if (!verdict.pass) return familyFail('FAMILY.TEXT_REJECTED')
  const teacher = await ensureUser(ctx)
  const classId = randomId('cls-')
  const joinCode = await reserveJoinCode(ctx, classId)
  const cls: ClassDoc = {
    _id: classId,
    ...freshClass(
      { schoolId: school._id, schoolName: school.name, grade: input.grade, name: input.name, size: input.size, termEndsAt: input.termEndsAt },
      { openid: ctx.caller.openid, name: teacher.nickname },
      joinCode,
      now,
    ),
  }
  await ctx.db.collection(F.classes).add({ data: { ...cls } })
  await countClass(ctx, school._id)
  await writeAudit(ctx, { subjectType: 'class', subjectId: classId, action: 'createClass', detail: { schoolId: school._id } })
  return toClassView(cls)
}

export async function myClasses(ctx: ActionContext): Promise<ClassView[]> {
  const { data } = await ctx.db
    .collection(F.classes)
    .where({ teacherOpenid: ctx.caller.openid })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  // a teacher moved to another school keeps the records but no longer runs those classes
  const schools = new Set(ctx.grants.filter((g) => g.role === 'teacher').map((g) => g.scopeId))
  return (data as unknown as ClassDoc[]).filter((c) => schools.has(c.schoolId)).map(toClassView)
}

/** The class's 小程序码 (scene `s<code>`), made once and kept in storage. */
export async function classCode(input: { classId: string }, ctx: ActionContext): Promise<{ joinCode: string; scene: string; imageUrl: string } | Fail> {
  const cls = await taughtClass(ctx, input.classId)
  if ('ok' in cls) return cls
  if (cls.status !== 'active' || !cls.joinCode) return familyFail('FAMILY.CLASS_ARCHIVED')
  const scene = encodeScene({ kind: 'classJoin', joinCode: cls.joinCode })
  let fileID = cls.codeFileID
  if (!fileID) {
    const code = await ctx.openApi.createMiniProgramCode({ scene, page: ENTRY_PAGE, width: 430 })
    fileID = (await ctx.storage.uploadFile({ cloudPath: `family/classes/${cls._id}.png`, fileContent: code.buffer })).fileID
    await ctx.db.collection(F.classes).doc(cls._id).update({ data: { codeFileID: fileID } })
  }
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { joinCode: cls.joinCode, scene, imageUrl: fileList[0]?.tempFileURL ?? '' }
}

/** A school admin grants (or takes back) the teacher role within their own school; audited. */
export async function grantTeacher(
  input: { schoolId: string; openid: string; granted: boolean },
  ctx: ActionContext,
): Promise<{ openid: string; schoolId: string; granted: boolean } | Fail> {
  const school = await findSchool(ctx, input.schoolId)
  if (!school) return familyFail('FAMILY.SCHOOL_NOT_FOUND')
  if (!canSeeSchool(ctx, school._id)) return failCommon('AUTH.FORBIDDEN')
  const change = { openid: input.openid, role: 'teacher' as const, scopeId: school._id }
  const outcome = input.granted ? await grantRole(change, ctx) : await revokeRole(change, ctx)
  // taking back a grant that is not there leaves it not there: nothing to refuse
  if ('ok' in outcome && outcome.code !== 'USER.GRANT_NOT_FOUND') return outcome
  return { openid: input.openid, schoolId: school._id, granted: input.granted }
}

const ARCHIVE_PAGE = 100

/**
 * Term end. The code stops working at once; then, page by page, every family of the class loses
 * its list of children (the children's only record) and the class's quiz group, while keeping
 * its completions, badges and pledge as its own history. Each family moves by a conditional
 * update, so a second run — or a run resumed after a crash — changes nothing twice.
 */
export async function archiveClass(input: { classId: string }, ctx: ActionContext): Promise<ClassView | Fail> {
  const found = await taughtClass(ctx, input.classId)
  if ('ok' in found) return found
  await archiveFound(found, ctx)
  const cls = await taughtClass(ctx, input.classId)
  return 'ok' in cls ? cls : toClassView(cls)
}

/** The archive itself, for the teacher's tap and for the term-end job alike. */
async function archiveFound(found: ClassDoc, ctx: ActionContext): Promise<void> {
  const now = ctx.clock.now()
  const _ = ctx.db.command
  if (found.status === 'active') {
    const { stats } = await ctx.db
      .collection(F.classes)
      .where({ _id: found._id, status: 'active' })
      .update({ data: { status: 'archived', archivedAt: now, joinCode: null } })
    if (found.joinCode) await ctx.db.collection(F.codes).doc(found.joinCode).update({ data: { archived: true } })
    if (stats.updated === 1) await writeAudit(ctx, { subjectType: 'class', subjectId: found._id, action: 'archiveClass' })
  }
  for (let page = 0; page < 50; page++) {
    const { data } = await ctx.db.collection(F.families).where({ classId: found._id, status: 'active' }).orderBy('joinedAt', 'asc').limit(ARCHIVE_PAGE).get()
    for (const family of data as unknown as FamilyDoc[]) {
      const { stats } = await ctx.db
        .collection(F.families)
        .where({ _id: family._id, status: 'active' })
        .update({ data: { status: 'archived', children: _.set([]), updatedAt: now } })
      if (stats.updated !== 1) continue
      await moveMembership(ctx, found, { children: -family.children.length })
      await leaveClassGroup(ctx, family.parentOpenid, found._id)
    }
    if (data.length < ARCHIVE_PAGE) break
  }
}

/**
 * A class its teacher forgot to archive does not keep children's nicknames past its term: two
 * weeks after the term's end (time for the teacher's own look back) the job archives it as the
 * teacher would. Paged, idempotent (an archived class no longer matches), at most 20 classes a run.
 */
export const TERM_GRACE_MS = 14 * 24 * 60 * 60 * 1000

export async function archiveEndedTerms(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const cutoff = ctx.clock.now() - TERM_GRACE_MS
  for (let run = 0; run < 20; run++) {
    const { data } = await ctx.db.collection(F.classes).where({ status: 'active', termEndsAt: _.lt(cutoff) }).orderBy('termEndsAt', 'asc').limit(1).get()
    const cls = (data as unknown as ClassDoc[])[0]
    if (!cls) return
    await archiveFound(cls, ctx)
  }
}
