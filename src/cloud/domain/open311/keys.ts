import crypto from 'node:crypto'
import { OPEN311_ERRORS, type IssuedOpen311KeyView, type Open311ErrorCode, type Open311KeyView } from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'
import type { Platform } from '../../platform'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'

/**
 * Partner keys for Open311. A key is 32 random bytes, so a plain SHA-256 of it is enough to store
 * (a slow password hash guards guessable secrets; nobody guesses 256 random bits) and lets a
 * request find its key with one indexed lookup.
 */
export interface Open311KeyDoc {
  _id: string
  hash: string
  partner: string
  prefix: string
  createdAt: number
  createdBy: string
  revokedAt: number | null
}

export interface Partner {
  keyId: string
  name: string
}

/** GeoReport's limit is the provider's to set: a hotline forwarding by hand stays far below 60 a minute. */
export const OPEN311_RATE = { perMinute: 60, windowMs: 60_000 } as const

const KEY_PREFIX = 'wm311_'
const hashOf = (key: string) => crypto.createHash('sha256').update(key).digest('hex')
const open311Fail = (code: Open311ErrorCode): Fail => fail(code, OPEN311_ERRORS[code])

const toView = (k: Open311KeyDoc): Open311KeyView => ({ id: k._id, partner: k.partner, prefix: k.prefix, createdAt: k.createdAt, revokedAt: k.revokedAt })

export async function issueKey(input: { partner: string }, ctx: ActionContext): Promise<IssuedOpen311KeyView> {
  const key = `${KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`
  const doc: Open311KeyDoc = {
    _id: crypto.randomBytes(8).toString('hex'),
    hash: hashOf(key),
    partner: input.partner,
    prefix: key.slice(0, KEY_PREFIX.length + 4),
    createdAt: ctx.clock.now(),
    createdBy: ctx.caller.openid,
    revokedAt: null,
  }
  await ctx.db.collection('open311_keys').add({ data: { ...doc } })
  // the audit names the key by its id and prefix: the key itself is in no record anywhere
  await writeAudit(ctx, { subjectType: 'open311_key', subjectId: doc._id, action: 'issueKey', detail: { partner: doc.partner, prefix: doc.prefix } })
  return { ...toView(doc), key }
}

export async function listKeys(ctx: ActionContext): Promise<Open311KeyView[]> {
  // a city has a handful of partners; 100 is far more than it will issue
  const { data } = await ctx.db.collection('open311_keys').orderBy('createdAt', 'desc').limit(100).get()
  return (data as unknown as Open311KeyDoc[]).map(toView)
}

export async function revokeKey(input: { keyId: string }, ctx: ActionContext): Promise<Open311KeyView | Fail> {
  const now = ctx.clock.now()
  const { stats } = await ctx.db.collection('open311_keys').where({ _id: input.keyId, revokedAt: null }).update({ data: { revokedAt: now } })
  const doc = await findById<Open311KeyDoc>(ctx.db, 'open311_keys', input.keyId)
  if (!doc) return open311Fail('OPEN311.KEY_NOT_FOUND')
  // revoking twice is not a second event
  if (stats.updated === 1) await writeAudit(ctx, { subjectType: 'open311_key', subjectId: doc._id, action: 'revokeKey', detail: { partner: doc.partner, prefix: doc.prefix } })
  return toView(doc)
}

/** The partner a presented key belongs to; 'wrong' covers unknown and revoked keys alike. */
export async function partnerOf(platform: Platform, key: string): Promise<Partner | 'wrong'> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return 'wrong'
  const { data } = await platform.db.collection('open311_keys').where({ hash: hashOf(key) }).limit(1).get()
  const doc = (data as unknown as Open311KeyDoc[])[0]
  return doc && doc.revokedAt === null ? { keyId: doc._id, name: doc.partner } : 'wrong'
}

/**
 * Takes one of this minute's requests for the key: a conditional increment below the limit on the
 * key-minute's counter, creating it on first use (the same shape as the daily report limit).
 */
export async function takeRequest(platform: Platform, keyId: string): Promise<boolean> {
  const _ = platform.db.command
  const now = platform.clock.now()
  const minute = Math.floor(now / OPEN311_RATE.windowMs)
  const id = `${keyId}__${minute}`
  const counters = platform.db.collection('open311_rate')
  for (let attempt = 0; attempt < 2; attempt++) {
    const { stats } = await counters.where({ _id: id, n: _.lt(OPEN311_RATE.perMinute) }).update({ data: { n: _.inc(1) } })
    if (stats.updated === 1) return true
    if (await findById(platform.db, 'open311_rate', id)) return false
    try {
      // kept a day after its minute, for a look at a partner's traffic; then any sweep may drop it
      await counters.add({ data: { _id: id, n: 1, expiresAt: (minute + 1) * OPEN311_RATE.windowMs + 24 * 60 * 60 * 1000 } })
      return true
    } catch (error) {
      // another request of the same minute created the counter first: increment it instead
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    }
  }
  return false
}
