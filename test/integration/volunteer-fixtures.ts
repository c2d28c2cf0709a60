import type { InputOf } from '@/shared/contract'
import type { Contract } from '@/shared/contract'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

export const MIN = 60_000
export const HOUR = 60 * MIN
export const TEAM = 'team-a'
export const OTHER_TEAM = 'team-b'
export const ORGANIZER = 'org-a'
export const OTHER_ORGANIZER = 'org-b'
/** where the demo activity is; geofence tests move around it */
export const PLACE = { name: '长江路口', address: '长江路与人民路交叉口', lat: 31.8206, lng: 117.2272 }

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A valid resident ID number (GB 11643 check digit) for test person n. */
export function residentId(n: number): string {
  const body = `11010119900101${String(n % 1000).padStart(3, '0')}`
  const sum = W.reduce((acc, w, i) => acc + w * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

export type PublishInput = InputOf<Contract['volunteer']['publishActivity']>

export async function startVolunteerCloud(): Promise<TestCloud> {
  const cloud = startTestCloud()
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: ORGANIZER, role: 'organizer', scopeId: TEAM }))
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: OTHER_ORGANIZER, role: 'organizer', scopeId: OTHER_TEAM }))
  return cloud
}

export async function registerVolunteer(cloud: TestCloud, openid: string, n = 1): Promise<void> {
  expectOk(
    await cloud.as(openid).call('volunteer', 'register', {
      realName: '李小文',
      idType: 'resident',
      idNumber: residentId(n),
      phone: `138${String(n).padStart(8, '0')}`,
      consent: true,
    }),
  )
}

export interface ShiftSpec {
  /** from now */
  startIn: number
  length?: number
  capacity?: number
  checkInOpensMinutes?: number
}

/** Publishes an activity of team-a and returns its id and shift ids (in start order). */
export async function publish(
  cloud: TestCloud,
  shifts: ShiftSpec[],
  overrides: Partial<PublishInput> = {},
): Promise<{ activityId: string; shiftIds: string[] }> {
  const now = cloud.clock.now()
  const detail = expectOk(
    await cloud.as(ORGANIZER).call('volunteer', 'publishActivity', {
      teamId: TEAM,
      type: 'traffic',
      title: '路口文明交通劝导',
      description: '协助劝导行人遵守信号灯',
      place: PLACE,
      geofenceRadiusM: 200,
      shifts: shifts.map((s) => ({
        startAt: now + s.startIn,
        endAt: now + s.startIn + (s.length ?? 2 * HOUR),
        capacity: s.capacity ?? 10,
        checkInOpensMinutes: s.checkInOpensMinutes,
      })),
      ...overrides,
    }),
  )
  return { activityId: detail.id, shiftIds: detail.shifts.map((s) => s.id) }
}

let request = 0
export const requestId = () => `req-${Date.now().toString(36)}-${++request}`

export async function signUp(cloud: TestCloud, openid: string, shiftId: string) {
  return cloud.as(openid).call('volunteer', 'signUp', { shiftId, requestId: requestId() })
}

/** The 6-digit code the organizer's screen shows now. */
export async function currentCode(cloud: TestCloud, shiftId: string): Promise<{ code: string; scene: string }> {
  const view = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'checkInCode', { shiftId }))
  return { code: view.code, scene: view.scene }
}

export async function shiftView(cloud: TestCloud, activityId: string, shiftId: string) {
  const detail = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'getActivity', { activityId }))
  const shift = detail.shifts.find((s) => s.id === shiftId)
  if (!shift) throw new Error(`shift ${shiftId} not in activity`)
  return shift
}

export function subscribeMessagesTo(cloud: TestCloud, openid: string) {
  return cloud.platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send' && e.touser === openid)
}
