import { drawCertificate, type CertificateText } from './certificate'

export const CERT_CANVAS_ID = 'wm-fa-cert-canvas'

/** The browser: draw on a canvas of its own and download it as a PNG. */
export async function saveCertificate(text: CertificateText): Promise<{ ok: boolean; message: string }> {
  const canvas = document.createElement('canvas')
  if (!drawCertificate(canvas, text, 2)) return { ok: false, message: '生成图片失败，请截屏保存' }
  const link = document.createElement('a')
  link.href = canvas.toDataURL('image/png')
  link.download = `文明家庭承诺书-${text.date}.png`
  document.body.appendChild(link)
  link.click()
  link.remove()
  return { ok: true, message: '图片已下载' }
}
