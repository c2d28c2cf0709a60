import { WILSON_Z, type WilsonInterval } from '@/shared/contract/survey'

/**
 * The 95% Wilson score interval for `positive` out of `n`. Chosen over the normal (Wald)
 * interval because community samples are small and rates sit near 100%, where Wald's interval
 * runs past 1 or collapses to a point; Wilson's stays inside [0, 1] and keeps its coverage.
 * Null when n is 0 (nothing to estimate).
 */
export function wilson(positive: number, n: number, z: number = WILSON_Z): WilsonInterval | null {
  if (n <= 0) return null
  const p = positive / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}
