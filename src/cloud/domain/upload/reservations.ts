import crypto from 'node:crypto'
import { UPLOAD_AREAS, UPLOAD_ERRORS, UPLOAD_EXTENSIONS, UPLOAD_LIMITS, type UploadArea, type UploadErrorCode, type UploadKind, type UploadReservationView } from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'
import type { Transaction } from '../../platform/database'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { detectUploadType } from './detect'
import { withoutMetadata } from './metadata'
import { withoutMovieMetadata } from './mp4'
import { UPLOADS, type UploadDoc } from './types'

export const uploadFail = (code: UploadErrorCode, message: string = UPLOAD_ERRORS[code]): Fail => fail(code, message)

/** Calendar day in Asia/Shanghai: the only time a path carries, as coarse as the day folder. */
const shanghaiDay = (ms: number) => new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 10).replace(/-/g, '')

/** Who may put files in each area: anyone for report photos (handlers' after-photos too), staff for the rest. */
function mayUploadTo(area: UploadArea, ctx: ActionContext): boolean {
  switch (area) {
    // any resident may report with photos, and nominate a role model with photos
    case 'reports':
    case 'rolemodel':
      return true
    case 'volunteer':
      return hasRole(ctx.grants, 'organizer') || ctx.isAdmin
    case 'handbook':
      return ctx.isAdmin
    // 创文督查: inspectors' problem photos and 联络员' after-photos; 联络员' 佐证材料
    case 'inspect':
      return hasRole(ctx.grants, 'inspector') || hasRole(ctx.grants, 'liaison') || ctx.isAdmin
    case 'evidence':
      return hasRole(ctx.grants, 'liaison') || ctx.isAdmin
    case 'sheets':
      return ctx.isAdmin || hasRole(ctx.grants, 'street_office')
    // 门前三包: shop owners' after-photos, inspectors' photos of a shop
    case 'frontage':
      return hasRole(ctx.grants, 'shop_owner') || hasRole(ctx.grants, 'inspector') || ctx.isAdmin
  }
}

/**
 * Hands out `count` fresh random paths in `area` to the caller and records them as theirs. The
 * path is the server's choice, per file: two photos of one person share only the area and day.
 */
export async function reserveUploads(input: { area: UploadArea; count: number }, ctx: ActionContext): Promise<UploadReservationView | Fail> {
  if (!mayUploadTo(input.area, ctx)) return uploadFail('UPLOAD.AREA_FORBIDDEN')
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const { total } = await ctx.db.collection(UPLOADS).where({ openid: ctx.caller.openid, expiresAt: _.gt(now) }).count()
  if (total + input.count > UPLOAD_LIMITS.pending) return uploadFail('UPLOAD.TOO_MANY')
  const expiresAt = now + UPLOAD_LIMITS.reservationMs
  const paths: string[] = []
  for (let i = 0; i < input.count; i++) {
    const doc: UploadDoc = {
      _id: `${input.area}/${shanghaiDay(now)}/${crypto.randomBytes(12).toString('hex')}`,
      area: input.area,
      openid: ctx.caller.openid,
      expiresAt,
    }
    await ctx.db.collection(UPLOADS).add({ data: { ...doc } })
    paths.push(doc._id)
  }
  return { paths, expiresAt }
}

/** The caller's live reservation of `path`, or null (someone else's, lapsed, used, or never made). */
export async function liveReservation(platform: Pick<Platform, 'db' | 'clock'>, path: string, openid: string): Promise<UploadDoc | null> {
  const { data } = await platform.db.collection(UPLOADS).where({ _id: path }).limit(1).get()
  const doc = data[0] as unknown as UploadDoc | undefined
  return doc && doc.openid === openid && doc.expiresAt > platform.clock.now() ? doc : null
}

/** `cloud://<env>.<bucket>/<path>` → `<path>` */
export function storagePath(fileId: string): string | null {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  return match && !match[1].split('/').includes('..') ? match[1] : null
}

const RESERVED_FILE = new RegExp(`^((${UPLOAD_AREAS.join('|')})/\\d{8}/[0-9a-f]{24})\\.(${UPLOAD_EXTENSIONS.join('|')})$`)

/** The reserved path a stored file was uploaded to: its storage path minus the extension. */
export function reservedPathOf(fileId: string): string | null {
  return RESERVED_FILE.exec(storagePath(fileId) ?? '')?.[1] ?? null
}

export type ClaimRefusal = 'not-yours' | 'not-found' | 'wrong-type'

export interface Claim {
  /** reservations to consume in the write that attaches the files (see `consumeReservations`) */
  reservations: string[]
}

export interface ClaimOptions {
  /** files already attached to the very thing being saved (an unchanged cover): no claim needed */
  attached?: ReadonlySet<string>
  /** files in this folder are the caller's by the old per-person layout (`reports/<key>/…`) */
  legacyFolder?: string | null
  /** what is being attached, when narrower than all the area takes (a report's photos: images; its video: a video) */
  kinds?: readonly UploadKind[]
  /** each file's bytes as stored after the claim (metadata gone), for a caller that reads more of them: one download, not two */
  read?: (fileId: string, bytes: Buffer) => void
}

/**
 * Checks, before anything is written, that the caller may attach `fileIds` in `area`: each is in
 * a path the caller reserved there (or, from before per-file paths, in the caller's own old
 * folder), is in storage, and is by its bytes a type the area takes.
 */
export async function claimUploads(ctx: ActionContext, area: UploadArea, fileIds: readonly string[], options: ClaimOptions = {}): Promise<Claim | ClaimRefusal> {
  const fresh = [...new Set(fileIds)].filter((f) => !options.attached?.has(f))
  if (fresh.length === 0) return { reservations: [] }
  const now = ctx.clock.now()
  const wanted = fresh.map((f) => reservedPathOf(f)).filter((p): p is string => p !== null && p.startsWith(`${area}/`))
  const { data } = wanted.length
    ? await ctx.db.collection(UPLOADS).where({ _id: ctx.db.command.in(wanted) }).limit(100).get()
    : { data: [] }
  const mine = new Set((data as unknown as UploadDoc[]).filter((d) => d.openid === ctx.caller.openid && d.area === area && d.expiresAt > now).map((d) => d._id))
  const legacy = options.legacyFolder ? `${options.legacyFolder}/` : null
  const reservations: string[] = []
  for (const fileId of fresh) {
    const reserved = reservedPathOf(fileId)
    // one reservation, one file: `x.jpg` and `x.png` uploaded to the same path are not two photos
    if (reserved && mine.has(reserved) && !reservations.includes(reserved)) reservations.push(reserved)
    else if (!legacy || !(storagePath(fileId) ?? '').startsWith(legacy)) return 'not-yours'
  }
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: fresh })
  // the cloud answers a missing file with a non-zero status and no URL
  const exists = (f: { tempFileURL: string; status?: number }) => !!f.tempFileURL && (f.status === undefined || f.status === 0)
  const found = new Set(fileList.filter(exists).map((f) => f.fileID))
  if (fresh.some((f) => !found.has(f))) return 'not-found'
  // The mini-program uploads straight to storage, past the local host's check: read the bytes here,
  // and put the file back without the camera's metadata (a phone's serial would link its photos,
  // a video's maker box and GPS likewise).
  for (const fileId of fresh) {
    const { fileContent } = await ctx.storage.downloadFile({ fileID: fileId })
    const type = await detectUploadType(fileContent, area, options.kinds)
    if (!type) return 'wrong-type'
    const clean = type.kind === 'video' ? withoutMovieMetadata(fileContent) : await withoutMetadata(fileContent)
    const cloudPath = storagePath(fileId)
    if (cloudPath && !clean.equals(Buffer.from(fileContent))) await ctx.storage.uploadFile({ cloudPath, fileContent: clean })
    options.read?.(fileId, clean)
  }
  return { reservations }
}

/** Thrown inside a transaction when a reservation was used meanwhile; the transaction then writes nothing. */
export class ReservationTaken extends Error {
  constructor() {
    super('upload reservation already used')
    this.name = 'ReservationTaken'
  }
}

/**
 * Removes the reservations of files being attached, inside the transaction that attaches them: a
 * file is attached once, and from then on only what holds it says whose it is.
 */
export async function consumeReservations(tx: Transaction, reservations: readonly string[], openid: string): Promise<void> {
  for (const id of reservations) {
    const ref = tx.collection(UPLOADS).doc(id)
    const doc = (await ref.get().catch(() => null))?.data as unknown as UploadDoc | undefined
    if (!doc || doc.openid !== openid) throw new ReservationTaken()
    await ref.remove()
  }
}

/** Reservations nobody attached in time go, with who made them: a timer, once an hour. */
export async function purgeLapsedReservations(ctx: Pick<Platform, 'db' | 'clock'>): Promise<number> {
  const _ = ctx.db.command
  const { stats } = await ctx.db.collection(UPLOADS).where({ expiresAt: _.lt(ctx.clock.now()) }).remove()
  return stats.removed
}

/** The one refusal message for a claim in an area with no codes of its own (covers, illustrations). */
export function claimFail(refusal: ClaimRefusal): Fail {
  switch (refusal) {
    case 'not-yours':
      return uploadFail('UPLOAD.NOT_YOURS')
    case 'not-found':
      return uploadFail('UPLOAD.NOT_FOUND')
    case 'wrong-type':
      return uploadFail('UPLOAD.TYPE')
  }
}

/**
 * For saves that are not one transaction (an activity and its shifts): takes the reservations
 * first, so a file is never attached twice; false when one was taken meanwhile.
 */
export async function takeReservations(ctx: ActionContext, claim: Claim): Promise<boolean> {
  if (claim.reservations.length === 0) return true
  try {
    await ctx.db.runTransaction((tx) => consumeReservations(tx, claim.reservations, ctx.caller.openid))
    return true
  } catch (error) {
    if (error instanceof ReservationTaken) return false
    throw error
  }
}

/** Claims the one image of a cover or an illustration (already attached ones need no claim); a Fail says why not. */
export async function claimImage(ctx: ActionContext, area: UploadArea, fileId: string, current: readonly (string | null | undefined)[]): Promise<Claim | Fail> {
  const attached = new Set(current.filter((f): f is string => typeof f === 'string'))
  const claim = await claimUploads(ctx, area, [fileId], { attached })
  return typeof claim === 'string' ? claimFail(claim) : claim
}
