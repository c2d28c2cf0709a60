import { REPORT_LIMITS } from '@/shared/report/categories'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import type { MediaCheckVerdict } from '../../runtime/define-function'
import { movieDurationMs } from '../upload/mp4'
import { claimUploads, type ClaimRefusal } from '../upload/reservations'
import { reportFail } from './errors'
import { UPLOAD_AREA } from './photos'
import type { ReportDoc, StoredVideo } from './types'

/**
 * 随手拍's short video (issue #10): one clip of at most 15 s may stand in for the photos.
 *
 * WeChat's content check for media is asynchronous and takes images and audio, not video: the
 * phone sends the clip with a cover frame it took from it, the cover goes to
 * `security.mediaCheckAsync`, and the verdict comes back later as a `wxa_media_check` message
 * push. Until it says pass, the video and its cover are shown to nobody but the reporter (the
 * report itself, its words and any photos, reach the grid as usual). A verdict that never comes is
 * asked for again, three times in all, then the video stays held ('timeout').
 */
export const MEDIA_CHECKS = 'media_checks'

/** `_id` is the report's id: one check in flight per report. `traceId` is never sent to a client. */
interface MediaCheckDoc {
  _id: string
  traceId: string
  requestedAt: number
  attempts: number
}

/** WeChat answers within 30 minutes; past this a check is asked again. */
export const MEDIA_CHECK_RETRY_MS = 40 * 60_000
export const MEDIA_CHECK_ATTEMPTS = 3
/** the header's length is rounded to the frame; a 15-second clip may read 15.03 s */
const DURATION_SLACK_MS = 500

const VIDEO_NOT_YOURS = '视频无效：只能使用您本人在本次上报中上传的视频'
const VIDEO_NOT_FOUND = '视频不存在或上传未完成，请重新上传'

function videoRefusal(refusal: ClaimRefusal): Fail {
  switch (refusal) {
    case 'not-yours':
      return reportFail('REPORT.PHOTO_NOT_YOURS', VIDEO_NOT_YOURS)
    case 'not-found':
      return reportFail('REPORT.PHOTO_NOT_FOUND', VIDEO_NOT_FOUND)
    case 'wrong-type':
      return reportFail('REPORT.VIDEO_UNREADABLE')
  }
}

/**
 * Before anything is written: the clip and its cover are the caller's uploads, the clip is a movie
 * by its bytes no longer than the limit by its own header, the cover an image. Both reservations
 * are consumed with the report.
 */
export async function checkVideo(ctx: ActionContext, input: { fileId: string; coverFileId: string }): Promise<{ video: StoredVideo; reservations: string[] } | Fail> {
  if (input.fileId === input.coverFileId) return reportFail('REPORT.VIDEO_UNREADABLE')
  let bytes: Buffer | null = null
  const clip = await claimUploads(ctx, UPLOAD_AREA, [input.fileId], { kinds: ['video'], read: (_id, b) => void (bytes = b) })
  if (typeof clip === 'string') return videoRefusal(clip)
  const durationMs = bytes ? movieDurationMs(bytes) : null
  if (durationMs === null || durationMs <= 0) return reportFail('REPORT.VIDEO_UNREADABLE')
  if (durationMs > REPORT_LIMITS.maxVideoMs + DURATION_SLACK_MS) return reportFail('REPORT.VIDEO_TOO_LONG')
  const cover = await claimUploads(ctx, UPLOAD_AREA, [input.coverFileId], { kinds: ['image'] })
  if (typeof cover === 'string') return videoRefusal(cover)
  return {
    video: { fileId: input.fileId, coverFileId: input.coverFileId, durationMs, check: 'pending', label: null, checkedAt: null },
    reservations: [...clip.reservations, ...cover.reservations],
  }
}

/**
 * Asks WeChat to check the stored report's video cover. Called after the report is stored (the
 * verdict may arrive at once); a failed request is logged and left to `retryVideoChecks`, the
 * report stands either way and its video simply stays with its reporter.
 */
export async function requestVideoCheck(ctx: ActionContext, report: Pick<ReportDoc, '_id' | 'reporterOpenid' | 'video'>, attempts = 1): Promise<void> {
  if (!report.video || report.video.check !== 'pending') return
  let traceId: string
  try {
    traceId = (await ctx.openApi.checkMediaAsync({ openid: report.reporterOpenid ?? '', fileID: report.video.coverFileId, scene: 'forum' })).traceId
  } catch (error) {
    ctx.log.error('media check request failed', { error: error instanceof Error ? error.message : 'unknown' })
    // a placeholder trace nobody can answer: the retry timer asks again
    traceId = `unsent:${report._id}:${attempts}`
  }
  const doc: MediaCheckDoc = { _id: report._id, traceId, requestedAt: ctx.clock.now(), attempts }
  await ctx.db.collection(MEDIA_CHECKS).doc(report._id).set({ data: { traceId: doc.traceId, requestedAt: doc.requestedAt, attempts: doc.attempts } })
}

/** Writes the verdict on the report's video and ends the check, in one transaction; a repeat push finds nothing to do. */
async function settleVideo(ctx: ActionContext, reportId: string, outcome: { pass: boolean; label: string | null }): Promise<boolean> {
  return ctx.db.runTransaction(async (tx) => {
    const check = await tx.collection(MEDIA_CHECKS).doc(reportId).get().catch(() => null)
    if (!check) return false
    const found = await tx.collection('reports').doc(reportId).get().catch(() => null)
    const report = found?.data as unknown as ReportDoc | undefined
    await tx.collection(MEDIA_CHECKS).doc(reportId).remove()
    if (!report?.video || report.video.check !== 'pending') return false
    const video: StoredVideo = { ...report.video, check: outcome.pass ? 'pass' : 'held', label: outcome.label, checkedAt: ctx.clock.now() }
    await tx.collection('reports').doc(reportId).update({ data: { video: ctx.db.command.set(video) } })
    return true
  })
}

/** The `wxa_media_check` push: the verdict for a trace id this function asked about, or nothing. */
export async function applyMediaVerdict(verdict: MediaCheckVerdict, ctx: ActionContext): Promise<void> {
  const { data } = await ctx.db.collection(MEDIA_CHECKS).where({ traceId: verdict.trace_id }).limit(1).get()
  const check = data[0] as unknown as MediaCheckDoc | undefined
  if (!check) return // not ours, already answered, or a forged push: it names no check in flight
  const pass = verdict.result.suggest === 'pass'
  await settleVideo(ctx, check._id, { pass, label: pass ? null : verdict.result.suggest })
}

/**
 * Timer: checks WeChat has not answered in time are asked again, oldest first, a page per run;
 * after the last attempt the video stays with its reporter ('timeout'). Idempotent: a check asked
 * again has a fresh `requestedAt` and leaves the page.
 */
export async function retryVideoChecks(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(MEDIA_CHECKS)
    .where({ requestedAt: _.lt(ctx.clock.now() - MEDIA_CHECK_RETRY_MS) })
    .orderBy('requestedAt', 'asc')
    .limit(100)
    .get()
  for (const check of data as unknown as MediaCheckDoc[]) {
    if (check.attempts >= MEDIA_CHECK_ATTEMPTS) {
      await settleVideo(ctx, check._id, { pass: false, label: 'timeout' })
      continue
    }
    const found = await ctx.db.collection('reports').doc(check._id).get().catch(() => null)
    const report = found?.data as unknown as ReportDoc | undefined
    if (!report?.video || report.video.check !== 'pending') {
      await ctx.db.collection(MEDIA_CHECKS).doc(check._id).remove()
      continue
    }
    await requestVideoCheck(ctx, report, check.attempts + 1)
  }
}
