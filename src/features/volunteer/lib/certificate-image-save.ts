import Taro from '@tarojs/taro'
import type { CertificateView } from '@/shared/contract'
import { canvasNode, saveCanvasToAlbum, type SaveOutcome } from '@/lib/album'
import { CERT_IMAGE_CANVAS_ID, certificateImageText, drawCertificateImage, type CertificateImageCanvas } from './certificate-image'

export type { SaveOutcome }

/** The mini-program's canvas 2d node: what drawing needs, plus its own image loader. */
interface CanvasNode extends CertificateImageCanvas {
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null }
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

/** The mini-program: draw on the page's hidden canvas 2d and save it to the album. */
export async function saveCertificateImage(certificate: CertificateView): Promise<SaveOutcome> {
  const node = await canvasNode<CanvasNode>(CERT_IMAGE_CANVAS_ID)
  if (!node) return { ok: false, message: '生成图片失败，请截屏保存' }
  // the 小程序码 (scene v<code>): WeChat's scanner opens the verification page from it, as it would not from a plain QR
  const code = await loadCode(node, certificate.verifyCodeUrl)
  if (!code) return { ok: false, message: '小程序码暂时无法生成，请稍后重试' }
  if (!drawCertificateImage(node, certificateImageText(certificate), code, 1)) return { ok: false, message: '生成图片失败，请截屏保存' }
  return saveCanvasToAlbum(node)
}
