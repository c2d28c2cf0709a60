import Taro from '@tarojs/taro'
import { pickInBrowser, stampPhoto, type StampPlace, type TakenPhoto } from '@/lib/stamp'

/** The watermark itself lives in src/lib/stamp.ts (随手拍 in the main package draws it too). */
export { stampPhoto, stampText, type StampPlace, type TakenPhoto } from '@/lib/stamp'

/** Where the phone is now, or null after a few seconds or a refusal (the site's place stands in). */
async function hereOrNull(): Promise<{ lat: number; lng: number } | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 4000))
  const asked = Taro.getLocation({ type: 'gcj02' })
    .then((r) => ({ lat: r.latitude, lng: r.longitude }))
    .catch(() => null)
  return Promise.race([asked, timeout])
}

/**
 * Camera first: the inspector photographs what is in front of them. The album stays available
 * in the picker on WeChat (a photo taken a moment ago in the camera app), never the default.
 */
export async function takePhotos(count: number, site: { name: string; lat: number | null; lng: number | null }): Promise<TakenPhoto[]> {
  if (count <= 0) return []
  let paths: string[]
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const chosen = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'] })
      paths = chosen.tempFiles.map((f) => f.tempFilePath)
    } else {
      paths = await pickInBrowser(count, true)
    }
  } catch {
    return [] // closed the camera
  }
  if (paths.length === 0) return []
  const takenAt = Date.now()
  const here = await hereOrNull()
  const place: StampPlace = { siteName: site.name, lat: here?.lat ?? site.lat, lng: here?.lng ?? site.lng }
  const out: TakenPhoto[] = []
  for (const p of paths.slice(0, count)) out.push(await stampPhoto(p, takenAt, place))
  return out
}
