/**
 * The 门前三包 page and its links, alone: the QR entry in the main package routes a door code here
 * and must not carry the 责任书 templates of src/shared/frontage.ts along.
 */
export const FRONTAGE_PAGE = '/packages/frontage/pages/index/index'

/** A link to a 门前三包 view; the view names are src/shared/frontage.ts FRONTAGE_VIEWS. */
export function frontageUrl(view: string, params: Record<string, string> = {}): string {
  const query = Object.entries({ view, ...params })
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return `${FRONTAGE_PAGE}?${query}`
}
