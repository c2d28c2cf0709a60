import type {
  ActivityCardView,
  AdjustmentView,
  MyRecordView,
  PunchView,
  RosterEntryView,
  ShiftView,
} from '@/shared/contract/volunteer'
import type { ActionContext } from '../../runtime/context'
import { maskName, maskPhone } from './identity'
import type { ActivityDoc, Adjustment, ProfileDoc, Punch, ShiftDoc, SignupDoc } from './model'

export function toShiftView(s: ShiftDoc): ShiftView {
  return {
    id: s._id,
    activityId: s.activityId,
    startAt: s.startAt,
    endAt: s.endAt,
    capacity: s.capacity,
    taken: s.taken,
    placesLeft: Math.max(0, s.capacity - s.taken),
    waiting: Math.max(0, s.waiting),
    checkInOpensMinutes: s.checkInOpensMinutes,
    status: s.status,
    family: s.family === true,
  }
}

/** Temporary links for cover photos, one call for a whole page. */
export async function coverUrls(ctx: ActionContext, activities: readonly ActivityDoc[]): Promise<Map<string, string>> {
  const fileList = [...new Set(activities.map((a) => a.coverFileId).filter((f): f is string => Boolean(f)))]
  if (fileList.length === 0) return new Map()
  try {
    const { fileList: links } = await ctx.storage.getTempFileURL({ fileList })
    return new Map(links.filter((l) => l.tempFileURL).map((l) => [l.fileID, l.tempFileURL]))
  } catch {
    // a missing cover must not hide the activity
    return new Map()
  }
}

export function toCardView(
  a: ActivityDoc,
  shifts: readonly ShiftDoc[],
  covers: ReadonlyMap<string, string>,
  distanceM: number | null = null,
): ActivityCardView {
  return {
    id: a._id,
    type: a.type,
    title: a.title,
    teamId: a.teamId,
    teamName: a.teamName,
    place: a.place,
    coverUrl: a.coverFileId ? covers.get(a.coverFileId) ?? null : null,
    distanceM,
    shifts: shifts.map(toShiftView),
  }
}

const punch = (p: Punch | null): PunchView | null => (p ? { at: p.at, source: p.source } : null)
const adjustments = (list: readonly Adjustment[]): AdjustmentView[] =>
  list.map((a) => ({ at: a.at, fromMinutes: a.fromMinutes, toMinutes: a.toMinutes, reason: a.reason }))

export function toMyRecordView(
  s: SignupDoc,
  shift: ShiftDoc | undefined,
  activity: ActivityDoc | undefined,
  waitlistPosition: number | null,
): MyRecordView {
  return {
    signupId: s._id,
    shiftId: s.shiftId,
    activityId: s.activityId,
    activityTitle: activity?.title ?? '活动已删除',
    activityType: activity?.type ?? 'community',
    teamName: activity?.teamName ?? '',
    placeName: activity?.place.name ?? '',
    startAt: s.startAt,
    endAt: s.endAt,
    checkInOpensAt: s.startAt - (shift?.checkInOpensMinutes ?? 30) * 60_000,
    state: s.state,
    noShowReason: s.noShowReason,
    cancelReason: s.cancelReason,
    waitlistPosition,
    checkIn: punch(s.checkIn),
    checkOut: punch(s.checkOut),
    autoClosed: s.autoClosed,
    minutes: s.minutes,
    adjustments: adjustments(s.adjustments),
    confirmedAt: s.confirmedAt,
    shiftCancelled: shift?.status === 'cancelled',
  }
}

export function toRosterEntry(s: SignupDoc, profile: ProfileDoc | undefined, waitlistPosition: number | null): RosterEntryView {
  return {
    signupId: s._id,
    name: profile ? maskName(profile.realName) : '（未登记）',
    phone: profile ? maskPhone(profile.phone) : '',
    state: s.state,
    noShowReason: s.noShowReason,
    waitlistPosition,
    checkIn: punch(s.checkIn),
    checkOut: punch(s.checkOut),
    autoClosed: s.autoClosed,
    computedMinutes: s.computedMinutes,
    minutes: s.minutes,
    adjustments: adjustments(s.adjustments),
    confirmedAt: s.confirmedAt,
  }
}
