import { FAMILY_LIMITS, FAMILY_NOTICE, NOTICE_VERSION, type FamilyHome, type FamilyView, type JoinPreview } from '@/shared/contract/family'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { findClass, ownFamily } from './access'
import { moveMembership } from './counters'
import { joinClassGroup, leaveClassGroup } from './groups'
import { F, familyFail, familyIdOf, randomId, type ChildDoc, type ClassDoc, type FamilyDoc, type JoinCodeDoc } from './model'
import { buildFamilyView, toClassView } from './views'

interface ChildInput {
  nickname: string
  grade: number
}

/** The class behind a code, or why the code does not work. */
async function classByCode(ctx: ActionContext, joinCode: string): Promise<ClassDoc | Fail> {
  const code = await findById<JoinCodeDoc>(ctx.db, F.codes, joinCode)
  if (!code) return familyFail('FAMILY.CODE_NOT_FOUND')
  const cls = await findClass(ctx, code.classId)
  if (!cls) return familyFail('FAMILY.CODE_NOT_FOUND')
  if (code.archived || cls.status !== 'active') return familyFail('FAMILY.CLASS_ARCHIVED')
  return cls
}

export async function preview(input: { joinCode: string }, ctx: ActionContext): Promise<JoinPreview | Fail> {
  const cls = await classByCode(ctx, input.joinCode)
  if ('ok' in cls) return cls
  const existing = await findById<FamilyDoc>(ctx.db, F.families, familyIdOf(cls._id, ctx.caller.openid))
  return {
    classView: toClassView(cls),
    notice: { version: FAMILY_NOTICE.version, title: FAMILY_NOTICE.title, paragraphs: [...FAMILY_NOTICE.paragraphs] },
    familyId: existing?.status === 'active' ? existing._id : null,
  }
}

/** Nicknames are shown to the teacher: they pass the content check like any profile text. */
async function nicknamesPass(ctx: ActionContext, children: readonly ChildInput[]): Promise<boolean> {
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: children.map((c) => c.nickname).join('\n'), scene: 'profile' })
  return verdict.pass
}

const newChildren = (children: readonly ChildInput[], now: number): ChildDoc[] =>
  children.map((c) => ({ id: randomId('ch-'), nickname: c.nickname, grade: c.grade, addedAt: now }))

/**
 * A guardian joins a class with their children. In order: the code works, the consent is to the
 * current notice, the nicknames pass the check; then the consent is stored (who, when, which
 * version) and only after it the family with its children. Joining again returns the family as
 * it is; a parent who left comes back to the same family record with a fresh consent.
 */
export async function join(
  input: { joinCode: string; consent: { noticeVersion: string; agreed: true }; children: ChildInput[] },
  ctx: ActionContext,
): Promise<FamilyView | Fail> {
  const cls = await classByCode(ctx, input.joinCode)
  if ('ok' in cls) return cls
  if (input.consent.noticeVersion !== NOTICE_VERSION) return familyFail('FAMILY.NOTICE_OUTDATED')
  const familyId = familyIdOf(cls._id, ctx.caller.openid)
  const existing = await findById<FamilyDoc>(ctx.db, F.families, familyId)
  if (existing?.status === 'active') return buildFamilyView(ctx, existing, cls)
  if (!(await nicknamesPass(ctx, input.children))) return familyFail('FAMILY.TEXT_REJECTED')

  const now = ctx.clock.now()
  const consent = { version: NOTICE_VERSION, at: now }
  await ctx.db.collection(F.consents).add({
    data: { familyId, classId: cls._id, openid: ctx.caller.openid, version: NOTICE_VERSION, noticeTitle: FAMILY_NOTICE.title, at: now },
  })
  const children = newChildren(input.children, now)
  if (existing) {
    // back after leaving: the same record, its history kept, the children new
    const { stats } = await ctx.db
      .collection(F.families)
      .where({ _id: familyId, status: 'left' })
      .update({ data: { status: 'active', consent, children: ctx.db.command.set(children), leftAt: null, updatedAt: now } })
    if (stats.updated === 1) await moveMembership(ctx, cls, { families: 1, children: children.length })
  } else {
    const family: FamilyDoc = {
      _id: familyId,
      classId: cls._id,
      schoolId: cls.schoolId,
      parentOpenid: ctx.caller.openid,
      consent,
      children,
      status: 'active',
      receipt: false,
      streak: 0,
      weeksDone: 0,
      lastDoneWeek: null,
      badges: [],
      pledge: null,
      joinedAt: now,
      leftAt: null,
      updatedAt: now,
    }
    try {
      await ctx.db.collection(F.families).add({ data: { ...family } })
      await moveMembership(ctx, cls, { families: 1, children: children.length })
    } catch (error) {
      // the same parent joined twice at once: the first one stands
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    }
  }
  await joinClassGroup(ctx, ctx.caller.openid, cls._id)
  const stored = await findById<FamilyDoc>(ctx.db, F.families, familyId)
  if (!stored) throw new Error('join: family vanished after it was written')
  return buildFamilyView(ctx, stored, cls)
}

const HOME_FAMILIES = 20

/** The caller's families, newest first: active ones and the history of archived classes. */
export async function home(ctx: ActionContext): Promise<FamilyHome> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(F.families)
    .where({ parentOpenid: ctx.caller.openid, status: _.in(['active', 'archived']) })
    .orderBy('joinedAt', 'desc')
    .limit(HOME_FAMILIES)
    .get()
  const families = data as unknown as FamilyDoc[]
  if (families.length === 0) return { families: [] }
  const { data: classes } = await ctx.db
    .collection(F.classes)
    .where({ _id: _.in([...new Set(families.map((f) => f.classId))]) })
    .limit(HOME_FAMILIES)
    .get()
  const byId = new Map((classes as unknown as ClassDoc[]).map((c) => [c._id, c]))
  const views: FamilyView[] = []
  for (const family of families) {
    const cls = byId.get(family.classId)
    if (cls) views.push(await buildFamilyView(ctx, family, cls))
  }
  return { families: views }
}

/** An active family of an active class, for a change to its children. */
async function changeableFamily(ctx: ActionContext, familyId: string): Promise<{ family: FamilyDoc; cls: ClassDoc } | Fail> {
  const found = await ownFamily(ctx, familyId)
  if ('ok' in found) return found
  if (found.cls.status !== 'active' || found.family.status === 'archived') return familyFail('FAMILY.CLASS_ARCHIVED')
  if (found.family.status !== 'active') return familyFail('FAMILY.NOT_FOUND')
  return found
}

/**
 * Changes a family's list of children by compare-and-set on the record as read, so two changes
 * at once cannot drop one or pass the limit; a lost race reads again and retries.
 */
async function changeChildren(
  ctx: ActionContext,
  familyId: string,
  change: (family: FamilyDoc, cls: ClassDoc) => Promise<{ children: ChildDoc[]; leaving: boolean } | Fail>,
): Promise<FamilyView | Fail> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await changeableFamily(ctx, familyId)
    if ('ok' in found) return found
    const { family, cls } = found
    const next = await change(family, cls)
    if ('ok' in next) return next
    const now = ctx.clock.now()
    const { stats } = await ctx.db
      .collection(F.families)
      .where({ _id: family._id, status: 'active', updatedAt: family.updatedAt })
      .update({
        data: {
          children: ctx.db.command.set(next.children),
          ...(next.leaving ? { status: 'left', leftAt: now } : {}),
          // a strictly later stamp, so the next compare-and-set sees this change
          updatedAt: Math.max(now, family.updatedAt + 1),
        },
      })
    if (stats.updated !== 1) continue
    const delta = next.children.length - family.children.length
    await moveMembership(ctx, cls, next.leaving ? { families: -1, children: delta } : { children: delta })
    if (next.leaving) await leaveClassGroup(ctx, family.parentOpenid, cls._id)
    const stored = await findById<FamilyDoc>(ctx.db, F.families, family._id)
    return buildFamilyView(ctx, stored ?? family, cls)
  }
  throw new Error('changeChildren: the family kept changing under us')
}

export async function addChild(input: { familyId: string; child: ChildInput }, ctx: ActionContext): Promise<FamilyView | Fail> {
  return changeChildren(ctx, input.familyId, async (family) => {
    // a child is only ever stored under a consent to the current notice
    if (family.consent.version !== NOTICE_VERSION) return familyFail('FAMILY.NOTICE_OUTDATED')
    if (family.children.length >= FAMILY_LIMITS.childrenPerFamily) return familyFail('FAMILY.TOO_MANY_CHILDREN')
    if (!(await nicknamesPass(ctx, [input.child]))) return familyFail('FAMILY.TEXT_REJECTED')
    return { children: [...family.children, ...newChildren([input.child], ctx.clock.now())], leaving: false }
  })
}

/**
 * Removes a child, and with it everything stored about the child (the nickname and grade in the
 * family's list are all there is). The last child's removal leaves the class: the family record
 * stays as the parent's history, marked left, and the class's figures drop it.
 */
export async function removeChild(input: { familyId: string; childId: string }, ctx: ActionContext): Promise<FamilyView | Fail> {
  return changeChildren(ctx, input.familyId, async (family) => {
    if (!family.children.some((c) => c.id === input.childId)) return familyFail('FAMILY.NOT_FOUND')
    const children = family.children.filter((c) => c.id !== input.childId)
    return { children, leaving: children.length === 0 }
  })
}
