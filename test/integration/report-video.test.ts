import { BLOCKED_IMAGE_MARKER } from '@/cloud/platform/local/open-api'
import { MEDIA_CHECK_RETRY_MS } from '@/cloud/domain/report/video'
import { movieDurationMs } from '@/cloud/domain/upload/mp4'
import { expectOk } from '../support/cloud'
import { CLIP_2S, withDuration } from '../support/movie'
import { P, reportIn, startReportCloud, storedReport, type ReportCloud } from './report-fixtures'

/**
 * 随手拍 with a short video (issue #10): a clip of at most 15 s may stand in for the photos. Its
 * cover frame goes to WeChat's asynchronous media check; until the verdict (a `wxa_media_check`
 * message push) says pass, only the reporter sees the video or its cover.
 *
 * The clip is a real MP4 (2 s, H.264) that Chromium's MediaRecorder wrote; "too long" is the same
 * file with its header's duration changed, which is all the server reads.
 */
const CLIP = CLIP_2S

/** The clip with a camera metadata box (maker, place) appended inside `moov`, as phones write. */
function withCameraMetadata(clip: Buffer): Buffer {
  const moov = clip.indexOf('moov', 0, 'latin1') - 4
  const moovSize = clip.readUInt32BE(moov)
  const text = Buffer.from('\u00a9xyz+30.2741+120.1551/ Apple iPhone 15 serial F2LXK0', 'latin1')
  const udta = Buffer.alloc(8 + text.length)
  udta.writeUInt32BE(udta.length, 0)
  udta.write('udta', 4, 'latin1')
  text.copy(udta, 8)
  const head = Buffer.from(clip.subarray(0, moov + moovSize))
  head.writeUInt32BE(moovSize + udta.length, moov)
  return Buffer.concat([head, udta, clip.subarray(moov + moovSize)])
}

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

async function upload(openid: string, bytes: Buffer, ext: string): Promise<string> {
  const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'reports', count: 1 }))
  return (await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.${ext}`, fileContent: bytes })).fileID
}

/** A clip and its cover (the cover marked risky when the check should refuse it). */
async function video(openid: string, options: { bytes?: Buffer; riskyCover?: boolean } = {}) {
  return {
    fileId: await upload(openid, options.bytes ?? CLIP, 'mp4'),
    coverFileId: options.riskyCover ? await cloud.photo(openid, BLOCKED_IMAGE_MARKER) : await cloud.photo(openid),
  }
}

const mediaChecks = () => cloud.platform.openApi.outbox.filter((e) => e.api === 'security.mediaCheckAsync')
const retryTimer = async () => expectOk(await cloud.as(null).raw('report', { Type: 'Timer', TriggerName: 'retryVideoChecks' }))

test('a video stands in for photos: only its reporter sees it until the check passes, then staff and lists do', async () => {
  const clip = await video(P.alice)
  const report = await cloud.submit(P.alice, { photos: [], video: clip })
  const stored = await storedReport(cloud, report.id)
  expect(stored.video).toMatchObject({ fileId: clip.fileId, coverFileId: clip.coverFileId, durationMs: 1935, check: 'pending' })
  // the cover, not the clip, went to WeChat's asynchronous check
  expect(mediaChecks().map((e) => e.fileID)).toEqual([clip.coverFileId])

  expect(report.video).toMatchObject({ durationMs: 1935, heldReason: expect.stringContaining('审核') })
  expect(report.video?.url).toBeTruthy()
  const asGrid = await cloud.view(P.grid, report.id)
  expect(asGrid.video).toBeNull()
  expect(asGrid.description).toBe(report.description) // the report itself reached the grid
  const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
  expect(queue.items.find((i) => i.id === report.id)?.thumbUrl).toBeNull()
  const mine = expectOk(await cloud.as(P.alice).call('report', 'mine', {}))
  expect(mine.items.find((i) => i.id === report.id)?.thumbUrl).toBeTruthy()

  expect(await cloud.deliverPushes()).toBe(1)
  expect((await storedReport(cloud, report.id)).video).toMatchObject({ check: 'pass', label: null })
  const passed = await cloud.view(P.grid, report.id)
  expect(passed.video).toMatchObject({ durationMs: 1935, heldReason: null })
  expect(passed.video?.coverUrl).toBeTruthy()
  const after = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
  expect(after.items.find((i) => i.id === report.id)?.thumbUrl).toBeTruthy()
  expect((await cloud.view(P.alice, report.id)).video?.heldReason).toBeNull()
  // the check is over: nothing is left in flight
  expect((await cloud.platform.db.collection('media_checks').count()).total).toBe(0)
})

test('a cover the check refuses keeps the video with its reporter; a repeated or forged push changes nothing', async () => {
  const report = await cloud.submit(P.alice, { video: await video(P.alice, { riskyCover: true }) })
  const [push] = cloud.platform.openApi.takeMediaCheckPushes()
  expect(push.result.suggest).toBe('risky')
  expectOk(await cloud.as(null).raw('report', push))
  expect((await storedReport(cloud, report.id)).video).toMatchObject({ check: 'held', label: 'risky' })
  expect((await cloud.view(P.grid, report.id)).video).toBeNull()
  expect((await cloud.view(P.alice, report.id)).video?.heldReason).toContain('仅您本人可见')
  // the same push again, and a resident posting a pass for it: the check is over, nothing moves
  expectOk(await cloud.as(null).raw('report', push))
  expectOk(await cloud.as(P.bob).raw('report', { ...push, result: { suggest: 'pass', label: 100 } }))
  expect((await storedReport(cloud, report.id)).video).toMatchObject({ check: 'held', label: 'risky' })

  // a pending video, and a forged pass for a trace id nobody was given
  const pending = await cloud.submit(P.alice, { video: await video(P.alice) })
  const forged = { ...push, trace_id: 'made-up-trace', result: { suggest: 'pass', label: 100 } }
  expectOk(await cloud.as(P.bob).raw('report', forged))
  expect((await storedReport(cloud, pending.id)).video?.check).toBe('pending')
  // no trace id ever reaches a client
  expect(JSON.stringify(await cloud.view(P.alice, pending.id))).not.toContain(mediaChecks()[1].traceId)
})

test('a passed video shows on the public square as the report\'s picture', async () => {
  const report = await reportIn(cloud, 'resolved', { photos: [], video: await video(P.alice) })
  const unchecked = expectOk(await cloud.as(P.bob).call('report', 'feed', {}))
  expect(unchecked.items.find((i) => i.id === report.id)?.beforeUrl ?? null).toBeNull()
  await cloud.deliverPushes()
  const feed = expectOk(await cloud.as(P.bob).call('report', 'feed', {}))
  expect(feed.items.find((i) => i.id === report.id)?.beforeUrl).toBeTruthy()
})

test('a clip over 15 s, a file that is not a movie, and a video given as a photo are refused; nothing is stored', async () => {
  const before = await cloud.snapshot()
  const long = await video(P.alice, { bytes: withDuration(CLIP, 16_000) })
  expect(movieDurationMs(withDuration(CLIP, 16_000))).toBe(16_000)
  const afterUploads = await cloud.snapshot()
  expect(await cloud.trySubmit(P.alice, { photos: [], video: long })).toMatchObject({ ok: false, code: 'REPORT.VIDEO_TOO_LONG' })
  // a JPEG named as the clip, and the clip offered as a photo
  const jpegAsClip = { fileId: await cloud.photo(P.alice), coverFileId: await cloud.photo(P.alice) }
  expect(await cloud.trySubmit(P.alice, { photos: [], video: jpegAsClip })).toMatchObject({ ok: false, code: 'REPORT.VIDEO_UNREADABLE' })
  const clipAsPhoto = await upload(P.alice, CLIP, 'mp4')
  expect(await cloud.trySubmit(P.alice, { photos: [clipAsPhoto] })).toMatchObject({ ok: false, code: 'UPLOAD.TYPE' })
  // the same file as clip and cover
  const same = await upload(P.alice, CLIP, 'mp4')
  expect(await cloud.trySubmit(P.alice, { photos: [], video: { fileId: same, coverFileId: same } })).toMatchObject({ ok: false, code: 'REPORT.VIDEO_UNREADABLE' })
  // neither photo nor video
  expect(await cloud.trySubmit(P.alice, { photos: [] })).toMatchObject({ ok: false, code: 'INPUT.INVALID', issues: [{ path: 'photos', message: '请至少拍一张照片或一段视频' }] })
  // someone else's clip
  const bobs = await video(P.bob)
  expect(await cloud.trySubmit(P.alice, { photos: [], video: bobs })).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_YOURS', message: expect.stringContaining('视频') })
  const after = await cloud.snapshot()
  expect(after.reports).toEqual(before.reports)
  expect(after.media_checks).toEqual([])
  expect(mediaChecks()).toEqual([])
  // the refused submit left the long clip's reservations as they were: it can still be replaced
  expect(after.uploads.filter((u) => afterUploads.uploads.some((v) => JSON.stringify(v) === JSON.stringify(u))).length).toBe(afterUploads.uploads.length)
})

test('the camera\'s metadata box is blanked in the stored clip; its length and playback offsets stay', async () => {
  const tagged = withCameraMetadata(CLIP)
  const clip = await video(P.alice, { bytes: tagged })
  await cloud.submit(P.alice, { photos: [], video: clip })
  const { fileContent } = await cloud.platform.storage.downloadFile({ fileID: clip.fileId })
  expect(fileContent.length).toBe(tagged.length)
  expect(fileContent.includes('iPhone')).toBe(false)
  expect(fileContent.includes('+30.2741')).toBe(false)
  expect(fileContent.indexOf('free', 0, 'latin1')).toBeGreaterThan(0)
  expect(movieDurationMs(fileContent)).toBe(1935)
  // everything but the blanked box is byte for byte the same
  expect(fileContent.subarray(fileContent.length - 1000)).toEqual(tagged.subarray(tagged.length - 1000))
})

test('an unanswered check is asked again after 40 minutes, three times in all, then the video stays with its reporter', async () => {
  const report = await cloud.submit(P.alice, { photos: [], video: await video(P.alice) })
  cloud.platform.openApi.takeMediaCheckPushes() // WeChat never answers
  await retryTimer()
  expect(mediaChecks()).toHaveLength(1) // too soon
  for (const attempt of [2, 3]) {
    cloud.clock.advance(MEDIA_CHECK_RETRY_MS + 60_000)
    await retryTimer()
    await retryTimer() // a second run in the same minute asks nothing more
    cloud.platform.openApi.takeMediaCheckPushes()
    expect(mediaChecks()).toHaveLength(attempt)
  }
  cloud.clock.advance(MEDIA_CHECK_RETRY_MS + 60_000)
  await retryTimer()
  expect(mediaChecks()).toHaveLength(3)
  expect((await storedReport(cloud, report.id)).video).toMatchObject({ check: 'held', label: 'timeout' })
  expect((await cloud.platform.db.collection('media_checks').count()).total).toBe(0)
})

test('a media check request that fails leaves the report standing and is asked again by the timer', async () => {
  const openApi = cloud.platform.openApi
  const real = openApi.checkMediaAsync.bind(openApi)
  openApi.checkMediaAsync = () => Promise.reject(new Error('errcode 45009'))
  const report = await cloud.submit(P.alice, { photos: [], video: await video(P.alice) })
  expect((await storedReport(cloud, report.id)).video?.check).toBe('pending')
  openApi.checkMediaAsync = real
  cloud.clock.advance(MEDIA_CHECK_RETRY_MS + 60_000)
  await retryTimer()
  expect(await cloud.deliverPushes()).toBe(1)
  expect((await storedReport(cloud, report.id)).video?.check).toBe('pass')
})
