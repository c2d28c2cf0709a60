import type { MeView, UserSettings } from '@/shared/contract'
import { USER_ERRORS } from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'

/** One document per person; `_id` is the openid so "my profile" is a key lookup. */
export interface UserDoc {
  _id: string
  nickname: string
  settings: UserSettings
  /** balance of the points ledger, kept on write */
  points: number
  createdAt: number
  updatedAt: number
}

export const DEFAULT_NICKNAME = '文明市民'
const DEFAULT_SETTINGS: UserSettings = { largeText: false }

/** The caller's profile, created on first sight. Two first calls at once create one document. */
export async function ensureUser(ctx: ActionContext): Promise<UserDoc> {
  const existing = await findById<UserDoc>(ctx.db, 'users', ctx.caller.openid)
  if (existing) return existing
  const now = ctx.clock.now()
  const fresh: UserDoc = {
    _id: ctx.caller.openid,
    nickname: DEFAULT_NICKNAME,
    settings: DEFAULT_SETTINGS,
    points: 0,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await ctx.db.collection('users').add({ data: { ...fresh } })
    return fresh
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    const raced = await findById<UserDoc>(ctx.db, 'users', ctx.caller.openid)
    if (!raced) throw error
    return raced
  }
}

export function toMeView(user: UserDoc, ctx: ActionContext): MeView {
  return {
    userId: user._id,
    nickname: user.nickname,
    roles: [...ctx.grants],
    isAdmin: ctx.isAdmin,
    points: user.points,
    settings: { ...DEFAULT_SETTINGS, ...user.settings },
    createdAt: user.createdAt,
  }
}

export async function getMe(ctx: ActionContext): Promise<MeView> {
  return toMeView(await ensureUser(ctx), ctx)
}

export async function updateProfile(
  patch: { nickname?: string; settings?: Partial<UserSettings> },
  ctx: ActionContext,
): Promise<MeView | Fail> {
  // The nickname is shown to others (leaderboards, classes): it passes the content check first.
  if (patch.nickname !== undefined) {
    const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: patch.nickname, scene: 'profile' })
    if (!verdict.pass) return fail('USER.NICKNAME_REJECTED', USER_ERRORS['USER.NICKNAME_REJECTED'])
  }
  const user = await ensureUser(ctx)
  const changes: Record<string, unknown> = { updatedAt: ctx.clock.now() }
  if (patch.nickname !== undefined) changes.nickname = patch.nickname
  // Dotted keys so one setting changes without replacing the others.
  for (const [key, value] of Object.entries(patch.settings ?? {})) {
    if (value !== undefined) changes[`settings.${key}`] = value
  }
  await ctx.db.collection('users').doc(user._id).update({ data: changes })
  const updated = await findById<UserDoc>(ctx.db, 'users', user._id)
  return toMeView(updated ?? user, ctx)
}
