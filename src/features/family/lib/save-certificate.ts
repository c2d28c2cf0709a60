import { canvasNode, saveCanvasToAlbum, type SaveOutcome } from '@/lib/album'
import { drawCertificate, type CertificateCanvas, type CertificateText } from './certificate'

export const CERT_CANVAS_ID = 'wm-fa-cert-canvas'

/** The mini-program: draw on the page's hidden canvas 2d and save it to the album. */
export async function saveCertificate(text: CertificateText): Promise<SaveOutcome> {
  const node = await canvasNode<CertificateCanvas>(CERT_CANVAS_ID)
  if (!node || !drawCertificate(node, text, 2)) return { ok: false, message: '生成图片失败，请截屏保存' }
  return saveCanvasToAlbum(node)
}
