import type { CertificateView } from '@/shared/contract'
import { CERTIFICATE_PAGE } from '../routes'
import { certificateImageFileName, certificateImageText, drawCertificateImage } from './certificate-image'
import type { SaveOutcome } from '@/lib/album'

export type { SaveOutcome }

/** 4 px a module with the standard 4-module quiet zone: drawn at 1.5× on the image, 6 whole pixels a module */
const MODULE_PX = 4
const QUIET_MODULES = 4

/**
 * The verification page's address in this H5 site (the hash router keeps the page after `#/`):
 * a phone's camera opens it in the browser. There is no WeChat scanner here to open a 小程序码.
 */
export function verificationUrl(code: string): string {
  const page = `${CERTIFICATE_PAGE}?code=${encodeURIComponent(code)}`
  const { origin, pathname, hash } = window.location
  return hash.startsWith('#/') ? `${origin}${pathname}#${page}` : `${origin}${page}`
}

/** A plain QR of the link, drawn module by module (`qrcode` is loaded only when someone saves). */
async function drawQr(link: string): Promise<HTMLCanvasElement | null> {
  try {
    const { create } = await import('qrcode')
    const { modules } = create(link, { errorCorrectionLevel: 'M' })
    const side = (modules.size + 2 * QUIET_MODULES) * MODULE_PX
    const canvas = document.createElement('canvas')
    canvas.width = side
    canvas.height = side
    const ctx = canvas.getContext('2d')
    if (!ctx) return null
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, side, side)
    ctx.fillStyle = '#000000'
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) ctx.fillRect((col + QUIET_MODULES) * MODULE_PX, (row + QUIET_MODULES) * MODULE_PX, MODULE_PX, MODULE_PX)
    return canvas
  } catch {
    return null
  }
}

/** The browser: draw on a canvas of its own and download it as a PNG (750 px wide). */
export async function saveCertificateImage(certificate: CertificateView): Promise<SaveOutcome> {
  const text = certificateImageText(certificate)
  const qr = await drawQr(verificationUrl(certificate.code))
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
