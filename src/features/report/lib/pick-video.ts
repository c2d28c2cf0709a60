import Taro from '@tarojs/taro'
import { REPORT_LIMITS } from '@/shared/report'
import { UPLOAD_LIMITS } from '@/shared/contract/upload-types'

/** A clip picked for 随手拍: the file, the cover frame the phone made of it, and its length. */
export interface PickedVideo {
  path: string
  coverPath: string
  durationMs: number
}

export type VideoPick = PickedVideo | { problem: string } | null

export const VIDEO_TOO_LONG = `视频不能超过 ${REPORT_LIMITS.maxVideoMs / 1000} 秒，请重新拍摄`
export const VIDEO_TOO_BIG = '视频太大，请拍得短一些或在相册里剪短后再选'

/**
 * The mini-program: WeChat's own camera records at most 15 s (`maxDuration`) and hands back a
 * cover frame (`thumbTempFilePath`); a clip over the upload limit is compressed once on the phone.
 * `cameraOnly` (the categories that must be shot on the spot) leaves the album out. Null when the
 * person closed the picker.
 */
export async function pickVideo(cameraOnly: boolean): Promise<VideoPick> {
  let file: Taro.chooseMedia.ChooseMedia
  try {
    const chosen = await Taro.chooseMedia({
      count: 1,
      mediaType: ['video'],
      sourceType: cameraOnly ? ['camera'] : ['camera', 'album'],
      maxDuration: REPORT_LIMITS.maxVideoMs / 1000,
      camera: 'back',
    })
    file = chosen.tempFiles[0]
  } catch {
    return null
  }
  if (!file) return null
  const durationMs = Math.round(file.duration * 1000)
  if (durationMs > REPORT_LIMITS.maxVideoMs + 500) return { problem: VIDEO_TOO_LONG }
  let path = file.tempFilePath
  if (file.size > UPLOAD_LIMITS.maxBytes) {
    const compressed = await Taro.compressVideo({ src: path, quality: 'medium', bitrate: 1200, fps: 30, resolution: 0.6 }).catch(() => null)
    if (!compressed || compressed.size * 1024 > UPLOAD_LIMITS.maxBytes) return { problem: VIDEO_TOO_BIG }
    path = compressed.tempFilePath
  }
  return { path, coverPath: file.thumbTempFilePath, durationMs }
}
