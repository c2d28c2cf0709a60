/**
 * The part of wx-server-sdk that src/cloud/platform/wx uses. The SDK itself is installed only in
 * each deployed function's package.json (the cloud installs it); locally nothing loads it.
 */
declare module 'wx-server-sdk' {
  import type { Database } from '@/cloud/platform/database'

  interface OpenApiError extends Error {
    errCode?: number
    errMsg?: string
  }
  const cloud: {
    DYNAMIC_CURRENT_ENV: symbol
    init(options: { env: symbol | string }): void
    getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; ENV?: string }
    database(): Database
    uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
    downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>
    getTempFileURL(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }>
    deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number }> }>
    openapi: {
      security: {
        msgSecCheck(options: { openid: string; scene: number; version: 2; content: string }): Promise<{
          result?: { suggest: 'pass' | 'review' | 'risky'; label: number }
        }>
        imgSecCheck(options: { media: { contentType: string; value: Buffer } }): Promise<{ errCode: number }>
        /** v2: the verdict arrives later as the `wxa_media_check` message push with this trace id */
        mediaCheckAsync(options: { mediaUrl: string; mediaType: 1 | 2; version: 2; openid: string; scene: number }): Promise<{ traceId: string; errCode: number }>
      }
      wxacode: {
        getUnlimited(options: { scene: string; page: string; width: number; checkPath: boolean }): Promise<{ contentType: string; buffer: Buffer }>
      }
      subscribeMessage: {
        send(options: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<{ errCode: number }>
      }
    }
  }
  export type { OpenApiError }
  export default cloud
}
