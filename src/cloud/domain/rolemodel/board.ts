import type { BoardView, HonourView, LikeResultView, RolemodelCategoryId } from '@/shared/contract'
import { ROLEMODEL_LIMITS } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { keysetPage } from '../report/paging'
import { C, isDuplicate, rmFail, sha, type HonourDoc } from './model'
import { honourView, urlsOf } from './views'

const likeId = (honourId: string, openid: string) => sha('like', honourId, openid)

async function likedByCaller(ctx: ActionContext, honourIds: string[]): Promise<Set<string>> {
  if (honourIds.length === 0) return new Set()
  const ids = new Map(honourIds.map((h) => [likeId(h, ctx.caller.openid), h]))
  const { data } = await ctx.db.collection(C.likes).where({ _id: ctx.db.command.in([...ids.keys()]) }).limit(100).get()
  return new Set(data.map((d) => ids.get(d._id) ?? ''))
}

/** 好人榜: the chosen, newest first, optionally of one category; likes are counted on write. */
export async function board(input: { categoryId?: RolemodelCategoryId; cursor?: string }, ctx: ActionContext): Promise<BoardView> {
  const page = await keysetPage<HonourDoc>(ctx.db, {
    collection: C.honours,
    where: input.categoryId ? { categoryId: input.categoryId } : {},
    field: 'honouredAt',
    order: 'desc',
    pageSize: ROLEMODEL_LIMITS.pageSize,
    cursor: input.cursor,
  })
  const urls = await urlsOf(ctx, page.docs.flatMap((d) => d.photos))
  const liked = await likedByCaller(ctx, page.docs.map((d) => d._id))
  return { items: page.docs.map((d) => honourView(d, urls, liked.has(d._id))), nextCursor: page.next }
}

export async function honour(input: { honourId: string }, ctx: ActionContext): Promise<HonourView | Fail> {
  const doc = await findById<HonourDoc>(ctx.db, C.honours, input.honourId)
  if (!doc) return rmFail('ROLEMODEL.HONOUR_NOT_FOUND')
  const urls = await urlsOf(ctx, doc.photos)
  const liked = await likedByCaller(ctx, [doc._id])
  return honourView(doc, urls, liked.has(doc._id))
}

/** 点赞: once per person per honour; the like's key is unique, so a second tap counts nothing. */
export async function like(input: { honourId: string }, ctx: ActionContext): Promise<LikeResultView | Fail> {
  const doc = await findById<HonourDoc>(ctx.db, C.honours, input.honourId)
  if (!doc) return rmFail('ROLEMODEL.HONOUR_NOT_FOUND')
  try {
    await ctx.db.collection(C.likes).add({ data: { _id: likeId(doc._id, ctx.caller.openid), honourId: doc._id, at: ctx.clock.now() } })
    await ctx.db.collection(C.honours).doc(doc._id).update({ data: { likes: ctx.db.command.inc(1) } })
  } catch (error) {
    if (!isDuplicate(error)) throw error
  }
  const after = await findById<HonourDoc>(ctx.db, C.honours, doc._id)
  return { honourId: doc._id, likes: after?.likes ?? doc.likes, likedByMe: true }
}
