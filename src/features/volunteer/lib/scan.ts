import { decodeScene } from '@/shared/scene'

/**
 * What a scanned check-in code gives back, whichever way it was read: the plain QR on the
 * organizer's screen carries the scene itself (`cAb3dE6gH.k2Qx…`); a 小程序码 comes back as a
 * page path with `scene=` (URI-encoded).
 */
export function checkInSceneFrom(scanned: string | undefined | null): { scene: string; shiftId: string } | null {
  if (!scanned) return null
  const candidates = [scanned.trim()]
  const match = /[?&]scene=([^&#]+)/.exec(scanned)
  if (match) candidates.unshift(match[1])
  for (const candidate of candidates) {
    let raw = candidate
    try {
      raw = decodeURIComponent(candidate)
    } catch {
      // keep it as it came
    }
    const decoded = decodeScene(raw)
    if (decoded.ok && decoded.scene.kind === 'checkIn') return { scene: raw, shiftId: decoded.scene.shiftId }
  }
  return null
}
