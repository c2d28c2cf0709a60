import type { ReportView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DOCUMENT_NOT_FOUND, type Transaction } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import type { Platform } from '../../platform'
import { reportFail, shanghaiDay } from './errors'
import type { ReportDoc } from './types'
import { toView, viewerOf } from './views'

/**
 * 受理编号: the number people read out on the phone, SSP-20261201-0042 — 随手拍, the Beijing day
 * the report arrived, that day's sequence. One counter document per day, taken inside the same
 * transaction that stores the report: a submit that fails (a duplicate of a retried submit, a
 * photo taken by a racing submit) rolls the counter back with it, so the day's numbers run
 * 1, 2, 3 … without gaps and no two reports share one. Partner (Open311) reports draw from the
 * same counter with the same prefix: the hotline operator and the grid worker read one shape of
 * number, and where a report came from is its `source`, not its number.
 */
export const TICKET_PREFIX = 'SSP'
/** the shape of a ticket number; more than 9999 in a day simply grows a digit */
export const TICKET_PATTERN = /^SSP-\d{8}-\d{4,6}$/

export const COUNTERS = 'ticket_counters'
export const BACKFILL = 'ticket_backfill'

async function txFind<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    return (await tx.collection(collection).doc(id).get()).data as unknown as T
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DOCUMENT_NOT_FOUND) return null
    throw error
  }
}

interface CounterDoc {
  _id: string
  n: number
  updatedAt: number
}

/**
 * The next value of a named counter, inside a transaction the caller holds. Read then set (not
 * `_.inc`): the caller needs the value to write it into the document it is storing, and a cloud
 * update does not return the new value; the transaction makes the read-and-set atomic.
 */
export async function nextInTransaction(tx: Transaction, counterId: string, now: number): Promise<number> {
  const current = await txFind<CounterDoc>(tx, COUNTERS, counterId)
  const n = (current?.n ?? 0) + 1
  await tx.collection(COUNTERS).doc(counterId).set({ data: { n, updatedAt: now } })
  return n
}

/** The next value of a counter on its own (certificates, posters, seeded reports): a transaction of one. */
export function nextNumber(platform: Platform, counterId: string): Promise<number> {
  return platform.db.runTransaction((tx) => nextInTransaction(tx, counterId, platform.clock.now()))
}

export const ticketCounterId = (day: string) => `${TICKET_PREFIX}:${day}`

/**
 * 证书编号 ZS-2026-000123: volunteer certificates, numbered per Beijing year. A number to name the
 * certificate by, beside its random 查验码 — the code stays the proof, since a sequence is guessable.
 */
export async function takeCertificateNo(tx: Transaction, now: number): Promise<string> {
  const year = shanghaiDay(now).slice(0, 4)
  return `ZS-${year}-${String(await nextInTransaction(tx, `ZS:${year}`, now)).padStart(6, '0')}`
}

/** 公益广告编号 HB-0042: one sequence for all the city's posters (a few hundred, never per day). */
export async function takePosterNo(tx: Transaction, now: number): Promise<string> {
  return `HB-${String(await nextInTransaction(tx, 'HB', now)).padStart(4, '0')}`
}

export function formatTicket(day: string, seq: number): string {
  return `${TICKET_PREFIX}-${day}-${String(seq).padStart(4, '0')}`
}

/** A ticket number for a report arriving at `at` (UTC ms), counted on that Beijing day. */
export async function takeTicketNo(tx: Transaction, at: number, now: number): Promise<string> {
  const day = shanghaiDay(at)
  return formatTicket(day, await nextInTransaction(tx, ticketCounterId(day), now))
}

/** What people type: spaces and lower case forgiven, as on the phone. */
export function normalizeTicket(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '')
}

/**
 * 按编号查找: an exact match through the unique index on ticketNo. Whoever may not see the
 * report in staff or reporter terms is told it does not exist, as `get` does — a grid worker
 * finds their grid's, a handler their unit's, the office any, a resident only their own (not
 * a public or confirmed one: a number is not a way to browse other people's reports).
 */
export async function byTicket(input: { ticketNo: string }, ctx: ActionContext): Promise<ReportView | Fail> {
  const ticketNo = normalizeTicket(input.ticketNo)
  const { data } = await ctx.db.collection('reports').where({ ticketNo }).limit(1).get()
  const report = (data[0] as unknown as ReportDoc | undefined) ?? null
  const viewer = report ? await viewerOf(report, ctx) : null
  if (!report || !viewer || viewer === 'public' || viewer === 'confirmer') return reportFail('REPORT.NOT_FOUND')
  return toView(report, viewer, ctx)
}

const PAGE = 100
const MAX_PAGES = 20
const BACKFILL_ID = 'reports'

interface BackfillDoc {
  _id: string
  /** the last report id handled; pages go by _id, the one order every stored report has */
  after: string
  done: boolean
  numbered: number
  updatedAt: number
}

/**
 * Reports stored before ticket numbers existed get one, numbered on the Beijing day they arrived
 * (after whatever that day's counter already gave out). A timer job: pages of 100 in _id order
 * from a cursor document, so a run that stops part-way resumes where it was; each report is
 * numbered in a transaction that re-reads it, so two runs (or a retry) never number one twice.
 * Once it has walked the collection it marks itself done and each later run is one read —
 * everything stored since carries a number from its own submit. Until a report is reached its
 * views show the old eight-character fragment (see `ticketOf` in views.ts).
 */
export async function backfillTicketNumbers(platform: Platform): Promise<void> {
  const _ = platform.db.command
  const cursor = (await readCursor(platform)) ?? { _id: BACKFILL_ID, after: '', done: false, numbered: 0, updatedAt: 0 }
  if (cursor.done) return
  let { after, numbered } = cursor
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await platform.db.collection('reports').where({ _id: _.gt(after) }).orderBy('_id', 'asc').limit(PAGE).get()
    const reports = data as unknown as ReportDoc[]
    for (const report of reports) {
      if (report.ticketNo) continue
      const given = await platform.db.runTransaction(async (tx) => {
        const current = await txFind<ReportDoc>(tx, 'reports', report._id)
        if (!current || current.ticketNo) return false
        const ticketNo = await takeTicketNo(tx, current.createdAt, platform.clock.now())
        await tx.collection('reports').doc(report._id).update({ data: { ticketNo } })
        return true
      })
      if (given) numbered++
    }
    if (reports.length) after = reports[reports.length - 1]._id
    const done = reports.length < PAGE
    await platform.db.collection(BACKFILL).doc(BACKFILL_ID).set({ data: { after, done, numbered, updatedAt: platform.clock.now() } })
    if (done) return
  }
}

async function readCursor(platform: Platform): Promise<BackfillDoc | null> {
  const { data } = await platform.db.collection(BACKFILL).where({ _id: BACKFILL_ID }).limit(1).get()
  return (data[0] as unknown as BackfillDoc | undefined) ?? null
}
