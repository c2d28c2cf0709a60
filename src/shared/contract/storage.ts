import { z } from 'zod'
import { returns } from './define'
import { UPLOAD_AREAS, UPLOAD_LIMITS } from './upload-types'

export interface UploadReservationView {
  /**
   * Cloud paths without an extension, `<area>/<yyyymmdd>/<random>`: upload each file to
   * `<path>.<ext>` (the mini-program) or `POST /api/storage/upload?path=<path>` (the local host).
   * Nothing in a path says who reserved it.
   */
  paths: string[]
  /** after this the paths can no longer be uploaded to or attached */
  expiresAt: number
}

export const storageActions = {
  reserve: returns<UploadReservationView>()({
    input: z
      .object({
        area: z.enum(UPLOAD_AREAS),
        count: z.number().int().min(1).max(UPLOAD_LIMITS.perCall, `一次最多 ${UPLOAD_LIMITS.perCall} 个文件`),
      })
      .strict(),
    roles: ['resident'],
    summary: '预留上传路径：服务端生成随机路径（不含身份信息），本人只能上传到这些路径，提交时只接受本人预留的文件',
  }),
}

export const UPLOAD_ERRORS = {
  'UPLOAD.TYPE': '只支持 JPG、PNG、WEBP、GIF 图片；文件内容须是真实的图片',
  'UPLOAD.EMPTY': '文件为空，请重新选择',
  'UPLOAD.AREA_FORBIDDEN': '您没有在这里上传文件的权限',
  'UPLOAD.NOT_RESERVED': '上传位置无效或已过期，请重新选择文件上传',
  'UPLOAD.TOO_MANY': '未提交的上传过多，请先提交或明天再试',
  'UPLOAD.NOT_YOURS': '文件无效：只能使用您本人刚刚上传的文件',
  'UPLOAD.NOT_FOUND': '文件不存在或上传未完成，请重新上传',
} as const

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS
