import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { AddressInfo } from 'node:net'
import QRCode from 'qrcode'
import { FUNCTIONS } from '@/cloud/functions'
import { createLocalHost } from '@/cloud/local-host/server'
import { startTestCloud, type TestCloud } from '../support/cloud'

/**
 * What the local host says about what it serves: gzip for text when asked (and only then), nosniff
 * on every answer, and a CSP on the H5 app that allows its own inline snippet by hash, nothing else.
 */
let cloud: TestCloud
let server: http.Server
let port: number
let staticDir: string

// shaped like Taro's dist-h5: an inline rem snippet, deferred hashed bundles, a stylesheet
const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX = `<!doctype html><html lang="zh-CN"><head><title>文明通</title><script>${INLINE}</script><script defer="defer" src="/js/app.0123abcd.js"></script><link href="/css/app.0123abcd.css" rel="stylesheet"></head><body><div id="app"></div>${'<!-- padding -->'.repeat(80)}</body></html>`
const APP_JS = `(function(){${'var civility="文明通";console.info(civility);'.repeat(200)}})();`
const APP_CSS = `.wm-shell{color:#c8102e}`.repeat(100)

beforeAll(async () => {
  cloud = startTestCloud()
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-h5-'))
  fs.mkdirSync(path.join(staticDir, 'js'))
  fs.mkdirSync(path.join(staticDir, 'css'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX)
  fs.writeFileSync(path.join(staticDir, 'js/app.0123abcd.js'), APP_JS)
  fs.writeFileSync(path.join(staticDir, 'css/app.0123abcd.css'), APP_CSS)
  server = createLocalHost({ platform: cloud.platform, functions: FUNCTIONS, staticDir, devIdentities: true })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  cloud.close()
  fs.rmSync(staticDir, { recursive: true, force: true })
})

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /** the bytes on the wire, before any decoding */
  body: Buffer
}

/** A request with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const GZIP = { 'accept-encoding': 'gzip' }

describe('gzip', () => {
  test.each([
    ['the JS bundle', '/js/app.0123abcd.js', APP_JS, 'text/javascript'],
    ['the stylesheet', '/css/app.0123abcd.css', APP_CSS, 'text/css'],
    ['the H5 index', '/', INDEX, 'text/html'],
  ])('%s is sent gzipped to a client that accepts it, and decompresses to the same bytes', async (_label, pathname, content, type) => {
    const res = await get(pathname, GZIP)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain(type)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(res.body.length).toBeLessThan(Buffer.byteLength(content))
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(content)
  })

  test('a JSON answer is gzipped too, and is the same JSON as the plain one', async () => {
    const zipped = await get('/api/contract', GZIP)
    const plain = await get('/api/contract')
    expect(zipped.headers['content-type']).toContain('application/json')
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(zipped.body)).toEqual(plain.body)
    expect(JSON.parse(plain.body.toString('utf8'))).toMatchObject({ ok: true, data: { storage: { reserve: expect.any(Object) } } })
  })

  test('a client that also takes brotli gets brotli (smaller still), which decodes to the same bytes', async () => {
    const res = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(APP_JS)
  })

  test('without Accept-Encoding every answer goes plain', async () => {
    for (const pathname of ['/js/app.0123abcd.js', '/', '/api/contract']) {
      const res = await get(pathname)
      expect({ pathname, encoding: res.headers['content-encoding'] }).toEqual({ pathname, encoding: undefined })
    }
    expect((await get('/js/app.0123abcd.js')).body.toString('utf8')).toBe(APP_JS)
  })

  test('images are not gzipped again', async () => {
    const png = await QRCode.toBuffer('scene=delivery', { type: 'png', width: 256 })
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: 'reports/20261125/0123456789abcdef01234567.png', fileContent: png })
    const res = await get(`/api/storage/file/${fileID.replace('cloud://local.wenming/', '')}`, GZIP)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body).toEqual(png)
  })
})

describe('what every answer says about itself', () => {
  test.each(['/', '/js/app.0123abcd.js', '/api/contract', '/api/nothing', '/api/storage/file/reports/none.png', '/pages/mine/index'])(
    '%s carries X-Content-Type-Options: nosniff and a CSP',
    async (pathname) => {
      const res = await get(pathname)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toEqual(expect.any(String))
    },
  )

  test('the H5 index gets a CSP that allows its inline snippet by hash and no other inline script', async () => {
    const csp = String((await get('/')).headers['content-security-policy'])
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
    const hash = `'sha256-${crypto.createHash('sha256').update(INLINE, 'utf8').digest('base64')}'`
    expect(directives.get('script-src')).toEqual(["'self'", hash])
    expect(directives.get('script-src-attr')).toEqual(["'none'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(directives.get('connect-src')).toEqual(["'self'", 'blob:', 'data:'])
    expect(directives.get('frame-ancestors')).toEqual(["'self'"])
    // plain http on 127.0.0.1: nothing may send the app to https
    expect(directives.has('upgrade-insecure-requests')).toBe(false)
    expect((await get('/')).headers['strict-transport-security']).toBeUndefined()
  })

  test('a stored file is served under a CSP that runs nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: 'reports/demo/x.svg', fileContent: svg })
    const res = await get(`/api/storage/file/${fileID.replace('cloud://local.wenming/', '')}`)
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/)
    expect(res.headers['content-security-policy']).toMatch(/\bsandbox\b/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })
})
