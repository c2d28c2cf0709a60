import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type http from 'node:http'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { seedCity } from '@/cloud/domain/report/seed'
import { FUNCTIONS } from '@/cloud/functions'
import { createLocalHost } from '@/cloud/local-host/server'
import { startTestCloud, type TestCloud } from '../support/cloud'

/**
 * The H5 path end to end over HTTP: the photo goes through the local host's upload endpoint into
 * the folder the report function handed out, and only its uploader can attach it.
 */
let cloud: TestCloud
let server: http.Server
let base: string

beforeEach(async () => {
  cloud = startTestCloud({ adminOpenids: ['demo-admin'] })
  await seedCity(cloud.platform)
  server = createLocalHost({ platform: cloud.platform, functions: FUNCTIONS, devIdentities: true })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
  cloud.close()
})

async function call(openid: string, action: string, data: unknown) {
  const res = await fetch(`${base}/api/cloud/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, data }),
  })
  return (await res.json()) as { ok: boolean; code?: string; data?: Record<string, unknown> }
}

async function upload(openid: string, cloudPath: string): Promise<string> {
  const res = await fetch(`${base}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}&area=reports`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-dev-openid': openid },
    body: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
  })
  const body = (await res.json()) as { data: { fileID: string } }
  return body.data.fileID
}

const submission = (photo: string) => ({
  categoryId: 'illegal-ads',
  photos: [photo],
  location: { ...DEMO_POINT, address: '文明路' },
  description: '小广告',
  anonymous: true,
  requestId: randomUUID(),
})

test('a photo uploaded into my folder can be attached by me, and not by anyone else', async () => {
  const prepared = await call('demo-resident', 'prepare', {})
  const uploadDir = String(prepared.data?.uploadDir)
  expect(uploadDir).toMatch(/^reports\/[0-9a-f]{16}$/)
  const fileID = await upload('demo-resident', `${uploadDir}/20261125/x.jpg`)
  expect(fileID).toMatch(new RegExp(`^cloud://local\\.wenming/${uploadDir}/\\d{8}/[0-9a-f]{24}\\.jpg$`))

  expect(await call('demo-volunteer', 'submit', submission(fileID))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
  const submitted = await call('demo-resident', 'submit', submission(fileID))
  expect(submitted).toMatchObject({ ok: true, data: { status: 'submitted', gridId: 'grid-demo' } })
  // the photo is served back to the reporter
  const photos = submitted.data?.photos as Array<{ url: string }>
  const served = await fetch(`${base}${photos[0].url}`)
  expect(served.status).toBe(200)
})

test('without a folder the upload lands in the area root, which no report accepts', async () => {
  const fileID = await upload('demo-resident', 'reports/x.jpg')
  expect(fileID).toMatch(/^cloud:\/\/local\.wenming\/reports\/\d{8}\//)
  expect(await call('demo-resident', 'submit', submission(fileID))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
})
