import crypto from 'node:crypto'
import QRCode from 'qrcode'
import type { ContentCheckResult, OpenApi } from '../index'

/**
 * Local stand-ins for WeChat's open APIs. Each call is recorded in `outbox` (what would have been
 * sent) so tests and the developer can see it; the content check is a keyword list, enough to
 * exercise the paths where content is refused.
 */
export type OutboxEntry =
  | { api: 'security.msgSecCheck'; at: number; scene: string; length: number; pass: boolean }
  | { api: 'security.imgSecCheck'; at: number; fileID: string; pass: boolean }
  | { api: 'security.mediaCheckAsync'; at: number; fileID: string; traceId: string; pass: boolean }
  | { api: 'wxacode.getUnlimited'; at: number; scene: string; page: string }
  | { api: 'subscribeMessage.send'; at: number; touser: string; templateId: string; page: string; data: Record<string, { value: string }> }

/** Words that stand in for what the real check refuses (abuse, gambling, fraud, politics…). */
export const BLOCKED_WORDS = ['傻逼', '操你', '赌博', '代开发票', '办证', '枪支', '毒品', '法轮'] as const

/**
 * A file whose cloud path or bytes contain this marker fails the image check (so tests can trigger
 * it; uploaded files are named by the server, so a test marks the bytes).
 */
export const BLOCKED_IMAGE_MARKER = 'risky'

/** WeChat's `wxa_media_check` message push (v2), as the platform delivers it to the function. */
export interface MediaCheckPush {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  result: { suggest: 'pass' | 'risky' | 'review'; label: number }
  detail: Array<{ strategy: string; errcode: number; suggest: string; label: number; prob?: number }>
}

export interface LocalOpenApi extends OpenApi {
  readonly outbox: OutboxEntry[]
  /**
   * The pushes WeChat would send for the media checks asked so far, handed over once each: the
   * local host delivers them a moment later (the cloud's take up to 30 minutes), tests when they choose.
   */
  takeMediaCheckPushes(olderThanMs?: number): MediaCheckPush[]
}

// The same scene always renders the same image; rendering is pixel-by-pixel and costs seconds
// under jest's VM, where every test file seeds the demo posters again.
const renderedCodes = new Map<string, Promise<Buffer>>()
const RENDERED_CODES_KEPT = 500

/** A real QR of the scene: scanning it locally yields what the 小程序码 would carry. */
function renderCode(scene: string, width: number): Promise<Buffer> {
  const key = `${width}:${scene}`
  let rendered = renderedCodes.get(key)
  if (!rendered) {
    if (renderedCodes.size >= RENDERED_CODES_KEPT) renderedCodes.clear()
    rendered = QRCode.toBuffer(`scene=${scene}`, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
    renderedCodes.set(key, rendered)
    rendered.catch(() => renderedCodes.delete(key))
  }
  return rendered
}

/** `readFile`: a stored file's bytes, or null when there is none */
export function createLocalOpenApi(clock: { now(): number }, readFile: (fileID: string) => Buffer | null = () => null): LocalOpenApi {
  const outbox: OutboxEntry[] = []
  let pushes: Array<{ askedAt: number; push: MediaCheckPush }> = []
  return {
    outbox,
    takeMediaCheckPushes(olderThanMs = 0) {
      const due = clock.now() - olderThanMs
      const taken = pushes.filter((p) => p.askedAt <= due)
      pushes = pushes.filter((p) => p.askedAt > due)
      return taken.map((p) => p.push)
    },
    async checkMediaAsync({ fileID }) {
      // the same stand-in verdict as the image check; the answer is only the trace id, as in the cloud
      const pass = !fileID.includes(BLOCKED_IMAGE_MARKER) && !readFile(fileID)?.includes(BLOCKED_IMAGE_MARKER)
      const traceId = `local-${crypto.randomBytes(8).toString('hex')}`
      outbox.push({ api: 'security.mediaCheckAsync', at: clock.now(), fileID, traceId, pass })
      const suggest = pass ? 'pass' : 'risky'
      const label = pass ? 100 : 20002
      pushes.push({
        askedAt: clock.now(),
        push: {
        ToUserName: 'gh_local',
        FromUserName: 'local-push',
        CreateTime: Math.floor(clock.now() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'local',
        trace_id: traceId,
        version: 2,
        result: { suggest, label },
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
        },
      })
      return { traceId }
    },
    async checkText({ content, scene }): Promise<ContentCheckResult> {
      const hit = BLOCKED_WORDS.find((w) => content.includes(w))
      outbox.push({ api: 'security.msgSecCheck', at: clock.now(), scene, length: content.length, pass: !hit })
      return hit ? { pass: false, label: 'risky' } : { pass: true }
    },
    async checkImage({ fileID }): Promise<ContentCheckResult> {
      const pass = !fileID.includes(BLOCKED_IMAGE_MARKER) && !readFile(fileID)?.includes(BLOCKED_IMAGE_MARKER)
      outbox.push({ api: 'security.imgSecCheck', at: clock.now(), fileID, pass })
      return pass ? { pass } : { pass, label: 'risky' }
    },
    async createMiniProgramCode({ scene, page, width = 430 }) {
      outbox.push({ api: 'wxacode.getUnlimited', at: clock.now(), scene, page })
      return { contentType: 'image/png', buffer: await renderCode(scene, width) }
    },
    async sendSubscribeMessage({ touser, templateId, page, data }) {
      outbox.push({ api: 'subscribeMessage.send', at: clock.now(), touser, templateId, page, data })
    },
  }
}
