import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type http from 'node:http'
import { FUNCTIONS } from '@/cloud/functions'
import { createLocalHost, MAX_EVENT_BYTES } from '@/cloud/local-host/server'
import { seedDemoData } from '@/cloud/local-host/seed'
import { startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
let server: http.Server
let base: string
let staticDir: string

async function listen(devIdentities: boolean): Promise<void> {
  server = createLocalHost({ platform: cloud.platform, functions: FUNCTIONS, staticDir, devIdentities })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

// One seeded cloud for the file: the tests below read it, and the one that writes (upload) only
// adds a file no other test looks for.
beforeAll(async () => {
  cloud = startTestCloud({ adminOpenids: ['demo-admin'] })
  await seedDemoData(cloud.platform)
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-h5-'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>文明通</title>')
})
afterAll(() => {
  cloud.close()
  fs.rmSync(staticDir, { recursive: true, force: true })
})
beforeEach(() => listen(true))
afterEach(() => new Promise((resolve) => server.close(resolve)))

const post = (fn: string, body: string, headers: Record<string, string> = { 'x-dev-openid': 'demo-resident' }) =>
  fetch(`${base}/api/cloud/${fn}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })

test('a call with a dev identity reaches the function and returns its result with HTTP 200', async () => {
  const res = await post('user', JSON.stringify({ action: 'me', data: {} }))
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ ok: true, data: { nickname: '市民小王' } })
})

test('error results are HTTP 200 too', async () => {
  const res = await post('user', JSON.stringify({ action: 'nope', data: {} }))
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ ok: false, code: 'ACTION.UNKNOWN' })
})

test('an unknown function is 404, malformed JSON 400, an oversized body 413, no identity 401', async () => {
  expect((await post('nothing', '{}')).status).toBe(404)
  expect((await post('user', '{"action":')).status).toBe(400)
  const big = JSON.stringify({ action: 'updateProfile', data: { nickname: 'x'.repeat(MAX_EVENT_BYTES) } })
  expect((await post('user', big)).status).toBe(413)
  expect((await post('user', JSON.stringify({ action: 'me', data: {} }), {})).status).toBe(401)
  expect((await post('user', JSON.stringify({ action: 'me', data: {} }), { 'x-dev-openid': 'bad id!' })).status).toBe(401)
  expect((await cloud.snapshot()).users.map((u) => (u as { _id: string })._id)).not.toContain('bad id!')
})

test('with dev identities off, the header is ignored and the identity list is gone', async () => {
  await new Promise((resolve) => server.close(resolve))
  await listen(false)
  expect((await post('user', JSON.stringify({ action: 'me', data: {} }))).status).toBe(401)
  expect((await fetch(`${base}/api/dev/identities`)).status).toBe(404)
})

test('the demo identities carry their seeded roles', async () => {
  const res = await fetch(`${base}/api/dev/identities`)
  const body = (await res.json()) as { data: Array<{ openid: string; roles: string[] }> }
  expect(body.data.find((p) => p.openid === 'demo-grid')?.roles).toEqual(['grid'])
  const me = await (await post('user', JSON.stringify({ action: 'me', data: {} }), { 'x-dev-openid': 'demo-admin' })).json()
  expect(me).toMatchObject({ ok: true, data: { isAdmin: true } })
})

test('seeding twice changes nothing', async () => {
  const before = await cloud.snapshot()
  await seedDemoData(cloud.platform)
  expect(await cloud.snapshot()).toEqual(before)
})

test('GET /api/contract lists every action with roles and a JSON Schema of its input', async () => {
  const body = (await (await fetch(`${base}/api/contract`)).json()) as {
    data: Record<string, Record<string, { roles: string[]; input: { type: string; properties?: object } }>>
  }
  expect(Object.keys(body.data.user).sort()).toEqual(['grantRole', 'me', 'revokeRole', 'rolesOf', 'updateProfile'])
  expect(body.data.user.grantRole.roles).toEqual(['admin'])
  expect(body.data.user.grantRole.input).toMatchObject({ type: 'object', properties: { role: { enum: expect.arrayContaining(['grid']) } } })
})

test('an upload is stored under a server-chosen name and served back', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  const res = await fetch(`${base}/api/storage/upload?area=reports`, {
    method: 'POST',
    body: png,
    headers: { 'content-type': 'image/png', 'x-dev-openid': 'demo-resident' },
  })
  const body = (await res.json()) as { ok: boolean; data: { fileID: string } }
  expect(body.data.fileID).toMatch(/^cloud:\/\/local\.wenming\/reports\/\d{8}\/[0-9a-f]{24}\.png$/)
  const served = await fetch(`${base}/api/storage/file/${body.data.fileID.replace('cloud://local.wenming/', '')}`)
  expect(Buffer.from(await served.arrayBuffer())).toEqual(png)
})

test('uploads need an identity and image bytes', async () => {
  const noIdentity = await fetch(`${base}/api/storage/upload?area=reports`, { method: 'POST', body: 'x', headers: { 'content-type': 'image/png' } })
  expect(noIdentity.status).toBe(401)
  const notImage = await fetch(`${base}/api/storage/upload?area=reports`, {
    method: 'POST',
    body: 'x',
    headers: { 'content-type': 'text/html', 'x-dev-openid': 'demo-resident' },
  })
  expect(notImage.status).toBe(415)
  expect(await notImage.json()).toMatchObject({ ok: false, code: 'UPLOAD.TYPE' })
})

test('the H5 app is served at / and deep paths fall back to index.html; paths cannot escape', async () => {
  expect(await (await fetch(`${base}/`)).text()).toContain('文明通')
  expect(await (await fetch(`${base}/pages/mine/index`)).text()).toContain('文明通')
  const escape = await fetch(`${base}/..%2f..%2fetc/passwd`)
  expect(await escape.text()).not.toContain('root:')
})
