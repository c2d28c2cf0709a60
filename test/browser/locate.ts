import type { Locator, Page } from 'playwright-core'

/**
 * What every journey reaches for. Taro's H5 router keeps earlier pages in the DOM, hidden, so a
 * selector must ask for the visible match: the first one may belong to a page the user left.
 */
export const visible = (page: Page, selector: string): Locator => page.locator(`${selector}:visible`).first()

/** A cloud call's data, or the step fails naming what was asked and what the server said. */
export function dataOf<T>(result: { ok: boolean; data?: unknown; code?: string; message?: string }, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.code} ${result.message}`)
  return result.data as T
}
