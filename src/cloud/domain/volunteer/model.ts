import { randomBytes, randomInt } from 'node:crypto'
import type {
  ActivityType,
  CancelReason,
  IdType,
  MinuteSource,
  NoShowReason,
  PlaceView,
  SignupState,
} from '@/shared/contract/volunteer'
import { VOLUNTEER_ERRORS, type VolunteerErrorCode } from '@/shared/contract/volunteer'
import { fail, type Fail } from '@/shared/errors'
import type { Database } from '../../platform/database'
import type { Interval } from './hours'

/** The collections of this area (declared in platform/collections.ts). */
export const C = {
  profiles: 'volunteer_profiles',
  teams: 'volunteer_teams',
  activities: 'volunteer_activities',
  shifts: 'volunteer_shifts',
  signups: 'volunteer_signups',
  attempts: 'volunteer_attempts',
  certificates: 'volunteer_certificates',
  secrets: 'volunteer_secrets',
  settings: 'volunteer_settings',
  requests: 'request_log',
} as const

export const vFail = (code: VolunteerErrorCode, detail?: string): Fail =>
  fail(code, detail ? `${VOLUNTEER_ERRORS[code]}（${detail}）` : VOLUNTEER_ERRORS[code])

/** One document per volunteer; `_id` is the openid. */
export interface ProfileDoc {
  _id: string
  realName: string
  idType: IdType
  idNumber: string
  phone: string
  consentAt: number
  consentVersion: string
  /** kept on write when hours are confirmed or adjusted */
  confirmedMinutes: number
  confirmedCount: number
  /** a short per-person lock: one person's sign-ups and cancellations run one at a time */
  lockedUntil: number
  certificateId: string | null
  certificateMinutes: number
  certificateCount: number
  createdAt: number
  updatedAt: number
}

export interface TeamDoc {
  _id: string
  name: string
}

export interface ActivityDoc {
  _id: string
  teamId: string
  teamName: string
  type: ActivityType
  title: string
  description: string
  place: PlaceView
  geofenceRadiusM: number
  coverFileId: string | null
  status: 'published' | 'cancelled'
  shiftCount: number
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface ShiftDoc {
  _id: string
  activityId: string
  teamId: string
  /** copied from the activity so the list query is one indexed read */
  type: ActivityType
  /** Shanghai day of the start, for the list by date */
  day: string
  /** grid cell of the place, for "near me" */
  cell: string
  startAt: number
  endAt: number
  capacity: number
  /** places taken, changed only by conditional `_.inc` */
  taken: number
  /** people on the waitlist, changed only by `_.inc` */
  waiting: number
  checkInOpensMinutes: number
  /** 亲子 shift (absent on shifts stored before the flag: not a family shift) */
  family?: boolean
  status: 'open' | 'cancelled'
  /** set once the shift has been swept after its end + grace */
  closed: boolean
  createdAt: number
  updatedAt: number
}

export interface Punch {
  at: number
  source: MinuteSource
}

export interface Adjustment {
  at: number
  by: string
  fromMinutes: number
  toMinutes: number
  reason: string
}

export interface SignupDoc {
  _id: string
  shiftId: string
  activityId: string
  teamId: string
  openid: string
  /** copied from the shift: overlap checks and "my upcoming" read them by index */
  startAt: number
  endAt: number
  state: SignupState
  /** arrival order: the waitlist is promoted in this order */
  queueKey: string
  requestId: string
  noShowReason: NoShowReason | null
  cancelReason: CancelReason | null
  checkIn: Punch | null
  checkOut: Punch | null
  autoClosed: boolean
  /** minutes from check-in/out alone */
  computedMinutes: number
  /** credited minutes after adjustments */
  minutes: number
  /** the credited periods behind `minutes`: never overlapping another record of the person */
  periods: Interval[]
  adjustments: Adjustment[]
  confirmedAt: number | null
  confirmedBy: string | null
  promotedAt: number | null
  createdAt: number
  updatedAt: number
}

/** States that hold (or wait for) a place and so block overlapping sign-ups. */
export const ACTIVE_STATES: readonly SignupState[] = ['waitlisted', 'signed', 'checkedIn', 'checkedOut', 'confirmed']
/** States whose minutes are credited to the person. */
export const CREDITED_STATES: readonly SignupState[] = ['checkedOut', 'confirmed']

export async function findDoc<T extends { _id: string }>(db: Database, collection: string, id: string): Promise<T | null> {
  const { data } = await db.collection(collection).where({ _id: id }).limit(1).get()
  return (data[0] as unknown as T | undefined) ?? null
}

export async function findMany<T extends { _id: string }>(db: Database, collection: string, ids: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)]
  const out = new Map<string, T>()
  for (let i = 0; i < unique.length; i += 100) {
    const slice = unique.slice(i, i + 100)
    const { data } = await db.collection(collection).where({ _id: db.command.in(slice) }).limit(100).get()
    for (const doc of data) out.set(doc._id, doc as unknown as T)
  }
  return out
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function randomId(length: number, alphabet = BASE62): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

export const newActivityId = () => randomBytes(8).toString('hex')
/** 8 characters: the scene `c<shiftId>.<token>` must stay within 32 */
export const newShiftId = () => randomId(8)
export const newSignupId = () => randomBytes(10).toString('hex')

let sequence = 0
/**
 * Arrival order that sorts as a string: the server time, then a per-instance counter (so calls in
 * the same millisecond keep the order they reached this line), then a random tail that keeps two
 * instances from colliding.
 */
export function nextQueueKey(now: number): string {
  sequence = (sequence + 1) % 36 ** 5
  return `${String(now).padStart(15, '0')}${sequence.toString(36).padStart(5, '0')}${randomId(4)}`
}
