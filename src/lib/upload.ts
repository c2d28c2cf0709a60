import Taro from '@tarojs/taro'
import type { Result } from '@/shared/errors'
import { UPLOAD_AREAS, UPLOAD_EXTENSIONS, type UploadArea } from '@/shared/contract/upload-types'
import { callCloud, callFailure } from './call-cloud'
import { currentDevOpenid } from './dev-identity'
import { isRecord } from './storage'

interface UploadBase {
  /** a local temp path (weapp) or blob: URL (H5) from chooseImage / compressImage */
  filePath: string
  /** 0–100, for the visible progress every long task must show */
  onProgress?: (percent: number) => void
}

/**
 * One file to upload into an area. The server names the file (`storage.reserve`): a random path
 * per file, so nothing in a photo's URL ties it to its uploader or to their other photos.
 * `cloudPath` is the older form: only its first folder (the area, e.g. `reports/…`) is read.
 */
export type UploadRequest = UploadBase & ({ area: UploadArea; cloudPath?: undefined } | { cloudPath: string; area?: undefined })

export interface Uploaded {
  fileID: string
}

const UPLOAD_AREA_UNKNOWN: Result<never> = { ok: false, code: 'UPLOAD.AREA', message: '无法上传：不支持的上传位置' }

function areaOf(request: UploadRequest): UploadArea | null {
  if (request.area) return request.area
  const folder = /^([a-z]{1,20})\//.exec(request.cloudPath)?.[1]
  return UPLOAD_AREAS.find((a) => a === folder) ?? null
}

/** The picked file's own extension if it is one we store, else jpg (what compressImage makes). */
function extensionOf(filePath: string): string {
  const ext = /\.([A-Za-z0-9]{2,5})(?:[?#].*)?$/.exec(filePath)?.[1]?.toLowerCase()
  return UPLOAD_EXTENSIONS.find((e) => e === ext) ?? 'jpg'
}

function uploadInMiniProgram(filePath: string, cloudPath: string, onProgress?: (percent: number) => void): Promise<Result<Uploaded>> {
  return new Promise((resolve) => {
    const task = Taro.cloud.uploadFile({
      filePath,
      cloudPath,
      success: (res) => resolve({ ok: true, data: { fileID: res.fileID } }),
      fail: (err) =>
        resolve(/network|timeout/i.test(err.errMsg) ? callFailure('NETWORK.OFFLINE') : callFailure('CLOUD.UNAVAILABLE')),
    })
    task.onProgressUpdate((progress) => onProgress?.(progress.progress))
  })
}

function parseUploadResponse(text: string): Result<Uploaded> {
  try {
    const body: unknown = JSON.parse(text)
    if (isRecord(body) && body.ok === true && isRecord(body.data) && typeof body.data.fileID === 'string') {
      return { ok: true, data: { fileID: body.data.fileID } }
    }
    if (isRecord(body) && body.ok === false && typeof body.code === 'string' && typeof body.message === 'string') {
      return { ok: false, code: body.code, message: body.message }
    }
  } catch {
    // fall through: an answer we cannot read
  }
  return callFailure('CLOUD.UNAVAILABLE')
}

async function uploadToLocalHost(filePath: string, reservedPath: string, onProgress?: (percent: number) => void): Promise<Result<Uploaded>> {
  let file: Blob
  try {
    file = await (await fetch(filePath)).blob()
  } catch {
    return { ok: false, code: 'UPLOAD.FILE_UNREADABLE', message: '无法读取所选文件，请重新选择' }
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    // the local host stores the bytes at the reserved path, with the extension of what they are
    xhr.open('POST', `/api/storage/upload?path=${encodeURIComponent(reservedPath)}`)
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    xhr.setRequestHeader('X-Dev-Openid', currentDevOpenid())
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      if (xhr.status === 401) return resolve(callFailure('AUTH.NO_IDENTITY'))
      resolve(parseUploadResponse(xhr.responseText))
    }
    xhr.onerror = () => resolve(callFailure('NETWORK.OFFLINE'))
    xhr.ontimeout = () => resolve(callFailure('NETWORK.OFFLINE'))
    xhr.send(file)
  })
}

/**
 * Uploads one file to cloud storage and reports progress; failures come back as values. Both
 * runtimes upload to a path the server reserved for this caller: the mini-program straight to
 * storage (`<path>.<ext>`), the H5 build through the local host, which checks the bytes.
 */
export async function uploadFile(request: UploadRequest): Promise<Result<Uploaded>> {
  const area = areaOf(request)
  if (!area) return UPLOAD_AREA_UNKNOWN
  const reserved = await callCloud('storage', 'reserve', { area, count: 1 })
  if (!reserved.ok) return reserved
  const [path] = reserved.data.paths
  return process.env.TARO_ENV === 'weapp'
    ? uploadInMiniProgram(request.filePath, `${path}.${extensionOf(request.filePath)}`, request.onProgress)
    : uploadToLocalHost(request.filePath, path, request.onProgress)
}
