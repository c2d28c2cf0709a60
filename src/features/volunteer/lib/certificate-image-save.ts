import Taro from '@tarojs/taro'
import type { CertificateView } from '@/shared/contract'
import { CERT_IMAGE_CANVAS_ID, certificateImageText, drawCertificateImage, type CertificateImageCanvas } from './certificate-image'

export interface SaveOutcome {
  ok: boolean
  message: string
}

/** The mini-program's canvas 2d node: what drawing needs, plus its own image loader. */
interface CanvasNode extends CertificateImageCanvas {
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null }
}

interface CanvasNodeResult {
  node?: CanvasNode
}

/**
 * The 小程序码 comes as a temporary https URL of the stored image; a canvas image loads a local
 * file on every client, so it is downloaded first (the cloud's storage domain is always allowed).
 */
async function loadCode(node: CanvasNode, url: string | null): Promise<CanvasImageSource | null> {
  if (!url) return null
  let filePath: string
  try {
    const download = await Taro.downloadFile({ url })
    if (download.statusCode !== 200) return null
    filePath = download.tempFilePath
  } catch {
    return null
  }
  return new Promise((resolve) => {
    const image = node.createImage()
    image.onload = () => resolve(image as unknown as CanvasImageSource)
    image.onerror = () => resolve(null)
    image.src = filePath
  })
}

/**
 * The mini-program: draw on the page's hidden canvas 2d, export it to a temporary file and save
 * it to the album (WeChat asks the person for 保存到相册 the first time).
 */
export async function saveCertificateImage(certificate: CertificateView): Promise<SaveOutcome> {
  const node = await new Promise<CanvasNode | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CERT_IMAGE_CANVAS_ID}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: CanvasNodeResult[]) => resolve(res?.[0]?.node ?? null))
  })
  if (!node) return { ok: false, message: '生成图片失败，请截屏保存' }
  // the 小程序码 (scene v<code>): WeChat's scanner opens the verification page from it, as it would not from a plain QR
  const code = await loadCode(node, certificate.verifyCodeUrl)
  if (!code) return { ok: false, message: '小程序码暂时无法生成，请稍后重试' }
  if (!drawCertificateImage(node, certificateImageText(certificate), code, 1)) return { ok: false, message: '生成图片失败，请截屏保存' }
  try {
    const file = await Taro.canvasToTempFilePath({ canvas: node as unknown as Taro.Canvas, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
    await Taro.saveImageToPhotosAlbum({ filePath: file.tempFilePath })
    return { ok: true, message: '已保存到相册' }
  } catch (error) {
    const errMsg = error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : ''
    if (/auth deny|authorize/i.test(errMsg)) return { ok: false, message: '需要允许「保存到相册」才能保存，请在设置里打开后重试' }
    if (/cancel/i.test(errMsg)) return { ok: false, message: '已取消保存' }
    return { ok: false, message: '保存失败，请截屏保存' }
  }
}
