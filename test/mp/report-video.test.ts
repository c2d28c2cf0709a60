/** @jest-environment jsdom */
import { respond } from './canned-cloud'
import { loadMiniProgram, WEAPP_DIST, type CloudCall, type MiniProgram } from './harness'

/**
 * 随手拍's 视频 tile in the COMPILED mini-program (issue #10): it asks WeChat's camera for one video
 * of at most 15 s (album too, except for the on-the-spot categories), refuses a longer clip with
 * a message, uploads the clip and WeChat's own cover frame to server-reserved paths, and submits
 * the report with the video and no photo. WeChat's pickers and cloud storage are stubbed here;
 * everything between them is the built code.
 */
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void }
interface ChooseMediaOptions extends Callbacks {
  count: number
  mediaType: string[]
  sourceType: string[]
  maxDuration?: number
}

let reserved = 0
const submitted: unknown[] = []
function answer(call: CloudCall): unknown {
  if (call.name === 'storage' && call.action === 'reserve') {
    reserved++
    return { ok: true, data: { paths: [`reports/20261201/${reserved.toString(16).padStart(24, '0')}`], expiresAt: Date.now() + 86_400_000 } }
  }
  if (call.name === 'report' && call.action === 'prepare') return { ok: true, data: { uploadDir: 'reports', dailyLimit: 20, usedToday: 0, categoryTexts: [] } }
  if (call.name === 'report' && call.action === 'nearby') return { ok: true, data: [] }
  if (call.name === 'frontage' && call.action === 'placeCheck') return { ok: true, data: { message: null, shop: null, exempts: false } }
  if (call.name === 'report' && call.action === 'submit') {
    submitted.push(call.data)
    return { ok: false, code: 'REPORT.DAILY_LIMIT', message: '今天的上报次数已达上限，请明天再来' }
  }
  return respond(call)
}

let mp: MiniProgram
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx
const asked: ChooseMediaOptions[] = []
const uploads: string[] = []
let nextClip = { duration: 20, size: 3_000_000 }

beforeAll(() => {
  mp = loadMiniProgram(WEAPP_DIST, answer)
  const w = wx()
  w.getLocation = (options: Callbacks) => {
    const res = { errMsg: 'getLocation:ok', latitude: 30.27702, longitude: 120.14955, accuracy: 20 }
    setTimeout(() => (options.success?.(res), options.complete?.(res)), 0)
  }
  // Taro passes chooseMedia straight through (it is not on its promisify list): as WeChat's base
  // library (≥ 2.10.2) does, a call without success/fail/complete answers with a promise
  w.chooseMedia = (options: ChooseMediaOptions) => {
    asked.push(options)
    const res = {
      errMsg: 'chooseMedia:ok',
      type: 'video',
      tempFiles: [{ tempFilePath: 'http://tmp/clip.mp4', duration: nextClip.duration, size: nextClip.size, height: 1280, width: 720, thumbTempFilePath: 'http://tmp/clip-cover.jpg', fileType: 'video' }],
    }
    if (!options.success && !options.fail && !options.complete) return new Promise((resolve) => setTimeout(() => resolve(res), 0))
    setTimeout(() => (options.success?.(res), options.complete?.(res)), 0)
  }
  const cloud = w.cloud as Record<string, unknown>
  cloud.uploadFile = (options: { cloudPath: string; filePath: string } & Callbacks) => {
    uploads.push(`${options.filePath} → ${options.cloudPath}`)
    const task = { onProgressUpdate: (listener: (p: { progress: number }) => void) => setTimeout(() => listener({ progress: 50 }), 0) }
    setTimeout(() => options.success?.({ fileID: `cloud://env.bucket/${options.cloudPath}`, statusCode: 200 }), 5)
    return task
  }
})

test('the 视频 tile takes one clip of ≤ 15 s from WeChat\'s camera, uploads it with its cover, and submits it with no photo', async () => {
  const page = mp.openPage('pages/report/index')
  await page.until(() => page.text().includes('已定位：文明路网格'), 'the located grid')
  expect(page.text()).toContain('视频')

  // 20 s: refused on the phone, nothing uploaded
  page.tap('wm-report-video')
  await page.until(() => page.text().includes('视频不能超过 15 秒'), 'the too-long message')
  expect(asked[0]).toMatchObject({ count: 1, mediaType: ['video'], maxDuration: 15, sourceType: ['camera', 'album'] })
  expect(uploads).toEqual([])

  nextClip = { duration: 4.2, size: 3_000_000 }
  page.tap('wm-report-video')
  await page.until(() => page.text().includes('视频 4 秒'), 'the uploaded clip')
  expect(page.text()).not.toContain('视频不能超过 15 秒')
  // the clip and WeChat's cover frame, each to its own reserved path, named by what it is
  expect(uploads.sort()).toEqual(['http://tmp/clip-cover.jpg → reports/20261201/000000000000000000000001.jpg', 'http://tmp/clip.mp4 → reports/20261201/000000000000000000000002.mp4'].sort())

  page.tap('wm-cat-illegal-ads')
  await page.flush(10)
  page.tap('wm-report-submit')
  await page.until(() => submitted.length === 1, 'the submit')
  const sent = submitted[0] as { photos: string[]; video?: { fileId: string; coverFileId: string } }
  expect(sent.photos).toEqual([])
  expect(sent.video?.fileId).toMatch(/\.mp4$/)
  expect(sent.video?.coverFileId).toMatch(/\.jpg$/)
  expect(sent.video?.fileId).not.toBe(sent.video?.coverFileId)
  await page.until(() => page.text().includes('今天的上报次数已达上限'), 'the server\'s answer on the form')
})
