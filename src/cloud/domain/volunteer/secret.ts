import { randomBytes } from 'node:crypto'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { C, findDoc } from './model'

/**
 * The server secret behind check-in tokens. `CHECKIN_SECRET` (set on the cloud function) wins;
 * without it, each database gets its own random secret, created on first use and stored in
 * `volunteer_secrets`, which nothing ever returns to a client. Two first uses at once agree: the
 * fixed `_id` lets only one of them be written, and the other reads it back.
 */
const SECRET_ID = 'checkin'
const cache = new WeakMap<Database, string>()

interface SecretDoc {
  _id: string
  value: string
}

export async function checkinSecret(ctx: ActionContext): Promise<string> {
  const configured = process.env.CHECKIN_SECRET
  if (configured && configured.length >= 16) return configured
  const cached = cache.get(ctx.db)
  if (cached) return cached
  let stored = await findDoc<SecretDoc>(ctx.db, C.secrets, SECRET_ID)
  if (!stored) {
    const value = randomBytes(32).toString('base64url')
    try {
      await ctx.db.collection(C.secrets).add({ data: { _id: SECRET_ID, value, createdAt: ctx.clock.now() } })
      stored = { _id: SECRET_ID, value }
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      stored = await findDoc<SecretDoc>(ctx.db, C.secrets, SECRET_ID)
      if (!stored) throw error
    }
  }
  cache.set(ctx.db, stored.value)
  return stored.value
}
