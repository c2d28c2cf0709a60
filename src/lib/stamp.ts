import Taro from '@tarojs/taro'
import { shanghaiTime } from '@/lib/time'

/**
 * The photo watermark shared by 随手拍 and 创文督查: a band at the bottom of each evidence photo carrying the Beijing
 * time it was taken, the site's name and where it was taken, so a photo forwarded out of the app
 * still says where and when. The capture time is also kept as data (`takenAt`), because a band on
 * pixels cannot be read back by the server.
 */

export interface StampPlace {
  siteName: string
  /** where the phone was; the site's registered place when the phone would not say */
  lat: number | null
  lng: number | null
}

export interface TakenPhoto {
  /** local path (weapp temp file) or blob:/data: URL (H5) of the stamped JPEG */
  path: string
  takenAt: number
  lat?: number
  lng?: number
  /** false when the band could not be drawn: the photo is the camera's own */
  stamped: boolean
}

/** One line of the band: 2026-12-01 14:05 · 人民路农贸市场 · 30.12345, 112.34567 */
export function stampText(takenAt: number, place: StampPlace): string[] {
  const time = shanghaiTime(takenAt, 'YYYY-MM-DD HH:mm')
  const where = place.lat !== null && place.lng !== null ? `${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}` : '位置未获取'
  return [`${time}  ${place.siteName}`, where]
}

// the longest edge kept: enough to read a sign on the photo, small enough to upload on one bar
const MAX_EDGE = process.env.TARO_ENV === 'weapp' ? 1600 : 1280

interface Ctx2D {
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  fillStyle: string
  font: string
  textBaseline: string
}

function drawBand(ctx: Ctx2D, width: number, height: number, lines: string[]) {
  const size = Math.max(14, Math.round(width / 34))
  const band = Math.round(size * 1.5 * lines.length + size * 0.8)
  ctx.fillStyle = 'rgba(0,0,0,0.55)'
  ctx.fillRect(0, height - band, width, band)
  ctx.fillStyle = '#ffffff'
  ctx.font = `${size}px sans-serif`
  ctx.textBaseline = 'top'
  lines.forEach((line, i) => ctx.fillText(line, Math.round(size * 0.6), height - band + Math.round(size * 0.4) + i * Math.round(size * 1.5)))
}

function fit(w: number, h: number): [number, number] {
  const k = Math.min(1, MAX_EDGE / Math.max(w, h, 1))
  return [Math.round(w * k), Math.round(h * k)]
}

async function stampInBrowser(path: string, lines: string[]): Promise<string | null> {
  const image = new window.Image()
  const loaded = await new Promise<boolean>((resolve) => {
    image.onload = () => resolve(true)
    image.onerror = () => resolve(false)
    image.src = path
  })
  if (!loaded) return null
  const [w, h] = fit(image.naturalWidth, image.naturalHeight)
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.drawImage(image, 0, 0, w, h)
  drawBand(ctx as unknown as Ctx2D, w, h, lines)
  // a data: URL, not a blob: one: the draft keeps it in storage and must find it after a reload
  return canvas.toDataURL('image/jpeg', 0.8)
}

interface OffscreenLike {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage(): { onload: (() => void) | null; onerror: (() => void) | null; src: string; width: number; height: number }
  toDataURL?(type: string, quality: number): string
}

/**
 * WeChat: an offscreen 2d canvas (base library 2.16.1+) draws the photo and the band; it is
 * exported with canvasToTempFilePath({ canvas }), and where a base library refuses that for an
 * offscreen canvas, with toDataURL written to a user-data file. Any failure leaves the photo
 * unstamped rather than lose it.
 */
async function stampInWeapp(path: string, lines: string[]): Promise<string | null> {
  try {
    const info = await Taro.getImageInfo({ src: path })
    const [w, h] = fit(info.width, info.height)
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: w, height: h }) as unknown as OffscreenLike
    const ctx = canvas.getContext('2d') as Ctx2D
    const image = canvas.createImage()
    const loaded = await new Promise<boolean>((resolve) => {
      image.onload = () => resolve(true)
      image.onerror = () => resolve(false)
      image.src = path
    })
    if (!loaded) return null
    ctx.drawImage(image, 0, 0, w, h)
    drawBand(ctx, w, h, lines)
    try {
      const out = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'jpg', quality: 0.85 } as never)
      return out.tempFilePath
    } catch {
      const data = canvas.toDataURL?.('image/jpeg', 0.85)
      if (!data) return null
      const file = `${Taro.env.USER_DATA_PATH}/stamp-${Date.now()}-${Math.floor(Math.random() * 1e6)}.jpg`
      Taro.getFileSystemManager().writeFileSync(file, data.replace(/^data:image\/\w+;base64,/, ''), 'base64')
      return file
    }
  } catch {
    return null
  }
}

/** The band drawn on one photo; the photo unstamped (and said so) when the canvas fails. */
export async function stampPhoto(path: string, takenAt: number, place: StampPlace): Promise<TakenPhoto> {
  const lines = stampText(takenAt, place)
  const stamped = process.env.TARO_ENV === 'weapp' ? await stampInWeapp(path, lines) : await stampInBrowser(path, lines)
  return {
    path: stamped ?? path,
    takenAt,
    ...(place.lat !== null && place.lng !== null ? { lat: place.lat, lng: place.lng } : {}),
    stamped: stamped !== null,
  }
}

/**
 * H5: photos through a file input; `camera` sets capture=environment (the phone's back camera),
 * without it the phone offers its album. Resolves [] when nothing is picked.
 */
export function pickInBrowser(count: number, camera: boolean): Promise<string[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    if (camera) input.setAttribute('capture', 'environment')
    input.multiple = count > 1
    input.style.display = 'none'
    input.onchange = () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      resolve(files.map((f) => URL.createObjectURL(f)))
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })
}
