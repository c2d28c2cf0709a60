import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type http from 'node:http'
import QRCode from 'qrcode'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { seedCity } from '@/cloud/domain/report/seed'
import { FUNCTIONS } from '@/cloud/functions'
import { createLocalHost } from '@/cloud/local-host/server'
import { LOCAL_FILE_PREFIX } from '@/cloud/platform/local/storage'
import { startTestCloud, type TestCloud } from '../support/cloud'

/**
 * The H5 path end to end over HTTP: the client reserves a path (`storage.reserve`), the local host
 * stores the bytes there only if they are an image, and only the one who reserved it can attach it.
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

/** A 1×1 baseline JPEG, as a camera would make (JFIF header, quantisation table, frame, scan). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
)
const SCRIPT = Buffer.from('<script>alert(document.cookie)</script>')

async function call(openid: string, fn: string, action: string, data: unknown) {
  const res = await fetch(`${base}/api/cloud/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, data }),
  })
  return (await res.json()) as { ok: boolean; code?: string; data?: Record<string, unknown> }
}

async function reserve(openid: string, area = 'reports'): Promise<string> {
  const reserved = await call(openid, 'storage', 'reserve', { area, count: 1 })
  if (!reserved.ok) throw new Error(`reserve failed: ${reserved.code}`)
  return (reserved.data?.paths as string[])[0]
}

async function upload(openid: string, query: string, body: Buffer, contentType = 'image/jpeg') {
  const res = await fetch(`${base}/api/storage/upload?${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-dev-openid': openid },
    body: new Uint8Array(body),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; code?: string; message?: string; data?: { fileID: string } } }
}

/** Every file in the platform's storage folder, as cloud paths. */
function storedFiles(): string[] {
  const root = path.dirname(cloud.platform.storage.pathOf(`${LOCAL_FILE_PREFIX}probe`) ?? '')
  if (!fs.existsSync(root)) return []
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort()
}

const submission = (photo: string) => ({
  categoryId: 'illegal-ads',
  photos: [photo],
  location: { ...DEMO_POINT, address: '文明路' },
  description: '小广告',
  anonymous: true,
  requestId: randomUUID(),
})

test('a photo uploaded to my reserved path is stored there by what it is, and only I can attach it', async () => {
  const reserved = await reserve('demo-resident')
  expect(reserved).toMatch(/^reports\/\d{8}\/[0-9a-f]{24}$/)
  const { status, body } = await upload('demo-resident', `path=${encodeURIComponent(reserved)}`, JPEG)
  expect(status).toBe(200)
  expect(body.data?.fileID).toBe(`${LOCAL_FILE_PREFIX}${reserved}.jpg`)
  const fileID = String(body.data?.fileID)

  expect(await call('demo-volunteer', 'report', 'submit', submission(fileID))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
  const submitted = await call('demo-resident', 'report', 'submit', submission(fileID))
  expect(submitted).toMatchObject({ ok: true, data: { status: 'submitted', gridId: 'grid-demo' } })
  const photos = submitted.data?.photos as Array<{ url: string }>
  const served = await fetch(`${base}${photos[0].url}`)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await served.arrayBuffer())).toEqual(JPEG)
})

test('a <script> sent as image/png is refused with UPLOAD.TYPE and nothing is stored', async () => {
  const before = await cloud.snapshot()
  const byArea = await upload('demo-resident', 'area=reports', SCRIPT, 'image/png')
  expect(byArea).toMatchObject({ status: 415, body: { ok: false, code: 'UPLOAD.TYPE', message: expect.stringContaining('图片') } })
  // the on-the-spot form reserves nothing when the bytes are refused
  expect(await cloud.snapshot()).toEqual(before)

  const reserved = await reserve('demo-resident')
  const byPath = await upload('demo-resident', `path=${encodeURIComponent(reserved)}`, SCRIPT, 'image/png')
  expect(byPath).toMatchObject({ status: 415, body: { ok: false, code: 'UPLOAD.TYPE' } })
  expect(storedFiles()).toEqual([])
  // and the path stays unfilled: a submit naming it finds no photo
  const ghost = `${LOCAL_FILE_PREFIX}${reserved}.png`
  expect(await call('demo-resident', 'report', 'submit', submission(ghost))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_FOUND' })
})

test('a real PNG sent as image/jpeg is stored and served as a PNG: the bytes decide, not the header', async () => {
  const png = await QRCode.toBuffer('scene=test', { type: 'png', width: 64 })
  const { status, body } = await upload('demo-resident', 'area=reports', png, 'image/jpeg')
  expect(status).toBe(200)
  expect(body.data?.fileID).toMatch(/^cloud:\/\/local\.wenming\/reports\/\d{8}\/[0-9a-f]{24}\.png$/)
  const served = await fetch(`${base}/api/storage/file/${String(body.data?.fileID).slice(LOCAL_FILE_PREFIX.length)}`)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  expect(Buffer.from(await served.arrayBuffer())).toEqual(png)
  // the on-the-spot form is a reservation like any other: the uploader can attach it
  expect(await call('demo-resident', 'report', 'submit', submission(String(body.data?.fileID)))).toMatchObject({ ok: true })
})

test('nobody can upload into a path reserved by someone else, or one never reserved', async () => {
  const alices = await reserve('demo-resident')
  expect(await upload('demo-volunteer', `path=${encodeURIComponent(alices)}`, JPEG)).toMatchObject({ status: 403, body: { code: 'UPLOAD.NOT_RESERVED' } })
  expect(await upload('demo-volunteer', 'path=reports%2F20261125%2F0123456789abcdef01234567', JPEG)).toMatchObject({ status: 403, body: { code: 'UPLOAD.NOT_RESERVED' } })
  expect(await upload('demo-volunteer', 'area=nowhere', JPEG)).toMatchObject({ status: 400, body: { code: 'UPLOAD.NOT_RESERVED' } })
  expect(storedFiles()).toEqual([])
})

test('a file id the caller did not reserve is refused at submit, even if the file is in storage', async () => {
  const { body } = await upload('demo-volunteer', 'area=reports', JPEG)
  const theirs = String(body.data?.fileID)
  expect(await call('demo-resident', 'report', 'submit', submission(theirs))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
  // a file put in the area by other means (a path nobody reserved) is nobody's
  const { fileID: stray } = await cloud.platform.storage.uploadFile({ cloudPath: 'reports/20261125/0123456789abcdef01234567.jpg', fileContent: JPEG })
  expect(await call('demo-resident', 'report', 'submit', submission(stray))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
})

test('a photo is attached once: its reservation goes with the submit', async () => {
  const { body } = await upload('demo-resident', 'area=reports', JPEG)
  const fileID = String(body.data?.fileID)
  expect(await call('demo-resident', 'report', 'submit', submission(fileID))).toMatchObject({ ok: true })
  expect((await cloud.snapshot()).uploads).toEqual([])
  expect(await call('demo-resident', 'report', 'submit', submission(fileID))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
})

test('an old per-person folder (reports/<key>/…) still works for its owner and only for them', async () => {
  // what the data of a host from before per-file paths holds: the person's key and a photo in their folder
  await cloud.platform.db.collection('report_people').add({ data: { _id: 'demo-resident', uploadKey: '0123456789abcdef', createdAt: 0 } })
  const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: 'reports/0123456789abcdef/20261120/5f1d0c.jpg', fileContent: JPEG })
  expect(await call('demo-volunteer', 'report', 'submit', submission(fileID))).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS' })
  const submitted = await call('demo-resident', 'report', 'submit', submission(fileID))
  expect(submitted).toMatchObject({ ok: true })
  const served = await fetch(`${base}${(submitted.data?.photos as Array<{ url: string }>)[0].url}`)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer())).toEqual(JPEG)
})

test('uploads need an identity, and reserving in a staff area needs the staff role', async () => {
  const noIdentity = await fetch(`${base}/api/storage/upload?area=reports`, { method: 'POST', body: JPEG, headers: { 'content-type': 'image/jpeg' } })
  expect(noIdentity.status).toBe(401)
  expect(await call('demo-resident', 'storage', 'reserve', { area: 'handbook', count: 1 })).toMatchObject({ ok: false, code: 'UPLOAD.AREA_FORBIDDEN' })
  expect(await upload('demo-resident', 'area=volunteer', JPEG)).toMatchObject({ status: 403, body: { code: 'UPLOAD.AREA_FORBIDDEN' } })
  expect(storedFiles()).toEqual([])
})
