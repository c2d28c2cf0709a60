import type { CertificateView } from '@/shared/contract'
import { formatDate, formatHours, formatMinutes, groupCode } from './format'
import { wrapText } from '@/lib/canvas-text'

/** What drawing needs of a canvas, the same in the mini-program's canvas 2d and a browser. */
export interface CertificateImageCanvas {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
}

export const CERT_IMAGE_WIDTH = 750
export const CERT_IMAGE_HEIGHT = 1270
export const CERT_IMAGE_CANVAS_ID = 'wm-vo-cert-canvas'

/** The words on the image: what the certificate page shows, so a printed copy says the same. */
export interface CertificateImageText {
  title: string
  holderName: string
  recordCount: number
  hours: string
  /** '（2 小时 30 分钟）' when the hours are not whole, else '' */
  exact: string
  issuer: string
  serialNo: string | null
  code: string
  date: string
}

export function certificateImageText(certificate: CertificateView): CertificateImageText {
  return {
    title: '志愿服务证明',
    holderName: certificate.holderName,
    recordCount: certificate.recordCount,
    hours: `${formatHours(certificate.totalMinutes)} 小时`,
    exact: certificate.totalMinutes % 60 === 0 ? '' : `（${formatMinutes(certificate.totalMinutes)}）`,
    issuer: certificate.issuer,
    serialNo: certificate.serialNo,
    code: groupCode(certificate.code),
    date: formatDate(certificate.issuedAt),
  }
}

/** 'ZS-2026-000001' → the file name a download is saved under (no characters a file system refuses). */
export function certificateImageFileName(text: CertificateImageText): string {
  return `志愿服务证明-${(text.serialNo ?? text.code).replace(/[^A-Za-z0-9-]/g, '')}.png`
}

/**
 * Draws the volunteer certificate: title, holder, confirmed hours, issuer, 证书编号, date, the
 * 查验码 large enough to type from paper, and the QR (a 1-bit PNG from the server, drawn without
 * smoothing so its modules stay sharp) with 「扫码查验」.
 */
export function drawCertificateImage(canvas: CertificateImageCanvas, text: CertificateImageText, qr: CanvasImageSource | null, scale = 1): boolean {
  const ctx = canvas.getContext('2d')
  if (!ctx) return false
  const W = CERT_IMAGE_WIDTH
  const H = CERT_IMAGE_HEIGHT
  canvas.width = W * scale
  canvas.height = H * scale
  ctx.scale(scale, scale)
  const font = (size: number, weight = 'normal') => `${weight} ${size}px "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`

  ctx.fillStyle = '#fffdf8'
  ctx.fillRect(0, 0, W, H)
  ctx.strokeStyle = '#c8102e'
  ctx.lineWidth = 12
  ctx.strokeRect(24, 24, W - 48, H - 48)
  ctx.strokeStyle = '#d4a017'
  ctx.lineWidth = 3
  ctx.strokeRect(44, 44, W - 88, H - 88)

  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = '#c8102e'
  ctx.font = font(60, 'bold')
  ctx.fillText(text.title, W / 2, 150)
  if (text.serialNo) {
    ctx.fillStyle = '#6b625c'
    ctx.font = font(24)
    ctx.fillText(`证书编号：${text.serialNo}`, W / 2, 196)
  }

  ctx.textAlign = 'left'
  ctx.fillStyle = '#1f1a17'
  ctx.font = font(30)
  let y = 280
  for (const line of wrapText(ctx, `兹证明 ${text.holderName} 参加志愿服务 ${text.recordCount} 次，经活动组织者确认的服务时长累计：`, W - 180)) {
    ctx.fillText(line, 90, y)
    y += 48
  }
  ctx.textAlign = 'center'
  ctx.fillStyle = '#c8102e'
  ctx.font = font(72, 'bold')
  ctx.fillText(text.hours, W / 2, y + 60)
  y += 60
  if (text.exact) {
    ctx.fillStyle = '#4a4440'
    ctx.font = font(26)
    ctx.fillText(text.exact, W / 2, y + 44)
    y += 44
  }

  ctx.textAlign = 'right'
  ctx.fillStyle = '#1f1a17'
  ctx.font = font(28)
  ctx.fillText(`出具单位：${text.issuer}`, W - 90, y + 80)
  ctx.font = font(26)
  ctx.fillText(`出具日期：${text.date}`, W - 90, y + 124)

  // the verification block, stacked and centred: the code, the QR, what to do with them
  // a long name that wraps once more pushes the block down (the height leaves room for it)
  const top = Math.max(620, y + 170)
  ctx.strokeStyle = '#e3d9cc'
  ctx.lineWidth = 2
  ctx.beginPath()
  ctx.moveTo(90, top)
  ctx.lineTo(W - 90, top)
  ctx.stroke()
  ctx.textAlign = 'center'
  ctx.fillStyle = '#4a4440'
  ctx.font = font(26)
  ctx.fillText('查验码', W / 2, top + 50)
  ctx.fillStyle = '#1f1a17'
  ctx.font = font(60, 'bold')
  ctx.fillText(text.code, W / 2, top + 125)
  // a plain QR (H5, 4-px modules) keeps whole device pixels per module (6 px), so no module blurs
  // or thins; a 小程序码 (weapp, round and wider than the slot) is scaled down to it, smoothed
  const natural = qr && 'width' in qr && typeof qr.width === 'number' && qr.width > 0 ? qr.width : 0
  const moduled = natural > 0 && natural <= 220
  const qrSize = moduled ? natural * Math.max(1, Math.round((220 / natural) * 2) / 2) : 220
  const qrTop = top + 155
  if (qr) {
    ctx.imageSmoothingEnabled = !moduled
    ctx.drawImage(qr, Math.round((W - qrSize) / 2), qrTop, qrSize, qrSize)
    ctx.imageSmoothingEnabled = true
  }
  ctx.font = font(28, 'bold')
  ctx.fillText('扫码查验', W / 2, qrTop + qrSize + 36)
  ctx.fillStyle = '#6b625c'
  ctx.font = font(22)
  let hy = qrTop + qrSize + 80
  // two phrases, each wrapped on its own, so 查验码 is never split across lines
  for (const phrase of ['任何人可扫码，或在文明通「志愿服务 › 服务证明」', '输入查验码，查验这份证明']) {
    for (const line of wrapText(ctx, phrase, W - 180)) {
      ctx.fillText(line, W / 2, hy)
      hy += 32
    }
  }

  ctx.fillStyle = '#6b625c'
  ctx.font = font(22)
  ctx.fillText('文明通 · 志愿服务', W / 2, Math.max(hy + 24, H - 62))
  return true
}
