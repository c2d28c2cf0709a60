import { wilson } from '@/cloud/domain/survey/wilson'

/**
 * 95% Wilson interval, z = 1.959964 (z² = 3.841459), worked by hand:
 *   centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 * 8/10:  p = .8, 1 + z²/n = 1.384146, centre = .992073 / 1.384146 = .716740,
 *        half = 1.416016 · √(.016 + .009604) = .226579 → [.4902, .9433]
 * 0/5:   low 0, high = z² / (n + z²) = 3.841459 / 8.841459 = .4345
 * 5/5:   the mirror image → [.5655, 1]
 */
test('8 of 10 gives [0.4902, 0.9433]', () => {
  const ci = wilson(8, 10)
  expect(ci?.low).toBeCloseTo(0.4902, 4)
  expect(ci?.high).toBeCloseTo(0.9433, 4)
})

test('0 of 5 and 5 of 5 stay inside [0, 1] and mirror each other', () => {
  expect(wilson(0, 5)?.low).toBe(0)
  expect(wilson(0, 5)?.high).toBeCloseTo(0.4345, 4)
  expect(wilson(5, 5)?.low).toBeCloseTo(0.5655, 4)
  expect(wilson(5, 5)?.high).toBeCloseTo(1, 10)
})

test('no valid answers: no interval', () => {
  expect(wilson(0, 0)).toBeNull()
})

test('the interval narrows as the sample grows at the same rate', () => {
  const small = wilson(8, 10)
  const large = wilson(800, 1000)
  expect(small && large && large.high - large.low < small.high - small.low).toBe(true)
  expect(large?.low).toBeCloseTo(0.7741, 4)
  expect(large?.high).toBeCloseTo(0.8236, 4)
})
