import type { UploadArea } from '@/shared/contract'

/**
 * A reserved upload path and who may fill it. This is the only place that says who uploaded a
 * file, and only until the file is attached: attaching removes the record (in the same
 * transaction as the report, activity or draft that now holds the file), so an anonymous report's
 * photos are tied to nobody by an upload record; an unattached one lapses at `expiresAt`.
 */
export interface UploadDoc {
  /** the path without extension: `<area>/<yyyymmdd>/<24 hex>`, random, nothing derived from the person */
  _id: string
  area: UploadArea
  openid: string
  expiresAt: number
}

export const UPLOADS = 'uploads'
