import { qrPng } from '@/cloud/domain/volunteer/qr-png'
import { expectOk, type TestCloud } from '../support/cloud'
import { HOUR, ORGANIZER, PLACE, publish, registerVolunteer, signUp, startVolunteerCloud } from './volunteer-fixtures'

/**
 * The certificate saved as an image (issue #10) carries a QR to its verification page. `jsqr` is
 * not installed to decode it, so the test re-encodes the exact link it must hold and compares bytes.
 */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startVolunteerCloud()
})
afterEach(() => cloud.close())

const north = (m: number) => ({ lat: PLACE.lat + (m * 180) / (Math.PI * 6371008.8), lng: PLACE.lng })

async function confirmedVolunteer(openid: string) {
  const { shiftIds } = await publish(cloud, [{ startIn: HOUR, capacity: 1 }])
  const here = { kind: 'geofence' as const, ...north(0) }
  await registerVolunteer(cloud, openid, 1)
  expectOk(await signUp(cloud, openid, shiftIds[0]))
  const start = cloud.clock.now() + HOUR
  cloud.clock.set(start)
  expectOk(await cloud.as(openid).call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: here }))
  cloud.clock.set(start + 2 * HOUR)
  expectOk(await cloud.as(openid).call('volunteer', 'checkOut', { shiftId: shiftIds[0], proof: here }))
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: shiftIds[0], all: true }))
}

const PNG_PREFIX = 'data:image/png;base64,'

test('the certificate view carries a small PNG QR of its own verification link, the same for the holder and a verifier', async () => {
  await confirmedVolunteer('amy')
  const certificate = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  expect(certificate.verifyQr.startsWith(PNG_PREFIX)).toBe(true)
  const png = Buffer.from(certificate.verifyQr.slice(PNG_PREFIX.length), 'base64')
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  // a few hundred bytes: it rides in every certificate view
  expect(png.length).toBeLessThan(1000)
  // square, and large enough to scan once drawn on the 750-px image
  const width = png.readUInt32BE(16)
  expect(png.readUInt32BE(20)).toBe(width)
  expect(width).toBeGreaterThanOrEqual(100)

  // the exact link: the certificate page opens the verification result for ?code=
  const link = `packages/volunteer/pages/certificate/index?code=${certificate.code}`
  expect(png.equals(qrPng(link, { scale: 4, margin: 4 }))).toBe(true)
  expect(png.equals(qrPng(`packages/volunteer/pages/certificate/index?code=${certificate.code.slice(1)}X`, { scale: 4, margin: 4 }))).toBe(false)

  // what the scan opens verifies, and shows the same QR
  const code = /[?&]code=([^&]+)/.exec(link)?.[1] ?? ''
  const checked = expectOk(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code }))
  expect(checked).toMatchObject({ code: certificate.code, serialNo: certificate.serialNo, verifyQr: certificate.verifyQr })
})
