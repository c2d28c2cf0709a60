import type { CertificateView } from '@/shared/contract'
import { certificateImageFileName, certificateImageText, drawCertificateImage } from './certificate-image'

export interface SaveOutcome {
  ok: boolean
  message: string
}

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => resolve(null)
    image.src = src
  })
}

/** The browser: draw on a canvas of its own and download it as a PNG (750 px wide). */
export async function saveCertificateImage(certificate: CertificateView): Promise<SaveOutcome> {
  const text = certificateImageText(certificate)
  const qr = await loadImage(certificate.verifyQr)
  if (!qr) return { ok: false, message: '生成图片失败，请截屏保存' }
  const canvas = document.createElement('canvas')
  // scale 1: the saved image is exactly 750 px wide, as the certificate image is specified
  if (!drawCertificateImage(canvas, text, qr, 1)) return { ok: false, message: '生成图片失败，请截屏保存' }
  const link = document.createElement('a')
  link.href = canvas.toDataURL('image/png')
  link.download = certificateImageFileName(text)
  document.body.appendChild(link)
  link.click()
  link.remove()
  return { ok: true, message: '图片已下载' }
}
