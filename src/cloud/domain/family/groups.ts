import type { ActionContext } from '../../runtime/context'
import { ensureUser, type UserDoc } from '../user/profile'
import { findById } from '../../platform/find'

/**
 * A parent in a class is on the class's quiz board (我的班级): the quiz area reads the groups a
 * person is on from `users.groupIds`, and this area owns the class ids in it.
 */
export async function joinClassGroup(ctx: ActionContext, openid: string, classId: string): Promise<void> {
  if (openid === ctx.caller.openid) await ensureUser(ctx)
  const _ = ctx.db.command
  await ctx.db.collection('users').where({ _id: openid }).update({ data: { groupIds: _.addToSet(classId) } })
}

export async function leaveClassGroup(ctx: ActionContext, openid: string, classId: string): Promise<void> {
  const user = await findById<UserDoc & { groupIds?: unknown }>(ctx.db, 'users', openid)
  const groupIds = Array.isArray(user?.groupIds) ? user.groupIds.filter((g): g is string => typeof g === 'string') : []
  if (!groupIds.includes(classId)) return
  await ctx.db
    .collection('users')
    .doc(openid)
    .update({ data: { groupIds: ctx.db.command.set(groupIds.filter((g) => g !== classId)) } })
}
