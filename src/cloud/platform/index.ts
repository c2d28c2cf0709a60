import type { Database } from './database'

/**
 * What a handler may touch outside its own code. Two implementations: `wx/` (wx-server-sdk, in
 * WeChat cloud) and `local/` (SQLite, files on disk, recorded open-API calls). Handlers never
 * import either; they receive a Platform.
 */
export interface Platform {
  db: Database
  storage: FileStorage
  openApi: OpenApi
  clock: Clock
  log: Logger
  config: PlatformConfig
}

export interface PlatformConfig {
  /** the first admins, from configuration (ADMIN_OPENIDS, comma-separated) */
  adminOpenids: readonly string[]
  /**
   * subscribe-message purposes without a configured template id use a placeholder id (the local
   * host, so its outbox shows what would have been sent); in WeChat cloud they are not configured
   */
  placeholderTemplates?: boolean
}

/** Who is calling: from the platform context only (cloud.getWXContext), never from the event. */
export interface Caller {
  openid: string
}

export interface Clock {
  /** UTC milliseconds */
  now(): number
}

/** Never pass openid, phone numbers or file ids in `fields`. */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean>): void
  error(message: string, fields?: Record<string, string | number | boolean>): void
}

export interface FileStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>
  /** a missing file comes back with an empty URL and a non-zero `status`, as the cloud answers */
  getTempFileURL(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status?: number }> }>
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number }> }>
}

export type SecurityScene = 'profile' | 'comment' | 'forum' | 'social'

export interface ContentCheckResult {
  pass: boolean
  /** the platform's label for what was found (e.g. 'abuse'), absent when it passes */
  label?: string
}

/** The WeChat open APIs the functions call (each function's config.json lists them). */
export interface OpenApi {
  /** security.msgSecCheck */
  checkText(options: { openid: string; content: string; scene: SecurityScene }): Promise<ContentCheckResult>
  /** security.imgSecCheck on a stored image */
  checkImage(options: { fileID: string }): Promise<ContentCheckResult>
  /**
   * security.mediaCheckAsync (v2) on a stored image: the verdict comes later, as a `wxa_media_check`
   * message push carrying the returned trace id (WeChat checks images and audio this way, not video)
   */
  checkMediaAsync(options: { openid: string; fileID: string; scene: SecurityScene }): Promise<{ traceId: string }>
  /** wxacode.getUnlimited: a 小程序码 for `scene` (≤ 32 chars) opening `page` */
  createMiniProgramCode(options: { scene: string; page: string; width?: number }): Promise<{ contentType: string; buffer: Buffer }>
  /** subscribeMessage.send */
  sendSubscribeMessage(options: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<void>
}

export const SECURITY_SCENE_CODE: Record<SecurityScene, number> = { profile: 1, comment: 2, forum: 3, social: 4 }
