import { fileTypeFromBuffer } from 'file-type/core'
import { UPLOAD_AREA_KINDS, UPLOAD_TYPES, type UploadArea, type UploadKind, type UploadMime } from '@/shared/contract/upload-types'

export interface DetectedType {
  mime: UploadMime
  ext: string
  kind: UploadKind
}

const isUploadMime = (mime: string): mime is UploadMime => Object.prototype.hasOwnProperty.call(UPLOAD_TYPES, mime)

/**
 * What a file is by its own bytes, if it is something an area may hold. The name and the
 * Content-Type a client sends are claims; a `<script>` sent as image/png is text, and is refused.
 * `kinds` narrows the area's kinds to what the caller attaches (a report's photos are images only).
 */
export async function detectUploadType(bytes: Uint8Array, area: UploadArea, kinds: readonly UploadKind[] = UPLOAD_AREA_KINDS[area]): Promise<DetectedType | null> {
  const found = await fileTypeFromBuffer(bytes)
  if (!found || !isUploadMime(found.mime)) return null
  const type = UPLOAD_TYPES[found.mime]
  return UPLOAD_AREA_KINDS[area].includes(type.kind) && kinds.includes(type.kind) ? { mime: found.mime, ext: type.ext, kind: type.kind } : null
}
