/**
 * A one-time message carried to the next page across a tab switch (`switchTab` cannot carry
 * query parameters), e.g. "this poster is not available yet" from the entry page to 首页.
 */
let pending: string | null = null

export function flashNotice(message: string): void {
  pending = message
}

export function takeFlashNotice(): string | null {
  const message = pending
  pending = null
  return message
}
