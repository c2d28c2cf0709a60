import type { PledgeView } from '@/shared/contract/family'
import { shanghaiTime } from '@/lib/time'
import { wrapText } from '@/lib/canvas-text'

/** What drawing needs of a canvas, the same in the mini-program's canvas 2d and a browser. */
export interface CertificateCanvas {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
}

export const CERT_WIDTH = 750
export const CERT_HEIGHT = 1100

export interface CertificateText {
  title: string
  classTitle: string
  items: string[]
  signer: string
  date: string
}

export function certificateText(pledge: PledgeView, classTitle: string): CertificateText {
  return {
    title: '文明家庭承诺书',
    classTitle,
    items: pledge.items,
    signer: pledge.signedBy,
    date: shanghaiTime(pledge.signedAt, 'YYYY年M月D日'),
  }
}

/** Draws the certificate the family saves: the same words as the page shows. */
export function drawCertificate(canvas: CertificateCanvas, text: CertificateText, scale = 1): boolean {
  const ctx = canvas.getContext('2d')
  if (!ctx) return false
  canvas.width = CERT_WIDTH * scale
  canvas.height = CERT_HEIGHT * scale
  ctx.scale(scale, scale)
  const font = (size: number, weight = 'normal') => `${weight} ${size}px "PingFang SC", "Microsoft YaHei", sans-serif`

  ctx.fillStyle = '#fffdf8'
  ctx.fillRect(0, 0, CERT_WIDTH, CERT_HEIGHT)
  ctx.strokeStyle = '#c8102e'
  ctx.lineWidth = 12
  ctx.strokeRect(24, 24, CERT_WIDTH - 48, CERT_HEIGHT - 48)
  ctx.strokeStyle = '#d4a017'
  ctx.lineWidth = 3
  ctx.strokeRect(44, 44, CERT_WIDTH - 88, CERT_HEIGHT - 88)

  ctx.textAlign = 'center'
  ctx.fillStyle = '#c8102e'
  ctx.font = font(58, 'bold')
  ctx.fillText(text.title, CERT_WIDTH / 2, 150)
  ctx.fillStyle = '#4a4440'
  ctx.font = font(26)
  ctx.fillText(text.classTitle, CERT_WIDTH / 2, 200)

  ctx.textAlign = 'left'
  ctx.fillStyle = '#1f1a17'
  ctx.font = font(30, 'bold')
  ctx.fillText('我们家承诺：', 90, 270)
  ctx.font = font(27)
  let y = 320
  text.items.forEach((item, i) => {
    const lines = wrapText(ctx, item, CERT_WIDTH - 220)
    ctx.fillText(`${i + 1}.`, 90, y)
    for (const line of lines) {
      ctx.fillText(line, 130, y)
      y += 40
    }
    y += 14
  })

  ctx.textAlign = 'right'
  ctx.font = font(30)
  ctx.fillText(`承诺人：${text.signer}`, CERT_WIDTH - 90, Math.max(y + 50, 900))
  ctx.font = font(26)
  ctx.fillText(text.date, CERT_WIDTH - 90, Math.max(y + 100, 950))
  ctx.textAlign = 'center'
  ctx.fillStyle = '#6b625c'
  ctx.font = font(22)
  ctx.fillText('小手拉大手，文明一起走 · 文明通', CERT_WIDTH / 2, CERT_HEIGHT - 80)
  return true
}
