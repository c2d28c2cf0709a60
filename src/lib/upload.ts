import Taro from '@tarojs/taro'
import type { Result } from '@/shared/errors'
import { callFailure } from './call-cloud'
import { currentDevOpenid } from './dev-identity'
import { isRecord } from './storage'

export interface UploadRequest {
  /** a local temp path (weapp) or blob: URL (H5) from chooseImage / compressImage */
  filePath: string
  /** where the file goes in cloud storage, e.g. `reports/2025/11/<uuid>.jpg` */
  cloudPath: string
  /** 0–100, for the visible progress every long task must show */
  onProgress?: (percent: number) => void
}

export interface Uploaded {
  fileID: string
}

function uploadInMiniProgram({ filePath, cloudPath, onProgress }: UploadRequest): Promise<Result<Uploaded>> {
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

async function uploadToLocalHost({ filePath, cloudPath, onProgress }: UploadRequest): Promise<Result<Uploaded>> {
  let file: Blob
  try {
    file = await (await fetch(filePath)).blob()
  } catch {
    return { ok: false, code: 'UPLOAD.FILE_UNREADABLE', message: '无法读取所选文件，请重新选择' }
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    // the local host names the stored file itself and only takes the area (`reports/…` → reports)
    const area = /^[a-z]{1,20}(?=\/)/.exec(cloudPath)?.[0]
    const query = `cloudPath=${encodeURIComponent(cloudPath)}${area ? `&area=${area}` : ''}`
    xhr.open('POST', `/api/storage/upload?${query}`)
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

/** Uploads one file to cloud storage and reports progress; failures come back as values. */
export function uploadFile(request: UploadRequest): Promise<Result<Uploaded>> {
  return process.env.TARO_ENV === 'weapp' ? uploadInMiniProgram(request) : uploadToLocalHost(request)
}
