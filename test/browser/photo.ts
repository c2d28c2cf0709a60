import type { Page } from 'playwright-core'
import type { BrowserTest } from './types'
import { dataOf } from './locate'

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

/**
 * Uploads a drawn photo as `openid` the way the phone does: a path reserved by storage.reserve in
 * `area`, then the local host's upload endpoint. Returns the stored fileID.
 */
export async function uploadPhoto(t: BrowserTest, openid: string, label: string, options: { area?: string; colour?: string } = {}): Promise<string> {
  const { paths } = dataOf<{ paths: string[] }>(await t.call('storage', 'reserve', { area: options.area ?? 'reports', count: 1 }, openid), 'storage.reserve')
  const response = await t.page.request.post(`${t.baseUrl}/api/storage/upload?path=${encodeURIComponent(paths[0])}`, {
    headers: { 'X-Dev-Openid': openid, 'Content-Type': 'image/jpeg' },
    data: await photo(t.page, label, options.colour ?? '#f2d14a'),
  })
  const body = (await response.json()) as { ok: boolean; data?: { fileID: string } }
  if (!body.ok || !body.data) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.data.fileID
}
