import { seedEntry } from '@/cloud/domain/entry/seed'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { HOUR, ORGANIZER, PLACE, publish, registerVolunteer, signUp, startVolunteerCloud } from './volunteer-fixtures'

/**
 * Human numbers beside the ids (issue #10): a volunteer certificate's 证书编号 ZS-<Beijing year>-NNNNNN
 * (its random 查验码 stays the proof) and a poster's 编号 HB-NNNN, each from a counter taken with the add.
 */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startVolunteerCloud()
})
afterEach(() => cloud.close())

const north = (m: number) => ({ lat: PLACE.lat + (m * 180) / (Math.PI * 6371008.8), lng: PLACE.lng })

/** One confirmed two-hour shift per volunteer, so each can be issued a certificate. */
async function confirmedVolunteers(openids: string[]) {
  const { shiftIds } = await publish(cloud, [{ startIn: HOUR, capacity: openids.length }])
  const here = { kind: 'geofence' as const, ...north(0) }
  for (const [i, openid] of openids.entries()) {
    await registerVolunteer(cloud, openid, i + 1)
    expectOk(await signUp(cloud, openid, shiftIds[0]))
  }
  const start = cloud.clock.now() + HOUR
  cloud.clock.set(start)
  for (const openid of openids) expectOk(await cloud.as(openid).call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: here }))
  cloud.clock.set(start + 2 * HOUR)
  for (const openid of openids) expectOk(await cloud.as(openid).call('volunteer', 'checkOut', { shiftId: shiftIds[0], proof: here }))
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: shiftIds[0], all: true }))
}

test('certificates get 证书编号 ZS-<year>-000001, 000002 … once each; a verifier sees the same number; the 查验码 stays random', async () => {
  await confirmedVolunteers(['amy', 'ben'])
  const amy = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  const ben = expectOk(await cloud.as('ben').call('volunteer', 'issueCertificate', {}))
  expect(amy.serialNo).toBe('ZS-2026-000001')
  expect(ben.serialNo).toBe('ZS-2026-000002')
  expect(amy.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)
  // issued again without new hours: the same certificate, the same number (no new one taken)
  expect(expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))).toMatchObject({ code: amy.code, serialNo: 'ZS-2026-000001' })
  expect(expectOk(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code: ben.code })).serialNo).toBe('ZS-2026-000002')
})

test('the certificate sequence restarts with the Beijing year', async () => {
  // 2026-12-31 16:00 UTC is 2027-01-01 00:00 in Beijing
  cloud.clock.set(Date.UTC(2026, 11, 31, 14, 0, 0))
  await confirmedVolunteers(['amy'])
  expect(expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {})).serialNo).toBe('ZS-2027-000001')
})

test('posters get 编号 HB-0001, HB-0002 …; a retried registration keeps its number; demo posters are numbered too', async () => {
  const place = { address: '文明路与人民路口公交站', lat: 30.278, lng: 120.15 }
  const register = (requestId: string) => cloud.as(TEST_ADMIN).call('entry', 'registerPoster', { title: '文明城市你我共建', place, target: { kind: 'dailyQuiz' }, requestId })
  const first = expectOk(await register('poster-req-1'))
  const second = expectOk(await register('poster-req-2'))
  expect(first.serialNo).toBe('HB-0001')
  expect(second.serialNo).toBe('HB-0002')
  expect(expectOk(await register('poster-req-1'))).toMatchObject({ id: first.id, serialNo: 'HB-0001' })
  const listed = async (id: string) => expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posters', { status: 'active', offset: 0 })).items.find((p) => p.id === id)
  expect((await listed(second.id))?.serialNo).toBe('HB-0002')

  await seedEntry(cloud.platform)
  const demo = await listed('DEMOREPORT')
  expect(demo?.serialNo).toMatch(/^HB-\d{4}$/)
  expect(['HB-0001', 'HB-0002']).not.toContain(demo?.serialNo)
  expect(expectOk(await register('poster-req-3')).serialNo).not.toBe(demo?.serialNo)
})
