import type {
  ActivityDetailView,
  ActivityListView,
  ActivityType,
  PlaceView,
  ShiftView,
  TeamActivitiesView,
} from '@/shared/contract/volunteer'
import { VOLUNTEER_LIMITS } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { writeAudit } from '../audit'
import { claimImage, takeReservations, uploadFail } from '../upload/reservations'
import { cellOf, cellsAround, metresBetween } from './geo'
import {
  C,
  findDoc,
  findMany,
  newActivityId,
  newShiftId,
  vFail,
  type ActivityDoc,
  type ShiftDoc,
  type SignupDoc,
  type TeamDoc,
} from './model'
import { notifyCancelled, notifyChanged } from './notify'
import { loadSettings } from './settings'
import { fillFreePlaces, findShift, waitlistPosition } from './signup'
import { shanghaiDay } from './time'
import { coverUrls, toCardView, toShiftView } from './views'

const LIST_PAGE = 20
const TEAM_PAGE = 10

export interface ShiftInput {
  startAt: number
  endAt: number
  capacity: number
  checkInOpensMinutes?: number
  family?: boolean
}

export interface PublishInput {
  teamId: string
  type: ActivityType
  title: string
  description: string
  place: PlaceView
  geofenceRadiusM: number
  coverFileId?: string
  shifts: ShiftInput[]
}

/** Organizer actions act on their own team only: the `organizer` grant scoped to the team id. */
export function isTeamOrganizer(ctx: ActionContext, teamId: string): boolean {
  return hasRole(ctx.grants, 'organizer', teamId)
}

/** The activity and shift an organizer acts on, or the failure to return. */
export async function managedShift(ctx: ActionContext, shiftId: string): Promise<{ shift: ShiftDoc; activity: ActivityDoc } | Fail> {
  const shift = await findShift(ctx, shiftId)
  if (!shift) return vFail('VOLUNTEER.SHIFT_NOT_FOUND')
  if (!isTeamOrganizer(ctx, shift.teamId)) return vFail('VOLUNTEER.NOT_TEAM_ORGANIZER')
  const activity = await findDoc<ActivityDoc>(ctx.db, C.activities, shift.activityId)
  if (!activity) return vFail('VOLUNTEER.ACTIVITY_NOT_FOUND')
  return { shift, activity }
}

async function managedActivity(ctx: ActionContext, activityId: string): Promise<ActivityDoc | Fail> {
  const activity = await findDoc<ActivityDoc>(ctx.db, C.activities, activityId)
  if (!activity) return vFail('VOLUNTEER.ACTIVITY_NOT_FOUND')
  if (!isTeamOrganizer(ctx, activity.teamId)) return vFail('VOLUNTEER.NOT_TEAM_ORGANIZER')
  return activity
}

function shiftProblem(s: ShiftInput, now: number): Fail | null {
  const minutes = (s.endAt - s.startAt) / 60_000
  if (minutes < VOLUNTEER_LIMITS.shiftMinutesMin || minutes > VOLUNTEER_LIMITS.shiftMinutesMax || s.startAt <= now) {
    return vFail('VOLUNTEER.SHIFT_INVALID')
  }
  return null
}

async function passesTextCheck(ctx: ActionContext, texts: Array<string | undefined>): Promise<boolean> {
  const content = texts.filter(Boolean).join('\n')
  if (!content) return true
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content, scene: 'forum' })
  return verdict.pass
}

async function teamName(ctx: ActionContext, teamId: string): Promise<string> {
  const team = await findDoc<TeamDoc>(ctx.db, C.teams, teamId)
  return team?.name ?? '志愿服务队'
}

function newShiftDoc(activity: ActivityDoc, s: ShiftInput, now: number): ShiftDoc {
  return {
    _id: newShiftId(),
    activityId: activity._id,
    teamId: activity.teamId,
    type: activity.type,
    day: shanghaiDay(s.startAt),
    cell: cellOf(activity.place.lat, activity.place.lng),
    startAt: s.startAt,
    endAt: s.endAt,
    capacity: s.capacity,
    taken: 0,
    waiting: 0,
    checkInOpensMinutes: s.checkInOpensMinutes ?? 30,
    family: s.family ?? false,
    status: 'open',
    closed: false,
    createdAt: now,
    updatedAt: now,
  }
}

/** Adds a shift under a fresh short id; a collision (1 in 10^14) simply draws again. */
async function insertShift(ctx: ActionContext, shift: ShiftDoc): Promise<ShiftDoc> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.db.collection(C.shifts).add({ data: { ...shift } })
      return shift
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY) || attempt > 3) throw error
      shift = { ...shift, _id: newShiftId() }
    }
  }
}

export async function shiftsOf(ctx: ActionContext, activityId: string): Promise<ShiftDoc[]> {
  const { data } = await ctx.db
    .collection(C.shifts)
    .where({ activityId })
    .orderBy('startAt', 'asc')
    .limit(VOLUNTEER_LIMITS.shiftsPerActivity)
    .get()
  return data as unknown as ShiftDoc[]
}

export async function publishActivity(input: PublishInput, ctx: ActionContext): Promise<ActivityDetailView | Fail> {
  if (!isTeamOrganizer(ctx, input.teamId)) return vFail('VOLUNTEER.NOT_TEAM_ORGANIZER')
  const now = ctx.clock.now()
  for (const s of input.shifts) {
    const problem = shiftProblem(s, now)
    if (problem) return problem
  }
  if (!(await passesTextCheck(ctx, [input.title, input.description, input.place.name, input.place.address]))) {
    return vFail('VOLUNTEER.TEXT_REJECTED')
  }
  // the cover must be the organizer's own upload; its reservation is taken once every check passed
  const cover = input.coverFileId ? await claimImage(ctx, 'volunteer', input.coverFileId, []) : null
  if (cover && 'ok' in cover) return cover
  if (input.coverFileId && !(await ctx.openApi.checkImage({ fileID: input.coverFileId })).pass) return vFail('VOLUNTEER.IMAGE_REJECTED')
  if (cover && !(await takeReservations(ctx, cover))) return uploadFail('UPLOAD.NOT_YOURS')
  const activity: ActivityDoc = {
    _id: newActivityId(),
    teamId: input.teamId,
    teamName: await teamName(ctx, input.teamId),
    type: input.type,
    title: input.title,
    description: input.description,
    place: input.place,
    geofenceRadiusM: input.geofenceRadiusM,
    coverFileId: input.coverFileId ?? null,
    status: 'published',
    shiftCount: input.shifts.length,
    createdBy: ctx.caller.openid,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.collection(C.activities).add({ data: { ...activity } })
  for (const s of input.shifts) await insertShift(ctx, newShiftDoc(activity, s, now))
  await writeAudit(ctx, { subjectType: 'volunteer_activity', subjectId: activity._id, action: 'publishActivity', detail: { shifts: input.shifts.length } })
  return activityDetail(ctx, activity)
}

export async function updateActivity(
  input: { activityId: string; title?: string; description?: string; place?: PlaceView; geofenceRadiusM?: number; coverFileId?: string },
  ctx: ActionContext,
): Promise<ActivityDetailView | Fail> {
  const activity = await managedActivity(ctx, input.activityId)
  if ('ok' in activity) return activity
  if (activity.status === 'cancelled') return vFail('VOLUNTEER.ACTIVITY_CANCELLED')
  if (!(await passesTextCheck(ctx, [input.title, input.description, input.place?.name, input.place?.address]))) {
    return vFail('VOLUNTEER.TEXT_REJECTED')
  }
  // the activity's own cover again needs no claim; a new one must be the organizer's own upload
  const cover = input.coverFileId ? await claimImage(ctx, 'volunteer', input.coverFileId, [activity.coverFileId]) : null
  if (cover && 'ok' in cover) return cover
  if (input.coverFileId && !(await ctx.openApi.checkImage({ fileID: input.coverFileId })).pass) return vFail('VOLUNTEER.IMAGE_REJECTED')
  if (cover && !(await takeReservations(ctx, cover))) return uploadFail('UPLOAD.NOT_YOURS')
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const changes: Record<string, unknown> = { updatedAt: now }
  if (input.title !== undefined) changes.title = input.title
  if (input.description !== undefined) changes.description = input.description
  if (input.place !== undefined) changes.place = _.set(input.place)
  if (input.geofenceRadiusM !== undefined) changes.geofenceRadiusM = input.geofenceRadiusM
  if (input.coverFileId !== undefined) changes.coverFileId = input.coverFileId
  await ctx.db.collection(C.activities).doc(activity._id).update({ data: changes })
  if (input.place) {
    await ctx.db.collection(C.shifts).where({ activityId: activity._id }).update({ data: { cell: cellOf(input.place.lat, input.place.lng), updatedAt: now } })
  }
  await writeAudit(ctx, { subjectType: 'volunteer_activity', subjectId: activity._id, action: 'updateActivity', detail: { fields: Object.keys(changes).join(',') } })
  const updated = await findDoc<ActivityDoc>(ctx.db, C.activities, activity._id)
  if (!updated) return vFail('VOLUNTEER.ACTIVITY_NOT_FOUND')
  // a new place or time is news for everyone coming; a corrected description is not
  if (input.place) await notifyShiftPeople(ctx, updated, await shiftsOf(ctx, updated._id), `活动地点变更为${input.place.name}`)
  return activityDetail(ctx, updated)
}

export async function addShift(input: { activityId: string; shift: ShiftInput }, ctx: ActionContext): Promise<ActivityDetailView | Fail> {
  const activity = await managedActivity(ctx, input.activityId)
  if ('ok' in activity) return activity
  if (activity.status === 'cancelled') return vFail('VOLUNTEER.ACTIVITY_CANCELLED')
  const now = ctx.clock.now()
  const problem = shiftProblem(input.shift, now)
  if (problem) return problem
  // the counter is the limit: a conditional increment, so two adds at once cannot pass 30
  const counted = await ctx.db
    .collection(C.activities)
    .where({ _id: activity._id, shiftCount: ctx.db.command.lt(VOLUNTEER_LIMITS.shiftsPerActivity) })
    .update({ data: { shiftCount: ctx.db.command.inc(1), updatedAt: now } })
  if (counted.stats.updated === 0) return vFail('VOLUNTEER.SHIFT_LIMIT')
  const shift = await insertShift(ctx, newShiftDoc(activity, input.shift, now))
  await writeAudit(ctx, { subjectType: 'volunteer_shift', subjectId: shift._id, action: 'addShift', detail: { activityId: activity._id } })
  return activityDetail(ctx, activity)
}

/** Every signed-up or waitlisted person of these shifts, page by page. */
async function forEachComing(ctx: ActionContext, shiftId: string, visit: (s: SignupDoc) => Promise<void>): Promise<void> {
  const _ = ctx.db.command
  for (let skip = 0; ; skip += 100) {
    const { data } = await ctx.db
      .collection(C.signups)
      .where({ shiftId, state: _.in(['signed', 'waitlisted', 'checkedIn']) })
      .orderBy('queueKey', 'asc')
      .skip(skip)
      .limit(100)
      .get()
    for (const s of data as unknown as SignupDoc[]) await visit(s)
    if (data.length < 100) break
  }
}

async function notifyShiftPeople(ctx: ActionContext, activity: ActivityDoc, shifts: readonly ShiftDoc[], note: string) {
  const now = ctx.clock.now()
  for (const shift of shifts) {
    if (shift.status !== 'open' || shift.endAt <= now) continue
    await forEachComing(ctx, shift._id, (s) => notifyChanged(ctx, s.openid, activity, shift, note))
  }
}

export async function updateShift(
  input: { shiftId: string; startAt?: number; endAt?: number; capacity?: number },
  ctx: ActionContext,
): Promise<ShiftView | Fail> {
  const managed = await managedShift(ctx, input.shiftId)
  if ('ok' in managed) return managed
  const { shift, activity } = managed
  if (shift.status === 'cancelled') return vFail('VOLUNTEER.SHIFT_CANCELLED')
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const shifts = ctx.db.collection(C.shifts)
  const retimed = input.startAt !== undefined || input.endAt !== undefined
  if (retimed) {
    const startAt = input.startAt ?? shift.startAt
    const endAt = input.endAt ?? shift.endAt
    const problem = shiftProblem({ startAt, endAt, capacity: shift.capacity }, now)
    if (problem) return problem
    const { total: present } = await ctx.db
      .collection(C.signups)
      .where({ shiftId: shift._id, state: _.in(['checkedIn', 'checkedOut', 'confirmed']) })
      .count()
    if (present > 0) return vFail('VOLUNTEER.SHIFT_TIME_LOCKED')
    await shifts.doc(shift._id).update({ data: { startAt, endAt, day: shanghaiDay(startAt), updatedAt: now } })
    await ctx.db.collection(C.signups).where({ shiftId: shift._id }).update({ data: { startAt, endAt, updatedAt: now } })
  }
  if (input.capacity !== undefined && input.capacity !== shift.capacity) {
    // never below the places already taken: the condition and the change are one update
    const resized = await shifts
      .where({ _id: shift._id, taken: _.lte(input.capacity) })
      .update({ data: { capacity: input.capacity, updatedAt: now } })
    if (resized.stats.updated === 0) return vFail('VOLUNTEER.CAPACITY_BELOW_TAKEN')
    if (input.capacity > shift.capacity) await fillFreePlaces(ctx, shift._id)
  }
  await writeAudit(ctx, {
    subjectType: 'volunteer_shift',
    subjectId: shift._id,
    action: 'updateShift',
    detail: { startAt: input.startAt ?? null, endAt: input.endAt ?? null, capacity: input.capacity ?? null },
  })
  const updated = await findShift(ctx, shift._id)
  if (!updated) return vFail('VOLUNTEER.SHIFT_NOT_FOUND')
  if (retimed) await notifyShiftPeople(ctx, activity, [updated], '班次时间已调整，请查看')
  return toShiftView(updated)
}

async function cancelOneShift(ctx: ActionContext, activity: ActivityDoc, shift: ShiftDoc, reason: string): Promise<void> {
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const cancelled = await ctx.db
    .collection(C.shifts)
    .where({ _id: shift._id, status: 'open' })
    .update({ data: { status: 'cancelled', updatedAt: now } })
  if (cancelled.stats.updated === 0) return
  const told: string[] = []
  await forEachComing(ctx, shift._id, async (s) => {
    if (s.state !== 'checkedIn') told.push(s.openid)
  })
  await ctx.db
    .collection(C.signups)
    .where({ shiftId: shift._id, state: _.in(['signed', 'waitlisted']) })
    .update({ data: { state: 'cancelled', cancelReason: 'byOrganizer', updatedAt: now } })
  if (shift.endAt > now) for (const openid of told) await notifyCancelled(ctx, openid, activity, shift, reason)
  await writeAudit(ctx, { subjectType: 'volunteer_shift', subjectId: shift._id, action: 'cancelShift', detail: { reason, told: told.length } })
}

export async function cancelShift(input: { shiftId: string; reason: string }, ctx: ActionContext): Promise<ShiftView | Fail> {
  const managed = await managedShift(ctx, input.shiftId)
  if ('ok' in managed) return managed
  if (!(await passesTextCheck(ctx, [input.reason]))) return vFail('VOLUNTEER.TEXT_REJECTED')
  await cancelOneShift(ctx, managed.activity, managed.shift, input.reason)
  const updated = await findShift(ctx, input.shiftId)
  return updated ? toShiftView(updated) : vFail('VOLUNTEER.SHIFT_NOT_FOUND')
}

export async function cancelActivity(input: { activityId: string; reason: string }, ctx: ActionContext): Promise<ActivityDetailView | Fail> {
  const activity = await managedActivity(ctx, input.activityId)
  if ('ok' in activity) return activity
  if (!(await passesTextCheck(ctx, [input.reason]))) return vFail('VOLUNTEER.TEXT_REJECTED')
  const now = ctx.clock.now()
  await ctx.db.collection(C.activities).doc(activity._id).update({ data: { status: 'cancelled', updatedAt: now } })
  for (const shift of await shiftsOf(ctx, activity._id)) await cancelOneShift(ctx, activity, shift, input.reason)
  await writeAudit(ctx, { subjectType: 'volunteer_activity', subjectId: activity._id, action: 'cancelActivity', detail: { reason: input.reason } })
  const updated = await findDoc<ActivityDoc>(ctx.db, C.activities, activity._id)
  return updated ? activityDetail(ctx, updated) : vFail('VOLUNTEER.ACTIVITY_NOT_FOUND')
}

export async function activityDetail(ctx: ActionContext, activity: ActivityDoc): Promise<ActivityDetailView> {
  const shifts = await shiftsOf(ctx, activity._id)
  const covers = await coverUrls(ctx, [activity])
  const _ = ctx.db.command
  const { data } = shifts.length
    ? await ctx.db
        .collection(C.signups)
        .where({ shiftId: _.in(shifts.map((s) => s._id)), openid: ctx.caller.openid })
        .limit(100)
        .get()
    : { data: [] }
  const mine = []
  for (const s of data as unknown as SignupDoc[]) {
    if (s.state === 'cancelled') continue
    mine.push({
      signupId: s._id,
      shiftId: s.shiftId,
      state: s.state,
      waitlistPosition: s.state === 'waitlisted' ? await waitlistPosition(ctx, s) : null,
    })
  }
  const { cancelDeadlineMinutes } = await loadSettings(ctx)
  return {
    ...toCardView(activity, shifts, covers),
    description: activity.description,
    geofenceRadiusM: activity.geofenceRadiusM,
    status: activity.status,
    mine,
    canManage: isTeamOrganizer(ctx, activity.teamId),
    cancelDeadlineMinutes,
  }
}

export async function getActivity(input: { activityId: string }, ctx: ActionContext): Promise<ActivityDetailView | Fail> {
  const activity = await findDoc<ActivityDoc>(ctx.db, C.activities, input.activityId)
  if (!activity) return vFail('VOLUNTEER.ACTIVITY_NOT_FOUND')
  return activityDetail(ctx, activity)
}

/**
 * Activities with a shift on a day, by type, optionally near the caller: one indexed page of the
 * day's open shifts (status, day[, type | cell], startAt), grouped by activity. An activity whose
 * shifts straddle two pages appears on both with its own shifts; the client merges them.
 */
export async function listActivities(
  input: { date: string; type?: ActivityType; near?: { lat: number; lng: number }; page?: number },
  ctx: ActionContext,
): Promise<ActivityListView> {
  const page = input.page ?? 0
  const _ = ctx.db.command
  const where: Record<string, unknown> = { status: 'open', day: input.date }
  if (input.type) where.type = input.type
  if (input.near) where.cell = _.in(cellsAround(input.near.lat, input.near.lng))
  const { data } = await ctx.db
    .collection(C.shifts)
    .where(where)
    .orderBy('startAt', 'asc')
    .skip(page * LIST_PAGE)
    .limit(LIST_PAGE + 1)
    .get()
  const hasMore = data.length > LIST_PAGE
  const now = ctx.clock.now()
  const shifts = (data.slice(0, LIST_PAGE) as unknown as ShiftDoc[]).filter((s) => s.endAt > now)
  const activities = await findMany<ActivityDoc>(ctx.db, C.activities, shifts.map((s) => s.activityId))
  const covers = await coverUrls(ctx, [...activities.values()])
  const grouped = new Map<string, ShiftDoc[]>()
  for (const s of shifts) {
    const activity = activities.get(s.activityId)
    if (!activity || activity.status !== 'published') continue
    grouped.set(s.activityId, [...(grouped.get(s.activityId) ?? []), s])
  }
  const items = []
  for (const [activityId, group] of grouped) {
    const activity = activities.get(activityId)
    if (!activity) continue
    const distanceM = input.near ? Math.round(metresBetween(input.near, activity.place)) : null
    if (distanceM !== null && distanceM > VOLUNTEER_LIMITS.nearKm * 1000) continue
    items.push(toCardView(activity, group, covers, distanceM))
  }
  return { items, nextPage: hasMore ? page + 1 : null }
}

export async function teamActivities(input: { teamId?: string; page?: number }, ctx: ActionContext): Promise<TeamActivitiesView | Fail> {
  const teamIds = ctx.grants.filter((g) => g.role === 'organizer' && g.scopeId).map((g) => g.scopeId as string)
  const teamId = input.teamId ?? teamIds[0]
  if (!teamId || !isTeamOrganizer(ctx, teamId)) return vFail('VOLUNTEER.NOT_TEAM_ORGANIZER')
  const page = input.page ?? 0
  const { data } = await ctx.db
    .collection(C.activities)
    .where({ teamId })
    .orderBy('createdAt', 'desc')
    .skip(page * TEAM_PAGE)
    .limit(TEAM_PAGE + 1)
    .get()
  const activities = data.slice(0, TEAM_PAGE) as unknown as ActivityDoc[]
  const teams = await findMany<TeamDoc>(ctx.db, C.teams, teamIds)
  const items = []
  for (const a of activities) {
    items.push({
      id: a._id,
      type: a.type,
      title: a.title,
      status: a.status,
      place: a.place,
      shifts: (await shiftsOf(ctx, a._id)).map(toShiftView),
      createdAt: a.createdAt,
    })
  }
  return {
    teams: teamIds.map((id) => ({ id, name: teams.get(id)?.name ?? '志愿服务队' })),
    items,
    nextPage: data.length > TEAM_PAGE ? page + 1 : null,
  }
}
