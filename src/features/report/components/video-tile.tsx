import { Image, Text, View } from '@tarojs/components'
import { alt } from '@/components/alt'
import { uploadFile } from '@/lib/upload'
import { REPORT_LIMITS } from '@/shared/report'
import { pickVideo } from '../lib/pick-video'
import { newRequestId } from '../lib/request-id'
import './report.scss'

/** 随手拍's one short video on its way: the cover shown while both files upload. */
export interface VideoSlot {
  key: string
  cover: string
  durationMs: number
  progress: number
  fileId: string | null
  coverFileId: string | null
  error: string | null
}

export const videoUploading = (slot: VideoSlot | null) => !!slot && !slot.error && (!slot.fileId || !slot.coverFileId)
export const videoReady = (slot: VideoSlot | null): { fileId: string; coverFileId: string } | null =>
  slot?.fileId && slot.coverFileId ? { fileId: slot.fileId, coverFileId: slot.coverFileId } : null

export interface VideoTileProps {
  value: VideoSlot | null
  onChange: (update: (prev: VideoSlot | null) => VideoSlot | null) => void
  cameraOnly?: boolean
  /** a problem to show under the form (too long, too big, unreadable); null clears it when a clip is taken */
  onProblem: (message: string | null) => void
}

/**
 * A clip of at most 15 s that may stand in for the photos: the cover and the clip upload side by
 * side (the bar follows the clip, the larger one). Shown to others once it passes the check.
 */
export function VideoTile({ value, onChange, cameraOnly = false, onProblem }: VideoTileProps) {
  const upload = async (slot: VideoSlot, path: string, coverPath: string) => {
    const patch = (change: Partial<VideoSlot>) => onChange((prev) => (prev?.key === slot.key ? { ...prev, ...change } : prev))
    const [cover, clip] = await Promise.all([
      uploadFile({ area: 'reports', filePath: coverPath }),
      uploadFile({ area: 'reports', filePath: path, onProgress: (progress) => patch({ progress }) }),
    ])
    if (!clip.ok) return patch({ error: clip.message })
    if (!cover.ok) return patch({ error: cover.message })
    patch({ fileId: clip.data.fileID, coverFileId: cover.data.fileID, progress: 100 })
  }

  const pick = async () => {
    const picked = await pickVideo(cameraOnly)
    if (!picked) return
    if ('problem' in picked) return onProblem(picked.problem)
    onProblem(null)
    const slot: VideoSlot = { key: newRequestId(), cover: picked.coverPath, durationMs: picked.durationMs, progress: 0, fileId: null, coverFileId: null, error: null }
    onChange(() => slot)
    await upload(slot, picked.path, picked.coverPath)
  }

  if (!value) {
    return (
      <View className='wm-rp-photo wm-rp-photo--add' role='button' id='wm-report-video' aria-label={`视频（${REPORT_LIMITS.maxVideoMs / 1000} 秒内）`} onClick={() => void pick()}>
        <Text className='wm-rp-photo__plus'>▶</Text>
        <Text>视频</Text>
      </View>
    )
  }
  const seconds = Math.max(1, Math.round(value.durationMs / 1000))
  return (
    <View className='wm-rp-photo' id='wm-report-video-slot'>
      <Image className='wm-rp-photo__image' src={value.cover} mode='aspectFill' {...alt(`视频，${seconds} 秒`)} />
      <View className='wm-rp-photo__bar' {...(value.error ? { role: 'button', onClick: () => onChange(() => null) } : {})}>
        <Text>{value.error ? '上传失败，点此删除重拍' : value.fileId ? `视频 ${seconds} 秒` : `上传中 ${value.progress}%`}</Text>
      </View>
      {value.fileId || value.error ? null : <View className='wm-rp-photo__progress' style={{ width: `${value.progress}%` }} />}
      <View className='wm-rp-photo__remove' role='button' aria-label='删除视频' onClick={() => onChange(() => null)}>
        <Text>✕</Text>
      </View>
    </View>
  )
}
