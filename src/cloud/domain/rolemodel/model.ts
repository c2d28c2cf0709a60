import crypto from 'node:crypto'
import {
  ROLEMODEL_ERRORS,
  type ConsentStatus,
  type HonourMark,
  type NominationStatus,
  type RolemodelCategoryId,
  type RolemodelErrorCode,
  type RolemodelPlace,
  type RoundRules,
  type RoundResultView,
  type RoundStatus,
} from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'

/** The area's collections, named once. */
export const C = {
  nominations: 'rolemodel_nominations',
  nominees: 'rolemodel_nominees',
  consentCodes: 'rolemodel_consent_codes',
  rounds: 'rolemodel_rounds',
  candidates: 'rolemodel_candidates',
  voteKeys: 'rolemodel_vote_keys',
  voteDays: 'rolemodel_vote_days',
  ballots: 'rolemodel_ballots',
  voteHours: 'rolemodel_vote_hours',
  snapshots: 'rolemodel_snapshots',
  voids: 'rolemodel_voids',
  objections: 'rolemodel_objections',
  honours: 'rolemodel_honours',
  likes: 'rolemodel_likes',
  secrets: 'rolemodel_secrets',
  delegations: 'rolemodel_delegations',
} as const

export const rmFail = (code: RolemodelErrorCode, message: string = ROLEMODEL_ERRORS[code]): Fail => fail(code, message)

export const isDuplicate = (error: unknown) => error instanceof DatabaseError && error.code === DUPLICATE_KEY

export interface StoredPhoto {
  fileId: string
  /** the image content check's verdict: a held photo is never public, the office sees it marked */
  pass: boolean
  label: string | null
}

export interface HistoryEntry {
  at: number
  action: string
  note: string | null
}

export interface NominationDoc {
  _id: string
  nominatorOpenid: string
  /** office only */
  phone: string
  name: string
  /** the name without spaces or case, for merge suggestions */
  nameKey: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  account: string
  photos: StoredPhoto[]
  status: NominationStatus
  /** 需补充: what to add; 未采纳: why; 已合并 / 已获评: the explanation; what the nominator reads */
  officeNote: string | null
  honour: HonourMark | null
  nomineeId: string | null
  mergedInto: string | null
  mergedFrom: string[]
  history: HistoryEntry[]
  version: number
  createdAt: number
  updatedAt: number
}

export interface ConsentRecord {
  status: ConsentStatus
  /** when the nominee answered */
  at: number | null
  /** who answered: the openid that used the one-time code (the nominee's own WeChat) */
  openid: string | null
  /** hash of the code in force (null once used) */
  codeHash: string | null
  codeExpiresAt: number | null
}

export interface NomineeDoc {
  _id: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  story: string
  /** passed photos only: what the nominee agreed to show */
  photos: string[]
  nominationIds: string[]
  consent: ConsentRecord
  roundIds: string[]
  /** the round not yet closed that this person is a candidate in */
  activeRoundId: string | null
  chosen: boolean
  createdAt: number
  updatedAt: number
}

export interface ConsentCodeDoc {
  _id: string
  nomineeId: string
  expiresAt: number
  usedAt: number | null
}

export interface RoundDoc {
  _id: string
  title: string
  startAt: number
  endAt: number
  seats: number
  rules: RoundRules
  candidateIds: string[]
  /** stored: open until the office closes it; scheduled / ended are read off the clock */
  status: 'open' | 'closed'
  snapshotAt: number | null
  /** the Shanghai day of the last daily snapshot, so the timer takes one a day */
  snapshotDay: string | null
  /** a snapshot was taken after voting ended: residents see the final count as of the end */
  finalSnapshot: boolean
  result: RoundResultView | null
  createdBy: string
  createdAt: number
}

export interface CandidateDoc {
  _id: string
  roundId: string
  nomineeId: string
  order: number
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  story: string
  photos: string[]
  /** live valid votes, kept on write; never shown to residents while the round runs */
  votes: number
  voided: number
  snapshotVotes: number | null
  panelScore: number | null
  objections: number
}

export interface BallotDoc {
  _id: string
  roundId: string
  candidateId: string
  day: string
  hour: number
  at: number
  /** the voter's account was created within 24 hours of voting */
  fresh: boolean
  voided: boolean
}

export interface VoteHourDoc {
  _id: string
  roundId: string
  candidateId: string
  day: string
  hour: number
  /** valid votes */
  n: number
  /** valid votes from accounts created within 24 hours */
  fresh: number
  voided: number
}

export interface VoidDoc {
  _id: string
  roundId: string
  candidateId: string
  day: string
  fromHour: number
  toHour: number
  freshOnly: boolean
  voided: number
  reason: string
  by: string
  at: number
}

export interface ObjectionDoc {
  _id: string
  roundId: string
  candidateId: string
  objectorOpenid: string
  text: string
  phone: string | null
  createdAt: number
}

export interface HonourDoc {
  _id: string
  nomineeId: string
  roundId: string
  roundTitle: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  story: string
  photos: string[]
  likes: number
  honouredAt: number
}

// ---- time: days and hours are Asia/Shanghai (UTC+8, no daylight saving) ----

const SHANGHAI_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000

/** YYYY-MM-DD in Asia/Shanghai */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10)
}

export function shanghaiHour(ms: number): number {
  return new Date(ms + SHANGHAI_MS).getUTCHours()
}

/** UTC ms of 00:00 Shanghai on `day` */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS
}

export function roundStatusAt(round: Pick<RoundDoc, 'status' | 'startAt' | 'endAt'>, now: number): RoundStatus {
  if (round.status === 'closed') return 'closed'
  if (now < round.startAt) return 'scheduled'
  return now < round.endAt ? 'open' : 'ended'
}

// ---- ids ----

export const sha = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)

export const candidateDocId = (roundId: string, nomineeId: string) => `${roundId}__${nomineeId}`
export const voteHourId = (roundId: string, candidateId: string, day: string, hour: number) =>
  `${roundId}__${candidateId}__${day}__${String(hour).padStart(2, '0')}`

/**
 * The server secret behind voters' one-way tokens. `VOTE_SECRET` (set on the function) wins;
 * otherwise each database makes its own on first use. Without the secret, a token cannot be
 * recomputed from an openid, so the stored keys and counters say nothing about who voted.
 */
const SECRET_ID = 'vote'
const secretCache = new WeakMap<Database, string>()

export async function voteSecret(ctx: ActionContext): Promise<string> {
  const configured = process.env.VOTE_SECRET
  if (configured && configured.length >= 16) return configured
  const cached = secretCache.get(ctx.db)
  if (cached) return cached
  let stored = await findById<{ _id: string; value: string }>(ctx.db, C.secrets, SECRET_ID)
  if (!stored) {
    const value = crypto.randomBytes(32).toString('base64url')
    try {
      await ctx.db.collection(C.secrets).add({ data: { _id: SECRET_ID, value, createdAt: ctx.clock.now() } })
      stored = { _id: SECRET_ID, value }
    } catch (error) {
      if (!isDuplicate(error)) throw error
      stored = await findById<{ _id: string; value: string }>(ctx.db, C.secrets, SECRET_ID)
      if (!stored) throw error
    }
  }
  secretCache.set(ctx.db, stored.value)
  return stored.value
}

/** A one-way token of the caller and `parts` under the server secret. */
export function voterToken(secret: string, openid: string, ...parts: string[]): string {
  return crypto.createHmac('sha256', secret).update([openid, ...parts].join('\n')).digest('base64url').slice(0, 32)
}

/** Every page of a query on an index, 100 at a time, for reads bounded by the data (a round's candidates, a day's hours). */
export async function readAll<T>(ctx: Pick<ActionContext, 'db'>, collection: string, where: Record<string, unknown>, orderField: string): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await ctx.db.collection(collection).where(where).orderBy(orderField, 'asc').skip(skip).limit(100).get()
    out.push(...(data as unknown as T[]))
    if (data.length < 100) return out
  }
}
