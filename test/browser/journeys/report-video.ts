import fs from 'node:fs'
import type { ReportView } from '@/shared/contract'
import type { BrowserTest } from '../types'
import { CLIP_2S, withDuration } from '../../support/movie'
import { chooseFiles, dataOf, settled, visible } from '../locate'
import { openFormAsResident } from './report'
import { axe } from './walk'

/**
 * 随手拍 with a short video instead of photos (issue #10), on the H5 build: the resident picks a
 * clip on the form's 视频 tile, the browser reads its length and draws a cover from it, both
 * upload, the report is submitted with no photo; the reporter sees the clip (and plays it) at
 * once with 「审核中」; the grid worker sees it only after WeChat's media-check verdict (the local
 * host delivers each push 10 s after the request). A clip over 15 s is refused before anything is sent.
 *
 * The clip is a real 2-s H.264 MP4 (test/support/fixtures/clip-2s.mp4, written by Chromium's own
 * MediaRecorder); the long one is the same file with its header's duration set to 16 s.
 */
const CLIP = CLIP_2S

export default async function reportVideo(t: BrowserTest): Promise<void> {
  const { page } = t
  await openFormAsResident(t)
  await visible(page, '#wm-report-place').filter({ hasText: '已定位：文明路网格' }).waitFor()
  // the 视频 tile sits in the first row beside 拍照 and 相册
  const camera = await visible(page, '#wm-report-add-photo').boundingBox()
  const tile = await visible(page, '#wm-report-video').boundingBox()
  if (!camera || !tile || Math.abs(camera.y - tile.y) > 2) throw new Error(`视频 is not in the row of 拍照: ${JSON.stringify({ camera, tile })}`)

  // a clip over 15 s: said at once, nothing uploaded
  await chooseFiles(page, '#wm-report-video', [{ name: 'long.mp4', mimeType: 'video/mp4', buffer: withDuration(CLIP, 16_000) }])
  const refused = await Promise.race([
    visible(page, '#wm-report-error').filter({ hasText: '视频不能超过 15 秒' }).waitFor().then(() => 'said'),
    visible(page, '#wm-report-video-slot').waitFor().then(() => 'slot'),
  ])
  if (refused === 'slot') {
    // Chromium may play a fragmented file by its fragments and read 2 s: then the server must refuse it on submit
    await visible(page, '#wm-report-video-slot .wm-rp-photo__bar').filter({ hasText: '视频' }).waitFor()
    await visible(page, '#wm-cat-illegal-ads').tap()
    await visible(page, '#wm-report-submit').tap()
    await visible(page, '#wm-report-error').filter({ hasText: '视频不能超过 15 秒' }).waitFor()
    await visible(page, '#wm-report-video-slot .wm-rp-photo__remove').tap()
  }
  await t.shot('01-too-long')

  // the 2-s clip: a cover drawn from it, both files uploaded
  await chooseFiles(page, '#wm-report-video', [{ name: 'clip.mp4', mimeType: 'video/mp4', buffer: CLIP }])
  await visible(page, '#wm-report-video-slot .wm-rp-photo__bar').filter({ hasText: '视频 2 秒' }).waitFor()
  const cover = await visible(page, '#wm-report-video-slot img').getAttribute('src')
  if (!cover?.startsWith('blob:')) throw new Error(`the cover was not drawn from the clip: ${cover}`)
  await visible(page, '#wm-cat-illegal-ads').tap()
  await visible(page, 'textarea#wm-report-description').fill('配电箱上贴满了小广告，视频里能看清。')
  await t.shot('02-form-with-video')
  // the picked clip's cover is named for a screen reader (in H5 the <img> inside Taro's <Image> needs its own alt)
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const onForm = await axe(page, axeSource)
  if (onForm.length) throw new Error(`axe on the form with a video: ${JSON.stringify(onForm)}`)
  await visible(page, '#wm-report-submit').tap()

  await visible(page, '#wm-report-done[data-status="submitted"]').waitFor()
  const reportId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')
  if (!reportId) throw new Error(`no report id in ${page.url()}`)
  await settled(page)
  // while the check is pending the confirmation says so (the local verdict comes 10 s after the request;
  // on a slow run it may have come already, and then the server must say it passed)
  if ((await page.locator('#wm-report-done-video:visible', { hasText: '视频正在审核' }).count()) === 0) {
    const now = dataOf<ReportView>(await t.call('report', 'get', { reportId }, 'demo-resident'), 'report.get')
    if (now.video?.heldReason) throw new Error('the confirmation does not say the video is still being checked')
  }
  await t.shot('02a-confirmation')
  await visible(page, '#wm-report-done-detail').tap()
  await visible(page, '#wm-report-detail').waitFor()

  // the reporter's clip plays in the page
  const player = visible(page, '#wm-report-video-view video')
  await player.waitFor()
  const played = await player.evaluate(async (el) => {
    const v = el as HTMLVideoElement
    v.muted = true
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }))
    await v.play().catch(() => undefined)
    await new Promise((r) => setTimeout(r, 400))
    return { duration: v.duration, time: v.currentTime, width: v.videoWidth }
  })
  if (!(played.duration > 1.5 && played.duration < 2.5 && played.width > 0)) throw new Error(`the clip does not play: ${JSON.stringify(played)}`)
  await settled(page)
  await t.shot('03-reporter-sees-video')
  // the page with its player is as accessible as every other (the walk sees report pages without a video)
  const findings = await axe(page, axeSource)
  if (findings.length) throw new Error(`axe on the detail with a video: ${JSON.stringify(findings)}`)

  // staff: nothing until the verdict; the verdict arrives as a push within seconds
  const asGrid = async () => dataOf<ReportView>(await t.call('report', 'get', { reportId }, 'demo-grid'), 'report.get')
  const stored = dataOf<ReportView>(await t.call('report', 'get', { reportId }, 'demo-resident'), 'report.get')
  if (stored.photos.length !== 0 || !stored.video) throw new Error('the report should carry the video and no photo')
  let seen = await asGrid()
  for (let i = 0; i < 120 && !seen.video; i++) {
    await page.waitForTimeout(250)
    seen = await asGrid()
  }
  if (!seen.video || seen.video.heldReason) throw new Error('the grid worker never saw the checked video')
  await t.signInAs('demo-grid')
  await t.open(`packages/reports/pages/detail/index?id=${reportId}`)
  await visible(page, '#wm-report-video-view video').waitFor()
  await visible(page, '#wm-report-detail').filter({ hasText: '现场视频' }).waitFor()
  if (await page.locator('#wm-report-video-held:visible').count()) throw new Error('the grid worker is told the video is under review after it passed')
  await settled(page)
  await t.shot('04-grid-sees-video')
}
