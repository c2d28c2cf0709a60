import fc from 'fast-check'
import { decodeScene, encodeScene, SCENE_ALLOWED, SCENE_MAX_LENGTH, type Scene } from '@/shared/scene'

const idChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split(''))
const id = (min: number, max: number) => fc.array(idChars, { minLength: min, maxLength: max }).map((c) => c.join(''))
const joinCode = fc
  .array(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.split('')), { minLength: 4, maxLength: 12 })
  .map((c) => c.join(''))

const scenes: fc.Arbitrary<Scene> = fc.oneof(
  id(1, 31).map((posterId) => ({ kind: 'poster' as const, posterId })),
  fc.record({ kind: fc.constant('checkIn' as const), shiftId: id(1, 10), token: id(4, 20) }),
  joinCode.map((code) => ({ kind: 'classJoin' as const, joinCode: code })),
)

test('encode then decode is the identity', () => {
  fc.assert(fc.property(scenes, (scene) => expect(decodeScene(encodeScene(scene))).toEqual({ ok: true, scene })))
})

test('every encoding is at most 32 characters WeChat allows', () => {
  fc.assert(
    fc.property(scenes, (scene) => {
      const encoded = encodeScene(scene)
      expect(encoded.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
      expect(encoded).toMatch(SCENE_ALLOWED)
    }),
  )
})

test('the URI-encoded scene from launch options decodes the same', () => {
  fc.assert(
    fc.property(scenes, (scene) => expect(decodeScene(encodeURIComponent(encodeScene(scene)))).toEqual({ ok: true, scene })),
  )
})

test('any input decodes to a scene or a clear error, never an exception', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (input) => {
      const decoded = decodeScene(input)
      if (!decoded.ok) expect(decoded.code).toMatch(/^SCENE\.[A-Z_]+$/)
      expect(typeof decoded.ok).toBe('boolean')
    }),
  )
})

test.each([
  ['', 'SCENE.EMPTY'],
  [undefined, 'SCENE.EMPTY'],
  ['x123', 'SCENE.UNKNOWN_KIND'],
  ['p', 'SCENE.MALFORMED'],
  ['c123', 'SCENE.MALFORMED'],
  ['cS1.ab', 'SCENE.MALFORMED'],
  ['sabc', 'SCENE.MALFORMED'],
  ['p海报', 'SCENE.BAD_CHARACTERS'],
  ['p%E0%A4%A', 'SCENE.MALFORMED'],
  ['p' + 'a'.repeat(32), 'SCENE.TOO_LONG'],
])('%p decodes to %s', (input, code) => {
  expect(decodeScene(input)).toMatchObject({ ok: false, code })
})

test('ids that cannot fit are refused at encoding time', () => {
  expect(() => encodeScene({ kind: 'poster', posterId: 'a'.repeat(40) })).toThrow(RangeError)
})
