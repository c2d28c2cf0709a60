import crypto from 'node:crypto'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { reportFail } from './errors'
import type { ReportPersonDoc, StoredPhoto } from './types'

/**
 * Photos are uploaded straight from the phone to cloud storage (the mini-program's
 * `cloud.uploadFile`), so the function never sees the upload itself. Each person gets a folder
 * named by a random key only the server hands out (`reports/<key>/…`); a file id outside the
 * caller's folder is someone else's photo, e.g. one copied from the public feed.
 */
export const UPLOAD_AREA = 'reports'

export async function personOf(ctx: ActionContext): Promise<ReportPersonDoc | null> {
  return findById<ReportPersonDoc>(ctx.db, 'report_people', ctx.caller.openid)
}

/** The caller's record, created on first use (two first calls at once make one). */
export async function ensurePerson(ctx: ActionContext): Promise<ReportPersonDoc> {
  const existing = await personOf(ctx)
  if (existing) return existing
  const fresh: ReportPersonDoc = { _id: ctx.caller.openid, uploadKey: crypto.randomBytes(8).toString('hex'), createdAt: ctx.clock.now() }
  try {
    await ctx.db.collection('report_people').add({ data: { ...fresh } })
    return fresh
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    const raced = await personOf(ctx)
    if (!raced) throw error
    return raced
  }
}

export const uploadDirOf = (person: ReportPersonDoc) => `${UPLOAD_AREA}/${person.uploadKey}`

/** `cloud://<env>.<bucket>/<path>` → `<path>` */
export function storagePath(fileId: string): string | null {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  return match && !match[1].split('/').includes('..') ? match[1] : null
}

/**
 * Checks, in order and before anything is written: every file is in the caller's folder, exists
 * in storage, and passes the image content check. `heldIsFailure`: staff photos must pass
 * (the unit retakes them); a resident's held photo is kept back with a reason instead.
 */
export async function checkPhotos(ctx: ActionContext, fileIds: string[], heldIsFailure: boolean): Promise<StoredPhoto[] | Fail> {
  const unique = [...new Set(fileIds)]
  const person = await personOf(ctx)
  const dir = person ? `${uploadDirOf(person)}/` : null
  if (!dir || unique.some((f) => !(storagePath(f) ?? '').startsWith(dir))) return reportFail('REPORT.PHOTO_NOT_YOURS')
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: unique })
  // the cloud answers a missing file with a non-zero status and no URL
  const exists = (f: { tempFileURL: string; status?: number }) => !!f.tempFileURL && (f.status === undefined || f.status === 0)
  const found = new Set(fileList.filter(exists).map((f) => f.fileID))
  if (unique.some((f) => !found.has(f))) return reportFail('REPORT.PHOTO_NOT_FOUND')
  const photos: StoredPhoto[] = []
  for (const fileId of unique) {
    const verdict = await ctx.openApi.checkImage({ fileID: fileId })
    if (!verdict.pass && heldIsFailure) return reportFail('REPORT.PHOTO_REJECTED')
    photos.push({ fileId, pass: verdict.pass, label: verdict.pass ? null : verdict.label ?? 'risky' })
  }
  return photos
}

/** A staff or rating note shows on the public timeline: it must pass the text check. */
export async function checkNote(ctx: ActionContext, note: string | undefined): Promise<Fail | null> {
  if (!note) return null
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: note, scene: 'comment' })
  return verdict.pass ? null : reportFail('REPORT.NOTE_REJECTED')
}
