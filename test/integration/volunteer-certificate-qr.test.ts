import QRCode from 'qrcode'
import { decideEntry, sceneRoute, type Route } from '@/features/entry/decide'
import type { OutboxEntry } from '@/cloud/platform/local/open-api'
import { decodeScene } from '@/shared/scene'
import { expectOk, type TestCloud } from '../support/cloud'
import { HOUR, ORGANIZER, PLACE, publish, registerVolunteer, signUp, startVolunteerCloud } from './volunteer-fixtures'

/**
 * The certificate saved as an image (issue #10) carries a 小程序码 whose scene is its 查验码
 * (`v<code>`, the shared scene codec): WeChat's scanner opens a mini-program only from such a
 * code, so a scan lands on the entry page, which opens the verification result. The code is made
 * by getUnlimited once per certificate and kept in storage. The local stand-in draws a real QR of
 * `scene=<scene>`; `jsqr` is not installed, so the test reads the scene back by re-encoding it and
 * comparing bytes.
 */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startVolunteerCloud()
})
afterEach(() => cloud.close())

const north = (m: number) => ({ lat: PLACE.lat + (m * 180) / (Math.PI * 6371008.8), lng: PLACE.lng })

async function confirmedShift(openid: string, registered = false) {
  const { shiftIds } = await publish(cloud, [{ startIn: HOUR, capacity: 1 }])
  const here = { kind: 'geofence' as const, ...north(0) }
  if (!registered) await registerVolunteer(cloud, openid, 1)
  expectOk(await signUp(cloud, openid, shiftIds[0]))
  const start = cloud.clock.now() + HOUR
  cloud.clock.set(start)
  expectOk(await cloud.as(openid).call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: here }))
  cloud.clock.set(start + 2 * HOUR)
  expectOk(await cloud.as(openid).call('volunteer', 'checkOut', { shiftId: shiftIds[0], proof: here }))
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: shiftIds[0], all: true }))
}

type CodeCall = Extract<OutboxEntry, { api: 'wxacode.getUnlimited' }>
const codeCalls = () => cloud.platform.openApi.outbox.filter((e): e is CodeCall => e.api === 'wxacode.getUnlimited' && e.scene.startsWith('v'))

async function storedCodeFile(code: string): Promise<Buffer> {
  const { data } = await cloud.platform.db.collection('volunteer_certificates').where({ _id: code }).limit(1).get()
  const fileID = String((data[0] as { codeFileID?: unknown } | undefined)?.codeFileID ?? '')
  expect(fileID).not.toBe('')
  return (await cloud.platform.storage.downloadFile({ fileID })).fileContent
}

/** What the entry page does with a raw scene: decode it, then open where the scene leads. */
function entryRoute(rawScene: string): Route {
  const decision = decideEntry(rawScene)
  if (!decision.scene) return { go: 'home', message: decision.message }
  if (decision.scene.kind === 'poster') throw new Error('a certificate scene decoded as a poster')
  return sceneRoute(decision.scene)
}

test('the holder’s certificate carries its 小程序码 (scene v<查验码> to the entry page), made once and kept in storage', async () => {
  await confirmedShift('amy')
  const certificate = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  expect(certificate.verifyCodeUrl).toMatch(/^\/api\/storage\/file\/.+\.png$/)
  expect(codeCalls()).toEqual([expect.objectContaining({ scene: `v${certificate.code}`, page: 'pages/entry/index' })])

  // the stored image is the stand-in's QR of exactly this scene (a neighbour's scene is not)
  const stored = await storedCodeFile(certificate.code)
  const drawn = (scene: string) => QRCode.toBuffer(`scene=${scene}`, { type: 'png', width: 280, margin: 2, errorCorrectionLevel: 'M' })
  expect(stored.equals(await drawn(`v${certificate.code}`))).toBe(true)
  expect(stored.equals(await drawn(`v${certificate.code.slice(1)}2`))).toBe(false)

  // opening it again, and a verifier's check, make no second code
  const again = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  expect(again).toMatchObject({ code: certificate.code, verifyCodeUrl: certificate.verifyCodeUrl })
  const checked = expectOk(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code: certificate.code }))
  expect(checked).toMatchObject({ code: certificate.code, serialNo: certificate.serialNo, verifyCodeUrl: null })
  expect(codeCalls()).toHaveLength(1)

  // new confirmed hours issue a new certificate under a new code, with a 小程序码 of its own
  await confirmedShift('amy', true)
  const renewed = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  expect(renewed.code).not.toBe(certificate.code)
  expect(codeCalls().map((c) => c.scene)).toEqual([`v${certificate.code}`, `v${renewed.code}`])
})

test('the scene decodes to the certificate and the entry page opens its verification result', async () => {
  await confirmedShift('amy')
  const certificate = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  const [call] = codeCalls()
  expect(decodeScene(call.scene)).toEqual({ ok: true, scene: { kind: 'certificate', code: certificate.code } })

  // WeChat hands the scene to the entry page URI-encoded
  const route = entryRoute(encodeURIComponent(call.scene))
  expect(route).toEqual({ go: 'redirectTo', url: `/packages/volunteer/pages/certificate/index?code=${certificate.code}` })
  // what that page asks: the certificate, as anyone sees it
  const code = route.go === 'redirectTo' ? (new URLSearchParams(route.url.split('?')[1]).get('code') ?? '') : ''
  const checked = expectOk(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code }))
  expect(checked).toMatchObject({ code: certificate.code, serialNo: certificate.serialNo, totalMinutes: certificate.totalMinutes })
  // a verifier sees the masked name only
  expect(checked.holderName).toContain('*')
})

test('a stale certificate scene opens the page that says 查无此证明; a damaged one goes home kindly', async () => {
  // well formed, but no such certificate (withdrawn or never issued): the page shows 查无此证明
  const stale = entryRoute('vZZZZZZZZZZ')
  expect(stale).toEqual({ go: 'redirectTo', url: '/packages/volunteer/pages/certificate/index?code=ZZZZZZZZZZ' })
  expect(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code: 'ZZZZZZZZZZ' })).toMatchObject({
    ok: false,
    code: 'VOLUNTEER.CERTIFICATE_NOT_FOUND',
  })
  // too short, lower case, or garbled: the entry page goes home with the gentle message
  for (const scene of ['v12', 'vabcdefghjk', '%E0%A4%A']) {
    expect(entryRoute(scene)).toEqual({ go: 'home', message: expect.stringContaining('已为您打开首页') })
  }
})

test('a 小程序码 that cannot be made now leaves the certificate good, and the next opening makes it', async () => {
  await confirmedShift('amy')
  const make = jest.spyOn(cloud.platform.openApi, 'createMiniProgramCode').mockRejectedValueOnce(Object.assign(new Error('quota'), { errCode: 45009 }))
  const first = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  expect(first.verifyCodeUrl).toBeNull()
  expect(cloud.logged).toContainEqual(expect.objectContaining({ level: 'error', message: 'certificate code not made' }))
  const second = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
  expect(second.code).toBe(first.code)
  expect(second.verifyCodeUrl).toMatch(/\.png$/)
  expect(make).toHaveBeenCalledTimes(2)
})
