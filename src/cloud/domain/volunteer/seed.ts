import type { ActivityType, PlaceView } from '@/shared/contract/volunteer'
import type { Platform } from '../../platform'
import { cellOf } from './geo'
import { C, type ActivityDoc, type ProfileDoc, type ShiftDoc, type SignupDoc } from './model'
import { CONSENT_VERSION } from './profile'
import { shanghaiDay, startOfShanghaiDay } from './time'

/**
 * Demo data for 志愿服务: the demo team's five activities (one per type) with shifts today and in
 * the next six days, the demo volunteers' registrations, and one confirmed record from yesterday
 * so 我的志愿 and the certificate have something to show. Documents are created only when
 * missing (fixed ids), so seeding again, even on a later day, never resets counters or a
 * developer's own changes; shifts carry the date in their id, so each new day gets its own.
 */
export const DEMO_TEAM = { id: 'team-demo', name: '新时代文明实践志愿服务队' }

interface DemoActivity {
  id: string
  letter: string
  type: ActivityType
  title: string
  description: string
  place: PlaceView
  radius: number
  /** local start and end: [hour, minute, hour, minute] */
  slots: Array<[number, number, number, number]>
}

export const DEMO_ACTIVITIES: readonly DemoActivity[] = [
  {
    id: 'demo-act-traffic',
    letter: 'T',
    type: 'traffic',
    title: '路口文明交通劝导',
    description: '在早晚高峰协助交警劝导行人和电动车遵守信号灯、佩戴头盔，不闯红灯、不乱穿马路。请穿着志愿者马甲，提前 10 分钟到岗。',
    place: { name: '文明路与人民路交叉口', address: '文明路与人民路交叉口东北角岗亭', lat: 30.2781, lng: 120.1465 },
    radius: 200,
    slots: [[7, 30, 9, 0], [17, 0, 19, 0]],
  },
  {
    id: 'demo-act-tourism',
    letter: 'R',
    type: 'tourism',
    title: '景区文明旅游引导',
    description: '在景区入口和主要游线引导游客排队、文明拍照、垃圾入桶，为游客提供问询服务。',
    place: { name: '和平广场南门', address: '和平路与文明路交叉口和平广场游客服务点', lat: 30.2748, lng: 120.1652 },
    radius: 300,
    slots: [[9, 0, 12, 0], [14, 0, 17, 0]],
  },
  {
    id: 'demo-act-community',
    letter: 'C',
    type: 'community',
    title: '楼道清理与文明养犬宣传',
    description: '清理楼道堆放杂物、张贴文明养犬倡议，入户发放《市民文明手册》。',
    place: { name: '幸福里社区', address: '东城街道幸福里 6 幢社区党群服务中心', lat: 30.2801, lng: 120.1703 },
    radius: 250,
    slots: [[9, 0, 11, 0]],
  },
  {
    id: 'demo-act-integrity',
    letter: 'I',
    type: 'integrity',
    title: '诚信经营宣传进市场',
    description: '走进农贸市场向商户宣传明码标价、诚信经营，收集群众意见。',
    place: { name: '东城农贸市场', address: '东城街道和平里 12 号东城农贸市场', lat: 30.2731, lng: 120.1611 },
    radius: 150,
    slots: [[8, 30, 10, 30]],
  },
  {
    id: 'demo-act-environment',
    letter: 'E',
    type: 'environment',
    title: '河道沿岸环境整治',
    description: '清捡河道沿岸垃圾、清理小广告，劝导乱扔垃圾行为。请自备手套，现场提供夹子和垃圾袋。',
    place: { name: '滨河绿道', address: '滨河绿道（滨河路桥至新华桥）', lat: 30.2602, lng: 120.1712 },
    radius: 500,
    slots: [[15, 0, 17, 0]],
  },
]

const HOUR = 3600_000
const DAY = 24 * HOUR

async function createIfMissing(platform: Platform, collection: string, id: string, data: Record<string, unknown>): Promise<boolean> {
  const { total } = await platform.db.collection(collection).where({ _id: id }).count()
  if (total > 0) return false
  await platform.db.collection(collection).doc(id).set({ data })
  return true
}

/** 'T' + '251125' + slot letter: at most 8 characters, inside the scene codec's 10 */
export function demoShiftId(letter: string, day: string, slot: number): string {
  return `${letter}${day.slice(2).replace(/-/g, '')}${String.fromCharCode(97 + slot)}`
}

export async function seedVolunteer(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  await createIfMissing(platform, C.teams, DEMO_TEAM.id, { name: DEMO_TEAM.name })
  for (const a of DEMO_ACTIVITIES) {
    const activity: Omit<ActivityDoc, '_id'> = {
      teamId: DEMO_TEAM.id,
      teamName: DEMO_TEAM.name,
      type: a.type,
      title: a.title,
      description: a.description,
      place: a.place,
      geofenceRadiusM: a.radius,
      coverFileId: null,
      status: 'published',
      shiftCount: 0,
      createdBy: 'seed',
      createdAt: now,
      updatedAt: now,
    }
    await createIfMissing(platform, C.activities, a.id, { ...activity })
    for (let offset = 0; offset < 7; offset++) {
      const day = shanghaiDay(now + offset * DAY)
      const midnight = startOfShanghaiDay(day)
      for (let slot = 0; slot < a.slots.length; slot++) {
        const [h, m, endH, endM] = a.slots[slot]
        const startAt = midnight + h * HOUR + m * 60_000
        const shift: Omit<ShiftDoc, '_id'> = {
          activityId: a.id,
          teamId: DEMO_TEAM.id,
          type: a.type,
          day,
          cell: cellOf(a.place.lat, a.place.lng),
          startAt,
          endAt: midnight + endH * HOUR + endM * 60_000,
          capacity: [10, 6, 20, 4, 15][(offset + slot) % 5],
          taken: 0,
          waiting: 0,
          checkInOpensMinutes: 30,
          status: 'open',
          closed: false,
          createdAt: now,
          updatedAt: now,
        }
        if (await createIfMissing(platform, C.shifts, demoShiftId(a.letter, day, slot), { ...shift })) {
          await platform.db.collection(C.activities).doc(a.id).update({ data: { shiftCount: platform.db.command.inc(1) } })
        }
      }
    }
  }
  await seedDemoVolunteers(platform, now)
}

/** Demo 志愿者 and 组织者 are registered (with a valid test ID number); the volunteer has one confirmed record. */
const COMMUNITY = DEMO_ACTIVITIES.find((a) => a.id === 'demo-act-community') ?? DEMO_ACTIVITIES[0]

async function seedDemoVolunteers(platform: Platform, now: number): Promise<void> {
  const people: Array<{ openid: string; realName: string; idNumber: string; phone: string }> = [
    { openid: 'demo-volunteer', realName: '李小文', idNumber: '110101199003074258', phone: '13800138000' },
    { openid: 'demo-organizer', realName: '张建国', idNumber: '11010119750612000X', phone: '13900139000' },
  ]
  const yesterday = shanghaiDay(now - DAY)
  const pastStart = startOfShanghaiDay(yesterday) + 9 * HOUR
  const pastShiftId = demoShiftId('C', yesterday, 0)
  for (const p of people) {
    const withHistory = p.openid === 'demo-volunteer'
    const profile: Omit<ProfileDoc, '_id'> = {
      realName: p.realName,
      idType: 'resident',
      idNumber: p.idNumber,
      phone: p.phone,
      consentAt: now,
      consentVersion: CONSENT_VERSION,
      confirmedMinutes: withHistory ? 120 : 0,
      confirmedCount: withHistory ? 1 : 0,
      lockedUntil: 0,
      certificateId: null,
      certificateMinutes: 0,
      certificateCount: 0,
      createdAt: now,
      updatedAt: now,
    }
    if (!(await createIfMissing(platform, C.profiles, p.openid, { ...profile })) || !withHistory) continue
    const shift: Omit<ShiftDoc, '_id'> = {
      activityId: 'demo-act-community',
      teamId: DEMO_TEAM.id,
      type: 'community',
      day: yesterday,
      // the community activity's own place (幸福里社区): the demo is one city
      cell: cellOf(COMMUNITY.place.lat, COMMUNITY.place.lng),
      startAt: pastStart,
      endAt: pastStart + 2 * HOUR,
      capacity: 20,
      taken: 1,
      waiting: 0,
      checkInOpensMinutes: 30,
      status: 'open',
      closed: true,
      createdAt: now,
      updatedAt: now,
    }
    await createIfMissing(platform, C.shifts, pastShiftId, { ...shift })
    const record: Omit<SignupDoc, '_id'> = {
      shiftId: pastShiftId,
      activityId: 'demo-act-community',
      teamId: DEMO_TEAM.id,
      openid: p.openid,
      startAt: pastStart,
      endAt: pastStart + 2 * HOUR,
      state: 'confirmed',
      queueKey: `${String(pastStart).padStart(15, '0')}00000seed`,
      requestId: 'seed-request',
      noShowReason: null,
      cancelReason: null,
      checkIn: { at: pastStart - 5 * 60_000, source: 'code' },
      checkOut: { at: pastStart + 2 * HOUR + 3 * 60_000, source: 'geofence' },
      autoClosed: false,
      computedMinutes: 120,
      minutes: 120,
      periods: [{ from: pastStart, to: pastStart + 2 * HOUR }],
      adjustments: [],
      confirmedAt: pastStart + 3 * HOUR,
      confirmedBy: 'demo-organizer',
      promotedAt: null,
      createdAt: pastStart - DAY,
      updatedAt: pastStart + 3 * HOUR,
    }
    await createIfMissing(platform, C.signups, `seed-${pastShiftId}-${p.openid}`, { ...record })
  }
}
