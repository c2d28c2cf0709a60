import type { Response } from 'playwright-core'
import { photo } from '../photo'
import type { BrowserTest } from '../types'
import { visible } from '../locate'

/**
 * What the local host delivers, as the browser sees it: the H5 home page's scripts and styles
 * arrive compressed, every answer says nosniff, the page carries a CSP, and nothing the app does
 * (first load, tabs, a photo picked, previewed, compressed on a canvas and uploaded) breaks it:
 * no `securitypolicyviolation` event and no console error.
 */

/** Where the page keeps the CSP violations it saw (set up before any of the app's scripts run). */
const VIOLATIONS = '__wmCspViolations'

export default async function deliveryJourney(t: BrowserTest): Promise<void> {
  const { page } = t
  await page.addInitScript((key) => {
    const seen: string[] = []
    Object.defineProperty(window, key, { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`))
  }, VIOLATIONS)
  const responses: Response[] = []
  page.on('response', (response) => responses.push(response))

  // the first load of the page (the default identity is the demo resident): every asset is fetched now
  await t.open('pages/home/index')
  await visible(page, '.wm-hero').waitFor()
  await t.shot('01-home')

  const index = responses.find((r) => r.request().resourceType() === 'document' && new URL(r.url()).pathname === '/')
  if (!index) throw new Error('the home page document was not seen')
  const indexHeaders = await index.allHeaders()
  const csp = indexHeaders['content-security-policy'] ?? ''
  if (!/script-src 'self'/.test(csp)) throw new Error(`the H5 index has no script-src 'self' CSP: "${csp}"`)
  if (/script-src[^;]*'unsafe-(inline|eval)'/.test(csp)) throw new Error(`the CSP lets any inline script or eval run: "${csp}"`)
  if (indexHeaders['x-content-type-options'] !== 'nosniff') throw new Error('the H5 index is not sent with X-Content-Type-Options: nosniff')

  const assets = responses.filter((r) => ['script', 'stylesheet'].includes(r.request().resourceType()) && r.url().startsWith(t.baseUrl))
  if (!assets.some((r) => r.request().resourceType() === 'script')) throw new Error('no script of the app was loaded')
  const report: string[] = []
  for (const asset of assets) {
    const headers = await asset.allHeaders()
    const size = (await asset.body()).length
    const name = new URL(asset.url()).pathname
    report.push(`${name} ${headers['content-encoding'] ?? 'plain'} ${size} B`)
    if (headers['x-content-type-options'] !== 'nosniff') throw new Error(`${name} is sent without nosniff`)
    // the host leaves answers under 1 KB as they are; everything bigger must come compressed
    if (size >= 1024 && !['gzip', 'br'].includes(headers['content-encoding'] ?? '')) {
      const asked = (await asset.request().allHeaders())['accept-encoding'] ?? 'nothing'
      throw new Error(`${name} (${size} B) came uncompressed although the browser accepts ${asked}`)
    }
  }
  console.info(`  ${report.join('\n  ')}`)

  // a client that accepts only gzip (most phones' WebViews, proxies) gets gzip, not brotli, not plain
  const script = assets.find((r) => r.request().resourceType() === 'script')
  if (script) {
    const plain = await script.body()
    const gzipOnly = await page.context().request.get(script.url(), { headers: { 'Accept-Encoding': 'gzip' } })
    const encoding = gzipOnly.headers()['content-encoding']
    if (encoding !== 'gzip') throw new Error(`${script.url()} with Accept-Encoding: gzip came as "${encoding ?? 'plain'}"`)
    // playwright hands back the decoded body: the same bytes the browser ran
    if (!(await gzipOnly.body()).equals(plain)) throw new Error('the gzip answer does not decode to the same script')
  }

  // the app at work under the CSP: another tab, then a photo picked, previewed, compressed and uploaded
  await t.open('pages/volunteer/index')
  await visible(page, '#wm-volunteer-checkin').waitFor()
  await t.open('pages/report/index')
  await visible(page, '#wm-report-form').waitFor()
  await visible(page, '#wm-cat-illegal-ads').tap()
  const buffer = await photo(page, '小广告', '#f2d14a')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '#wm-report-add-photo').tap()])
  await chooser.setFiles({ name: 'wall.jpg', mimeType: 'image/jpeg', buffer })
  await visible(page, '.wm-rp-photo__bar').filter({ hasText: '已上传' }).waitFor()
  await t.shot('02-photo-uploaded')
  const uploaded = responses.find((r) => new URL(r.url()).pathname === '/api/storage/upload')
  const stored = uploaded ? ((await uploaded.json()) as { data?: { fileID?: string } }).data?.fileID ?? '' : ''
  if (!/^cloud:\/\/local\.wenming\/reports\/\d{8}\/[0-9a-f]{24}\.jpg$/.test(stored)) throw new Error(`the photo was not stored at a reserved random path: "${stored}"`)

  const violations = await page.evaluate((key) => (window as unknown as Record<string, string[]>)[key] ?? [], VIOLATIONS)
  if (violations.length > 0) throw new Error(`the CSP blocked what the app needs:\n${violations.join('\n')}`)
}
