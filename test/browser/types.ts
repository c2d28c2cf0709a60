import type { BrowserContext, Page } from 'playwright-core'

/**
 * What a browser journey gets from the runner (`test/browser/run.ts`): a mobile-sized chromium page
 * on the H5 build served by the local host over a fresh database with demo data.
 * A journey file exports `default async function (t: BrowserTest): Promise<void>` and throws on failure.
 */
export interface BrowserTest {
  page: Page
  context: BrowserContext
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string
  /** open a page by its route, e.g. `pages/mine/index` or `packages/quiz/pages/index/index?mode=daily` */
  open(route: string): Promise<void>
  /** switch the demo identity the H5 build sends as X-Dev-Openid, then reload */
  signInAs(openid: string): Promise<void>
  /** call a cloud function over HTTP as someone, to arrange or check state; returns the Result JSON */
  call(fn: string, action: string, data: unknown, openid: string): Promise<{ ok: boolean; data?: unknown; code?: string; message?: string }>
  /** save test-results/screens/<journey>-<name>.png */
  shot(name: string): Promise<void>
  /** console errors and uncaught page errors seen so far */
  errors: string[]
}
