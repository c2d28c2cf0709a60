import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { claimFail, claimUploads, type Claim } from '../upload/reservations'
import { reportFail } from './errors'
import type { ReportPersonDoc, StoredPhoto } from './types'

/**
 * Photos are uploaded straight from the phone to cloud storage (the mini-program's
 * `cloud.uploadFile`), so the function never sees the upload itself. Each photo goes to its own
 * random path that `storage.reserve` handed to its uploader (`reports/<day>/<random>`): the path
 * says nothing of who took it, and only its uploader can attach it. A file id the caller did not
 * reserve is someone else's photo, e.g. one copied from the public feed.
 */
export const UPLOAD_AREA = 'reports'

/**
 * The caller's folder from before per-file paths (`reports/<uploadKey>/…`), if they had one:
 * photos already in it stay theirs to attach. No new folders are made.
 */
async function legacyFolderOf(ctx: ActionContext): Promise<string | null> {
  const person = await findById<ReportPersonDoc>(ctx.db, 'report_people', ctx.caller.openid)
  return person ? `${UPLOAD_AREA}/${person.uploadKey}` : null
}

export interface CheckedPhotos extends Claim {
  photos: StoredPhoto[]
}

/**
 * Checks, in order and before anything is written: every file is the caller's (reserved by them,
 * or in their old folder), exists in storage, is an image by its bytes, and passes the image
 * content check. `heldIsFailure`: staff photos must pass (the unit retakes them); a resident's
 * held photo is kept back with a reason instead. The caller consumes `reservations` in the write
 * that attaches the photos.
 */
export async function checkPhotos(ctx: ActionContext, fileIds: string[], heldIsFailure: boolean): Promise<CheckedPhotos | Fail> {
  const unique = [...new Set(fileIds)]
  // a photo is an image: the area also takes 随手拍's one video, which has its own path (video.ts)
  const claim = await claimUploads(ctx, UPLOAD_AREA, unique, { legacyFolder: await legacyFolderOf(ctx), kinds: ['image'] })
  if (claim === 'not-yours') return reportFail('REPORT.PHOTO_NOT_YOURS')
  if (claim === 'not-found') return reportFail('REPORT.PHOTO_NOT_FOUND')
  // not an image by its bytes: the same UPLOAD.TYPE the local host's upload endpoint answers
  if (claim === 'wrong-type') return claimFail(claim)
  const photos: StoredPhoto[] = []
  for (const fileId of unique) {
    const verdict = await ctx.openApi.checkImage({ fileID: fileId })
    if (!verdict.pass && heldIsFailure) return reportFail('REPORT.PHOTO_REJECTED')
    photos.push({ fileId, pass: verdict.pass, label: verdict.pass ? null : verdict.label ?? 'risky' })
  }
  return { photos, reservations: claim.reservations }
}

/** A staff or rating note shows on the public timeline: it must pass the text check. */
export async function checkNote(ctx: ActionContext, note: string | undefined): Promise<Fail | null> {
  if (!note) return null
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: note, scene: 'comment' })
  return verdict.pass ? null : reportFail('REPORT.NOTE_REJECTED')
}
