/**
 * A v4 UUID for `submit`'s requestId. The mini-program has no crypto.randomUUID; the id only has
 * to be unique per person and attempt, so Math.random is enough.
 */
export function newRequestId(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  const variant = '89ab'[Math.floor(Math.random() * 4)]
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
}
