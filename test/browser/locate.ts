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

/** Taro H5's <Input>/<Textarea> are web components around the real field: fill whichever carries the id. */
export const field = (page: Page, id: string): Locator => visible(page, `input#${id}, #${id} input, textarea#${id}, #${id} textarea`)

/** Taro H5 slides a page in after a hash change: a screenshot waits until the page stands still. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shells = Array.from(document.querySelectorAll('.wm-shell')).filter((e) => (e as HTMLElement).offsetParent !== null)
    return shells.some((e) => Math.abs(e.getBoundingClientRect().left) < 1)
  })
  await page.waitForTimeout(300)
}

/** Picks `files` through the file chooser that tapping `selector` opens. */
export async function chooseFiles(page: Page, selector: string, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, selector).tap()])
  await chooser.setFiles(files)
}
