/**
 * What may be uploaded, as plain constants (no zod): the client's upload helper reads them too,
 * and it must not pull schema code into the mini-program bundle.
 */

/** Where uploads go. Each area is one folder in cloud storage: `<area>/<yyyymmdd>/<random>.<ext>`. */
export const UPLOAD_AREAS = ['reports', 'volunteer', 'handbook', 'rolemodel', 'inspect', 'evidence', 'sheets', 'frontage'] as const
export type UploadArea = (typeof UPLOAD_AREAS)[number]

export type UploadKind = 'image' | 'video' | 'document' | 'sheet'

/** Types told by the file's own bytes (never by its name or header), and the extension each is stored under. */
export const UPLOAD_TYPES = {
  'image/jpeg': { ext: 'jpg', kind: 'image' },
  'image/png': { ext: 'png', kind: 'image' },
  'image/webp': { ext: 'webp', kind: 'image' },
  'image/gif': { ext: 'gif', kind: 'image' },
  'video/mp4': { ext: 'mp4', kind: 'video' },
  'video/quicktime': { ext: 'mov', kind: 'video' },
  // 佐证材料 are documents as often as photos; OOXML is told apart by the parts inside the zip
  'application/pdf': { ext: 'pdf', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', kind: 'sheet' },
} as const satisfies Record<string, { ext: string; kind: UploadKind }>
export type UploadMime = keyof typeof UPLOAD_TYPES

/** What each area takes. Each place that attaches a file says which kind it wants (a photo is never a video). */
export const UPLOAD_AREA_KINDS: Record<UploadArea, readonly UploadKind[]> = {
  // 随手拍: photos, and one short video that may stand in for them (its cover frame is a photo too)
  reports: ['image', 'video'],
  volunteer: ['image'],
  handbook: ['image'],
  // 身边好人 nomination photos
  rolemodel: ['image'],
  // 创文督查: problem and after-rectification photos
  inspect: ['image'],
  // 佐证材料 for 材料审核: photos and documents
  evidence: ['image', 'document'],
  // the office's import sheets (测评标准, 点位信息表)
  sheets: ['sheet'],
  // 门前三包: a shop's after-photos and shop inspection photos
  frontage: ['image'],
}

/**
 * The extensions a file may carry after its reserved path. The mini-program uploads straight to
 * storage and names the extension itself; anything else is not one of our files.
 */
export const UPLOAD_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'mp4', 'mov', 'pdf', 'docx', 'xlsx'] as const

export const UPLOAD_LIMITS = {
  /** paths one `storage.reserve` call hands out: a report's nine photos at once */
  perCall: 9,
  /** reserved paths a person may hold unattached at once */
  pending: 60,
  /** a reserved path must be uploaded to and attached within this time */
  reservationMs: 24 * 60 * 60 * 1000,
  maxBytes: 10 * 1024 * 1024,
} as const
