import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { alt } from '@/components/alt'
import { uploadFile } from '@/lib/upload'
import { pickInBrowser, stampPhoto, type StampPlace } from '@/lib/stamp'
import { compressPhoto } from '../lib/compress'
import { newRequestId } from '../lib/request-id'
import './report.scss'

/** One photo on its way: picked, compressed, uploading (with progress), stored or failed. */
export interface PhotoSlot {
  key: string
  preview: string
  progress: number
  fileId: string | null
  error: string | null
  /** when the photo was taken (the moment it came back from the camera or album), kept as data */
  takenAt?: number
  /** picked from the album rather than taken with the camera */
  album?: boolean
}

export interface PhotoPickerProps {
  slots: PhotoSlot[]
  onChange: (update: (prev: PhotoSlot[]) => PhotoSlot[]) => void
  /** `reports/<key>`: the folder the server hands out for this person's photos */
  uploadDir: string | null
  max: number
  cameraOnly?: boolean
  label?: string
  /**
   * 随手拍: where to stamp each photo (Beijing time and place, drawn on it before upload), and the
   * two sources as separate tiles, 拍照 first and 相册 second (none when `cameraOnly`)
   */
  stamp?: () => StampPlace
  /** one more tile at the end of the row (随手拍's 视频) */
  extra?: ReactNode
}

function today(): string {
  const d = new Date(Date.now() + 8 * 3600_000)
  return d.toISOString().slice(0, 10).replace(/-/g, '')
}

export function uploadedIds(slots: PhotoSlot[]): string[] {
  return slots.map((s) => s.fileId).filter((id): id is string => id !== null)
}

/** Each uploaded photo's capture, in the order of `uploadedIds` (the server keeps it beside the stamp). */
export function uploadedMeta(slots: PhotoSlot[]): Array<{ takenAt: number; source: 'camera' | 'album' }> | undefined {
  const done = slots.filter((s) => s.fileId !== null)
  // a photo without a capture time (an older slot) leaves the whole list out rather than misalign it
  if (done.length === 0 || done.some((s) => s.takenAt === undefined)) return undefined
  return done.map((s) => ({ takenAt: s.takenAt as number, source: s.album ? 'album' : 'camera' }))
}

export const stillUploading = (slots: PhotoSlot[]) => slots.some((s) => s.fileId === null && s.error === null)

/** 1–9 photos, compressed on the phone, each uploading with its own progress bar. */
export function PhotoPicker({ slots, onChange, uploadDir, max, cameraOnly, label = '添加照片', stamp, extra }: PhotoPickerProps) {
  const patch = (key: string, change: Partial<PhotoSlot>) => onChange((prev) => prev.map((s) => (s.key === key ? { ...s, ...change } : s)))

  const send = async (slot: PhotoSlot, path: string) => {
    if (!uploadDir) return patch(slot.key, { error: '暂时无法上传，请稍后重试' })
    // 随手拍's photos come here already small: stamped (a resized JPEG) or compressed in take()
    const compressed = stamp ? path : await compressPhoto(path)
    const result = await uploadFile({
      filePath: compressed,
      cloudPath: `${uploadDir}/${today()}/${newRequestId()}.jpg`,
      onProgress: (percent) => patch(slot.key, { progress: percent }),
    })
    patch(slot.key, result.ok ? { fileId: result.data.fileID, progress: 100 } : { error: result.message })
  }

  const add = async () => {
    const room = max - slots.length
    if (room <= 0) return
    let paths: string[]
    try {
      const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: cameraOnly ? ['camera'] : ['camera', 'album'] })
      paths = chosen.tempFilePaths.slice(0, room)
    } catch {
      return // the person closed the picker
    }
    const fresh = paths.map((path) => ({ key: newRequestId(), preview: path, progress: 0, fileId: null, error: null }))
    onChange((prev) => [...prev, ...fresh].slice(0, max))
    await Promise.all(fresh.map((slot, i) => send(slot, paths[i])))
  }

  /** 随手拍: camera or album, each photo stamped on the phone; the unstamped photo if the canvas fails */
  const take = async (camera: boolean) => {
    const room = max - slots.length
    if (room <= 0 || !stamp) return
    let paths: string[]
    try {
      if (process.env.TARO_ENV === 'weapp') {
        const chosen = await Taro.chooseMedia({ count: room, mediaType: ['image'], sourceType: [camera ? 'camera' : 'album'], sizeType: ['compressed'] })
        paths = chosen.tempFiles.map((f) => f.tempFilePath).slice(0, room)
      } else {
        paths = await pickInBrowser(room, camera)
      }
    } catch {
      return // the person closed the camera
    }
    if (paths.length === 0) return
    const takenAt = Date.now()
    const where = stamp()
    const stamped = await Promise.all(
      paths.map((path) =>
        stampPhoto(path, takenAt, where)
          .then((r) => (r.stamped ? r.path : compressPhoto(path)))
          .catch(() => compressPhoto(path)),
      ),
    )
    const fresh = stamped.map((path) => ({ key: newRequestId(), preview: path, progress: 0, fileId: null, error: null, takenAt, album: !camera }))
    onChange((prev) => [...prev, ...fresh].slice(0, max))
    await Promise.all(fresh.map((slot) => send(slot, slot.preview)))
  }

  const retry = (slot: PhotoSlot) => {
    patch(slot.key, { error: null, progress: 0 })
    void send(slot, slot.preview)
  }

  return (
    <View className='wm-rp-photos'>
      {slots.map((slot, index) => (
        <View key={slot.key} className='wm-rp-photo'>
          <Image className='wm-rp-photo__image' src={slot.preview} mode='aspectFill' {...alt(`第 ${index + 1} 张照片`)} />
          {slot.error ? (
            <View className='wm-rp-photo__bar' onClick={() => retry(slot)} role='button'>
              <Text>上传失败，点此重试</Text>
            </View>
          ) : slot.fileId ? (
            <View className='wm-rp-photo__bar'>
              <Text>已上传</Text>
            </View>
          ) : (
            <>
              <View className='wm-rp-photo__bar'>
                <Text>上传中 {slot.progress}%</Text>
              </View>
              <View className='wm-rp-photo__progress' style={{ width: `${slot.progress}%` }} />
            </>
          )}
          <View
            className='wm-rp-photo__remove'
            role='button'
            aria-label={`删除第 ${index + 1} 张照片`}
            onClick={() => onChange((prev) => prev.filter((s) => s.key !== slot.key))}
          >
            <Text>✕</Text>
          </View>
        </View>
      ))}
      {stamp && slots.length < max ? (
        <>
          <View className='wm-rp-photo wm-rp-photo--add wm-rp-photo--camera' role='button' id='wm-report-add-photo' onClick={() => void take(true)}>
            <Text className='wm-rp-photo__plus'>＋</Text>
            <Text>{cameraOnly ? '现场拍照' : '拍照'}</Text>
          </View>
          {cameraOnly ? null : (
            <View className='wm-rp-photo wm-rp-photo--add' role='button' id='wm-report-album' onClick={() => void take(false)}>
              <Text className='wm-rp-photo__plus'>▦</Text>
              <Text>相册</Text>
            </View>
          )}
        </>
      ) : slots.length < max ? (
        <View className='wm-rp-photo wm-rp-photo--add' role='button' id='wm-report-add-photo' onClick={() => void add()}>
          <Text className='wm-rp-photo__plus'>＋</Text>
          <Text>{cameraOnly ? '现场拍照' : label}</Text>
          <Text className='wm-text-tertiary'>
            {slots.length}/{max}
          </Text>
        </View>
      ) : null}
      {extra}
    </View>
  )
}
