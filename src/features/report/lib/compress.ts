import Taro from '@tarojs/taro'

/**
 * Photos are made smaller on the phone before upload: a 4–8 MB camera image becomes a few hundred
 * KB, which is what makes 9 photos on a street-corner 4G connection bearable. The mini-program
 * has `compressImage`; the H5 build draws the image on a canvas and exports a JPEG.
 */
const MAX_SIDE = 1600
const QUALITY = 0.7

async function compressOnCanvas(path: string): Promise<string> {
  const image = await new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('image'))
    img.src = path
  })
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
  const context = canvas.getContext('2d')
  if (!context) return path
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
  return blob ? URL.createObjectURL(blob) : path
}

/** A compressed copy's path; the original when compression is not possible (never fails). */
export async function compressPhoto(path: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { tempFilePath } = await Taro.compressImage({ src: path, quality: Math.round(QUALITY * 100) })
      return tempFilePath
    }
    return await compressOnCanvas(path)
  } catch {
    return path
  }
}
