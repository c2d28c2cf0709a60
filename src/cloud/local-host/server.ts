import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { z } from 'zod'
import { UPLOAD_AREAS, UPLOAD_ERRORS, UPLOAD_LIMITS, type UploadArea, type UploadErrorCode } from '@/shared/contract'
import { openid as openidSchema } from '@/shared/contract/common'
import { failCommon } from '@/shared/errors'
import { detectUploadType } from '../domain/upload/detect'
import { liveReservation, reserveUploads } from '../domain/upload/reservations'
import type { CloudFunction, HttpTriggerEvent } from '../runtime/define-function'
import { loadGrants } from '../runtime/grants'
import type { Caller } from '../platform'
import type { LocalPlatform } from '../platform/local'
import { deliveryHeaders, gzip, storedFileHeaders } from './delivery'
import { DEMO_IDENTITIES } from './seed'

/**
 * The local host: what WeChat cloud provides to the mini-program, on one port, for the H5 build
 * and for tests. Cloud functions run in-process on the local platform, exactly as deployed code
 * runs on the wx platform.
 */
export interface LocalHostOptions {
  platform: LocalPlatform
  functions: Record<string, CloudFunction>
  /** the H5 build to serve at `/`; omitted in API-only tests */
  staticDir?: string
  /** accept `X-Dev-Openid` as the caller's identity (on for `npm start`, off with DEV_IDENTITIES=0) */
  devIdentities: boolean
}

export const MAX_EVENT_BYTES = 100 * 1024
export const MAX_UPLOAD_BYTES = UPLOAD_LIMITS.maxBytes

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

export function createLocalHost(options: LocalHostOptions): http.Server {
  const { platform, functions } = options

  function callerOf(req: http.IncomingMessage): { openid: string } | null {
    if (!options.devIdentities) return null
    const header = req.headers['x-dev-openid']
    const parsed = openidSchema.safeParse(Array.isArray(header) ? header[0] : header)
    return parsed.success ? { openid: parsed.data } : null
  }

  async function handleCloud(req: http.IncomingMessage, res: http.ServerResponse, fnName: string): Promise<void> {
    const fn = Object.prototype.hasOwnProperty.call(functions, fnName) ? functions[fnName] : undefined
    if (!fn) throw new HttpError(404, 'FUNCTION.UNKNOWN', '云函数不存在')
    const body = await readBody(req, MAX_EVENT_BYTES)
    let event: unknown
    try {
      event = JSON.parse(body.toString('utf8'))
    } catch {
      throw new HttpError(400, 'EVENT.MALFORMED', '请求不是有效的 JSON')
    }
    const caller = callerOf(req)
    if (!caller) throw new HttpError(401, 'AUTH.NO_IDENTITY', '未获取到身份，请重新进入小程序')
    sendJson(res, 200, await fn.invoke(event, platform, caller))
  }

  const uploadError = (status: number, code: UploadErrorCode) => new HttpError(status, code, UPLOAD_ERRORS[code])

  /**
   * The local stand-in for the phone's straight-to-storage upload. `?path=` is a path the caller
   * reserved with `storage.reserve`; `?area=` reserves one on the spot. Either way the server
   * named the path, the bytes decide what the file is (its extension and the type it is served
   * as), and anything that is not an image the area takes is refused with nothing stored.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const caller = callerOf(req)
    if (!caller) throw new HttpError(401, 'AUTH.NO_IDENTITY', '未获取到身份，请重新进入小程序')
    const reservedPath = url.searchParams.get('path')
    const reserved = reservedPath === null ? null : await liveReservation(platform, reservedPath, caller.openid)
    if (reservedPath !== null && !reserved) throw uploadError(403, 'UPLOAD.NOT_RESERVED')
    const area = reserved?.area ?? areaOf(url.searchParams.get('area'))
    if (!area) throw uploadError(400, 'UPLOAD.NOT_RESERVED')
    const content = await readBody(req, MAX_UPLOAD_BYTES)
    if (content.length === 0) throw uploadError(400, 'UPLOAD.EMPTY')
    const type = await detectUploadType(content, area)
    if (!type) throw uploadError(415, 'UPLOAD.TYPE')
    const stem = reserved?._id ?? (await reserveOne(caller, area))
    const { fileID } = await platform.storage.uploadFile({ cloudPath: `${stem}.${type.ext}`, fileContent: content })
    sendJson(res, 200, { ok: true, data: { fileID } })
  }

  async function reserveOne(caller: Caller, area: UploadArea): Promise<string> {
    const { grants, isAdmin } = await loadGrants(platform, caller)
    const reservation = await reserveUploads({ area, count: 1 }, { ...platform, caller, grants, isAdmin })
    if (!('ok' in reservation)) return reservation.paths[0]
    const status = reservation.code === 'UPLOAD.TOO_MANY' ? 429 : 403
    throw new HttpError(status, reservation.code, reservation.message)
  }

  function serveFile(res: http.ServerResponse, file: string, cache: boolean): boolean {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return false
    res.writeHead(200, {
      'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cache ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    fs.createReadStream(file).pipe(res)
    return true
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const root = options.staticDir
    if (!root) throw new HttpError(404, 'NOT_FOUND', '页面不存在')
    const target = path.normalize(path.join(root, decodeURIComponent(pathname)))
    if (!target.startsWith(path.resolve(root))) throw new HttpError(403, 'FORBIDDEN', '禁止访问')
    // Hashed assets are immutable; index.html must always be fresh so a rebuild shows at once.
    if (pathname !== '/' && serveFile(res, target, /\.[0-9a-f]{8}\./.test(target))) return
    if (!serveFile(res, path.join(root, 'index.html'), false)) {
      throw new HttpError(404, 'NOT_BUILT', 'H5 尚未构建：请先运行 npm run build:h5')
    }
  }

  /** Open311 GeoReport v2 for partner systems: the same code an HTTP-triggered cloud function serves */
  const OPEN311_ROOT = '/open311/v2/'

  /** as WeChat's HTTP trigger would hand the request to the `open311` function, and written out as it answers */
  async function handleOpen311(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const fn = Object.prototype.hasOwnProperty.call(functions, 'open311') ? functions.open311 : undefined
    if (!fn) throw new HttpError(404, 'NOT_FOUND', '接口不存在')
    const body = req.method === 'POST' ? await readBody(req, MAX_EVENT_BYTES) : Buffer.alloc(0)
    const headers: Record<string, string> = {}
    const contentType = req.headers['content-type']
    if (contentType) headers['content-type'] = contentType
    const event: HttpTriggerEvent = {
      httpMethod: req.method ?? 'GET',
      path: url.pathname,
      queryStringParameters: Object.fromEntries(url.searchParams),
      headers,
      body: body.toString('base64'),
      isBase64Encoded: true,
    }
    const answer = await fn.invoke(event, platform, null)
    if (!('statusCode' in answer)) return sendJson(res, 500, answer)
    res.writeHead(answer.statusCode, answer.headers)
    res.end(answer.body)
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { pathname } = url
    const cloud = /^\/api\/cloud\/([A-Za-z0-9_-]+)$/.exec(pathname)
    if (cloud && req.method === 'POST') return handleCloud(req, res, cloud[1])
    if (pathname === '/api/contract' && req.method === 'GET') return sendJson(res, 200, describeContract(functions))
    if (pathname === '/api/health') return sendJson(res, 200, { ok: true, data: { time: platform.clock.now() } })
    if (pathname === '/api/dev/identities' && req.method === 'GET') {
      if (!options.devIdentities) throw new HttpError(404, 'NOT_FOUND', '未开启开发身份')
      return sendJson(res, 200, {
        ok: true,
        data: DEMO_IDENTITIES.map((p) => ({ openid: p.openid, label: p.label, roles: p.grants.map((g) => g.role) })),
      })
    }
    if (pathname === '/api/dev/outbox' && req.method === 'GET') {
      if (!options.devIdentities) throw new HttpError(404, 'NOT_FOUND', '未开启开发身份')
      return sendJson(res, 200, { ok: true, data: platform.openApi.outbox.slice(-100) })
    }
    if (pathname === '/api/storage/upload' && req.method === 'POST') return handleUpload(req, res, url)
    if (pathname.startsWith('/api/storage/file/') && req.method === 'GET') {
      const file = platform.storage.pathOf('cloud://local.wenming/' + decodeURIComponent(pathname.slice('/api/storage/file/'.length)))
      if (file && serveFile(res, file, true)) return
      throw new HttpError(404, 'FILE.NOT_FOUND', '文件不存在')
    }
    if (pathname.startsWith('/api/')) throw new HttpError(404, 'NOT_FOUND', '接口不存在')
    if (pathname.startsWith(OPEN311_ROOT)) return handleOpen311(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD', '不支持的请求方法')
    return serveStatic(res, pathname)
  }

  const appHeaders = deliveryHeaders(options.staticDir)
  return http.createServer((req, res) => {
    // every answer says what it is (nosniff) and carries a CSP; text answers are gzipped when asked
    const headers = (req.url ?? '').startsWith('/api/storage/file/') ? storedFileHeaders : appHeaders
    headers(req, res, () => gzip(req, res, () => respond(req, res)))
  })

  function respond(req: http.IncomingMessage, res: http.ServerResponse): void {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendJson(res, error.status, { ok: false, code: error.code, message: error.message })
        // an oversized body is abandoned: stop reading it
        if (error.status === 413) req.destroy()
        return
      }
      platform.log.error('local host error', { error: error instanceof Error ? error.message : 'unknown' })
      if (!res.headersSent) sendJson(res, 500, failCommon('INTERNAL'))
    })
  }
}

const areaOf = (value: string | null): UploadArea | null => UPLOAD_AREAS.find((a) => a === value) ?? null

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return reject(new HttpError(413, 'EVENT.TOO_LARGE', '请求内容过大'))
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new HttpError(413, 'EVENT.TOO_LARGE', '请求内容过大'))
        req.pause()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** GET /api/contract: every function's actions, the roles allowed and the input as JSON Schema. */
export function describeContract(functions: Record<string, CloudFunction>) {
  return {
    ok: true,
    data: Object.fromEntries(
      Object.entries(functions).map(([name, fn]) => [
        name,
        Object.fromEntries(
          Object.entries(fn.actions).map(([action, spec]) => [
            action,
            { summary: spec.summary, roles: spec.roles, input: z.toJSONSchema(spec.input, { unrepresentable: 'any' }) },
          ]),
        ),
      ]),
    ),
  }
}
