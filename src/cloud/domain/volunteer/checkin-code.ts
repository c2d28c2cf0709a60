import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The rotating check-in code. Every 30-second slot the organizer's screen shows
 * token = HMAC-SHA256(secret, shiftId + "." + slot), cut to 10 base64url characters, carried in the
 * scene `c<shiftId>.<token>`; the 6-digit code is read from the first four bytes of the same MAC.
 *
 * A code is accepted in its own slot and the next one, so it works for 30–60 s: a screenshot
 * sent to someone at home is dead within a minute. Older codes are told apart from wrong ones so
 * the volunteer gets a useful message.
 */
export const SLOT_MS = 30_000
export const TOKEN_LENGTH = 10
/** how far back an old code is still recognised as "expired" rather than "wrong" */
const EXPIRED_LOOKBACK_SLOTS = 40

export type CodeVerdict = 'valid' | 'expired' | 'invalid'

export function slotOf(now: number): number {
  return Math.floor(now / SLOT_MS)
}

function mac(secret: string, shiftId: string, slot: number): Buffer {
  return createHmac('sha256', secret).update(`${shiftId}.${slot}`).digest()
}

export function tokenFor(secret: string, shiftId: string, slot: number): string {
  return mac(secret, shiftId, slot).toString('base64url').slice(0, TOKEN_LENGTH)
}

export function digitsFor(secret: string, shiftId: string, slot: number): string {
  return String(mac(secret, shiftId, slot).readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function verify(
  expected: (slot: number) => string,
  given: string,
  now: number,
): CodeVerdict {
  const current = slotOf(now)
  if (same(expected(current), given) || same(expected(current - 1), given)) return 'valid'
  for (let back = 2; back <= EXPIRED_LOOKBACK_SLOTS; back++) {
    if (same(expected(current - back), given)) return 'expired'
  }
  return 'invalid'
}

export function verifyToken(secret: string, shiftId: string, token: string, now: number): CodeVerdict {
  return verify((slot) => tokenFor(secret, shiftId, slot), token, now)
}

export function verifyDigits(secret: string, shiftId: string, digits: string, now: number): CodeVerdict {
  return verify((slot) => digitsFor(secret, shiftId, slot), digits, now)
}

/** When the code shown now is replaced by the next one. */
export function rotatesAt(now: number): number {
  return (slotOf(now) + 1) * SLOT_MS
}
