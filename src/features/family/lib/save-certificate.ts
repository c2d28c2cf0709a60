import Taro from '@tarojs/taro'
import { drawCertificate, type CertificateCanvas, type CertificateText } from './certificate'

export const CERT_CANVAS_ID = 'wm-fa-cert-canvas'

interface CanvasNodeResult {
  node?: CertificateCanvas
}

/**
 * The mini-program: draw on the page's hidden canvas 2d, export it to a temporary file and save
 * it to the album (WeChat asks the person for 保存到相册 the first time).
 */
export async function saveCertificate(text: CertificateText): Promise<{ ok: boolean; message: string }> {
  const node = await new Promise<CertificateCanvas | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CERT_CANVAS_ID}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: CanvasNodeResult[]) => resolve(res?.[0]?.node ?? null))
  })
  if (!node || !drawCertificate(node, text, 2)) return { ok: false, message: '生成图片失败，请截屏保存' }
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
