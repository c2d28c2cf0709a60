import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { Platform } from '../../platform'
import { C, findMany, type ActivityDoc, type ShiftDoc, type SignupDoc } from '../volunteer/model'
import { notifyReminder } from '../volunteer/notify'
import { shanghaiDay } from '../volunteer/time'
import { N } from './model'

const HOUR_MS = 60 * 60 * 1000
const PAGE = 100

/** The per-signup mark: whoever adds it sends the reminder; a second add is DUPLICATE_KEY. */
const markId = (signupId: string) => `shiftReminder:${signupId}`

async function claim(platform: Platform, signupId: string, at: number): Promise<boolean> {
  try {
    await platform.db.collection(N.marks).add({ data: { _id: markId(signupId), kind: 'shiftReminder', at } })
    return true
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return false
    throw error
  }
}

/** Shifts starting in (now, now + 1 h], a page at a time by (startAt, _id) on the by_day index. */
async function* comingShifts(platform: Platform, now: number): AsyncGenerator<ShiftDoc> {
  const _ = platform.db.command
  const until = now + HOUR_MS
  // the hour ahead may cross midnight in Shanghai: the list index is by day
  const base = { status: 'open', day: _.in([...new Set([shanghaiDay(now + 1), shanghaiDay(until)])]) }
  const read = async (where: Record<string, unknown>) =>
    (await platform.db.collection(C.shifts).where({ ...base, ...where }).orderBy('startAt', 'asc').orderBy('_id', 'asc').limit(PAGE).get())
      .data as unknown as ShiftDoc[]
  let page = await read({ startAt: _.gt(now).and(_.lte(until)) })
  for (;;) {
    for (const shift of page) yield shift
    const last = page[page.length - 1]
    if (page.length < PAGE || !last) return
    // the next page: shifts starting with the last one after it by _id, then the later ones
    const ties = await read({ startAt: last.startAt, _id: _.gt(last._id) })
    page = ties.length === PAGE ? ties : [...ties, ...(await read({ startAt: _.gt(last.startAt).and(_.lte(until)) })).slice(0, PAGE - ties.length)]
  }
}

/** The shift's volunteers holding a place, a page of 100 at a time in queue order. */
async function* placesOf(platform: Platform, shiftId: string): AsyncGenerator<SignupDoc[]> {
  const _ = platform.db.command
  let after: string | null = null
  for (;;) {
    const { data } = await platform.db
      .collection(C.signups)
      .where({ shiftId, state: 'signed', ...(after ? { queueKey: _.gt(after) } : {}) })
      .orderBy('queueKey', 'asc')
      .limit(PAGE)
      .get()
    const page = data as unknown as SignupDoc[]
    if (page.length) yield page
    if (page.length < PAGE) return
    after = page[page.length - 1].queueKey
  }
}

/**
 * 活动开始提醒: each volunteer holding a place on a shift that starts within the hour is sent one
 * reminder. Running twice sends once: a signup's reminder is sent only by the run that adds its
 * mark. A run cut short (a timeout) leaves the unmarked for the next run, which reads past the
 * marked ones a page at a time.
 */
export async function remindShifts(platform: Platform): Promise<{ shifts: number; reminded: number }> {
  const now = platform.clock.now()
  let shifts = 0
  let reminded = 0
  const activities = new Map<string, ActivityDoc | null>()
  for await (const shift of comingShifts(platform, now)) {
    shifts++
    if (!activities.has(shift.activityId)) {
      const found = await findMany<ActivityDoc>(platform.db, C.activities, [shift.activityId])
      activities.set(shift.activityId, found.get(shift.activityId) ?? null)
    }
    const activity = activities.get(shift.activityId)
    if (!activity || activity.status !== 'published') continue
    for await (const page of placesOf(platform, shift._id)) {
      // one read tells which of the page were reminded already; only the rest try to claim
      const { data: marked } = await platform.db
        .collection(N.marks)
        .where({ _id: platform.db.command.in(page.map((s) => markId(s._id))) })
        .limit(PAGE)
        .field({ _id: true })
        .get()
      const done = new Set(marked.map((m) => m._id))
      for (const signup of page) {
        if (done.has(markId(signup._id))) continue
        if (!(await claim(platform, signup._id, now))) continue
        await notifyReminder(platform, signup.openid, activity, shift)
        reminded++
      }
    }
  }
  if (reminded) platform.log.info('notify: shift reminders', { shifts, reminded })
  return { shifts, reminded }
}
