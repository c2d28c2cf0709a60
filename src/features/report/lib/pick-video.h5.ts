import { REPORT_LIMITS } from '@/shared/report'
import { UPLOAD_LIMITS } from '@/shared/contract/upload-types'
import { VIDEO_TOO_BIG, VIDEO_TOO_LONG, type VideoPick } from './pick-video'

export { VIDEO_TOO_BIG, VIDEO_TOO_LONG }
export type { PickedVideo, VideoPick } from './pick-video'

const UNREADABLE = '无法读取这段视频，请换一段手机拍摄的视频'

/** The file input: `cameraOnly` opens the phone's camera in video mode, without it the phone offers camera or album. */
function chooseFile(cameraOnly: boolean): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'video/*'
    if (cameraOnly) input.setAttribute('capture', 'environment')
    input.style.display = 'none'
    input.onchange = () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })
}

/** Its length, and a cover frame drawn from a moment in (a first frame is often black). */
function readClip(url: string): Promise<{ durationMs: number; coverPath: string } | null> {
  return new Promise((resolve) => {
    const video = document.createElement('video')
    video.muted = true
    video.playsInline = true
    video.preload = 'auto'
    video.onerror = () => resolve(null)
    video.onloadedmetadata = () => {
      video.currentTime = Math.min(0.5, video.duration / 2)
    }
    video.onseeked = () => {
      const canvas = document.createElement('canvas')
      const scale = Math.min(1, 720 / Math.max(video.videoWidth, video.videoHeight, 1))
      canvas.width = Math.max(1, Math.round(video.videoWidth * scale))
      canvas.height = Math.max(1, Math.round(video.videoHeight * scale))
      canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height)
      canvas.toBlob((blob) => resolve(blob ? { durationMs: Math.round(video.duration * 1000), coverPath: URL.createObjectURL(blob) } : null), 'image/jpeg', 0.8)
    }
    video.src = url
  })
}

/** H5: the browser's file input, the length and the cover read in a hidden `<video>`. */
export async function pickVideo(cameraOnly: boolean): Promise<VideoPick> {
  const file = await chooseFile(cameraOnly)
  if (!file) return null
  if (file.size > UPLOAD_LIMITS.maxBytes) return { problem: VIDEO_TOO_BIG }
  const path = URL.createObjectURL(file)
  const clip = await readClip(path)
  if (!clip || !Number.isFinite(clip.durationMs)) return { problem: UNREADABLE }
  if (clip.durationMs > REPORT_LIMITS.maxVideoMs + 500) return { problem: VIDEO_TOO_LONG }
  return { path, ...clip }
}
