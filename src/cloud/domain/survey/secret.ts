import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { SURVEY_LIMITS } from '@/shared/contract/survey'
import { S } from './model'

/**
 * The server secret behind the one-way answer tokens and the start tokens. `SURVEY_SECRET` (set
 * on the cloud function) wins; without it each database gets its own random secret, created on
 * first use in `survey_secrets`, which nothing returns to a client. Without the secret, a token
 * cannot be computed from an openid, so the token collection says nothing about who answered.
 */
const SECRET_ID = 'survey'
const cache = new WeakMap<Database, string>()

export async function surveySecret(ctx: ActionContext): Promise<string> {
  const configured = process.env.SURVEY_SECRET
  if (configured && configured.length >= 16) return configured
  const cached = cache.get(ctx.db)
  if (cached) return cached
  let stored = await findById<{ _id: string; value: string }>(ctx.db, S.secrets, SECRET_ID)
  if (!stored) {
    const value = randomBytes(32).toString('base64url')
    try {
      await ctx.db.collection(S.secrets).add({ data: { _id: SECRET_ID, value } })
      stored = { _id: SECRET_ID, value }
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      stored = await findById<{ _id: string; value: string }>(ctx.db, S.secrets, SECRET_ID)
      if (!stored) throw error
    }
  }
  cache.set(ctx.db, stored.value)
  return stored.value
}

/** HMAC(secret, 'answer' ‖ openid ‖ surveyId): the only trace of a person having answered. */
export function answerToken(secret: string, openid: string, surveyId: string): string {
  return createHmac('sha256', secret).update(`answer\n${openid}\n${surveyId}`).digest('base64url')
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`start\n${body}`).digest('base64url').slice(0, 22)

/** `surveyId.issuedAtSeconds.signature`: names no person; the server reads the answering time from it. */
export function startToken(secret: string, surveyId: string, now: number): string {
  const body = `${surveyId}.${Math.floor(now / 1000)}`
  return `${body}.${sign(secret, body)}`
}

/** The issue time (ms) of a start token for this survey, or null when forged, foreign or too old. */
export function readStartToken(secret: string, token: string, surveyId: string, now: number): number | null {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== surveyId || !/^\d{1,12}$/.test(parts[1])) return null
  const expected = Buffer.from(sign(secret, `${parts[0]}.${parts[1]}`))
  const given = Buffer.from(parts[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  const issuedAt = Number(parts[1]) * 1000
  if (issuedAt > now + 60_000 || now - issuedAt > SURVEY_LIMITS.startTokenHours * 3600_000) return null
  return issuedAt
}
