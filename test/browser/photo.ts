import type { Page } from 'playwright-core'

/** A photo-like JPEG drawn in the page itself: a grey wall with yellow flyers on it. */
export async function photo(page: Page, label: string, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([text, fill]) => {
      const canvas = document.createElement('canvas')
      canvas.width = 960
      canvas.height = 720
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
      ctx.fillStyle = '#8a8580'
      ctx.fillRect(0, 0, 960, 720)
      ctx.fillStyle = '#6f6a65'
      for (let y = 0; y < 720; y += 60) ctx.fillRect(0, y, 960, 4)
      ctx.fillStyle = fill
      for (let i = 0; i < 7; i++) ctx.fillRect(80 + (i % 4) * 210, 120 + Math.floor(i / 4) * 260, 170, 210)
      ctx.fillStyle = '#1f1a17'
      ctx.font = 'bold 96px sans-serif'
      ctx.textAlign = 'center'
      ctx.fillText(text, 480, 400)
      return canvas.toDataURL('image/jpeg', 0.85)
    },
    [label, colour] as const,
  )
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}
