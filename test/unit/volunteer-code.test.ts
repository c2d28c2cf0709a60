import { decodeScene, encodeScene, SCENE_MAX_LENGTH } from '@/shared/scene'
import { digitsFor, rotatesAt, slotOf, SLOT_MS, tokenFor, verifyDigits, verifyToken } from '@/cloud/domain/volunteer/checkin-code'
import { checkGeofence, cellOf, cellsAround, metresBetween } from '@/cloud/domain/volunteer/geo'
import { isValidResidentId, maskIdNumber, maskName, maskPhone } from '@/cloud/domain/volunteer/identity'
import { csvCell } from '@/cloud/domain/csv'

const SECRET = 'unit-test-secret-0123456789'
const T = Date.UTC(2026, 10, 25, 2, 0, 10)

describe('rotating check-in code', () => {
  test('the token fits the scene codec with an 8-character shift id', () => {
    const scene = encodeScene({ kind: 'checkIn', shiftId: 'Ab3dE6gH', token: tokenFor(SECRET, 'Ab3dE6gH', slotOf(T)) })
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
    expect(decodeScene(scene)).toMatchObject({ ok: true, scene: { kind: 'checkIn', shiftId: 'Ab3dE6gH' } })
  })

  test('a code is valid in its slot and the next, expired after, never valid for another shift', () => {
    const slot = slotOf(T)
    const token = tokenFor(SECRET, 'S1', slot)
    expect(verifyToken(SECRET, 'S1', token, T)).toBe('valid')
    expect(verifyToken(SECRET, 'S1', token, T + SLOT_MS)).toBe('valid')
    expect(verifyToken(SECRET, 'S1', token, T + 2 * SLOT_MS)).toBe('expired')
    expect(verifyToken(SECRET, 'S2', token, T)).toBe('invalid')
    expect(verifyToken('another-secret-0123456789', 'S1', token, T)).toBe('invalid')
  })

  test('a code from the future (clock skew or forged) is not accepted', () => {
    const token = tokenFor(SECRET, 'S1', slotOf(T) + 1)
    expect(verifyToken(SECRET, 'S1', token, T)).toBe('invalid')
  })

  test('the 6-digit code follows the same slots', () => {
    const digits = digitsFor(SECRET, 'S1', slotOf(T))
    expect(digits).toMatch(/^\d{6}$/)
    expect(verifyDigits(SECRET, 'S1', digits, T + SLOT_MS)).toBe('valid')
    expect(verifyDigits(SECRET, 'S1', digits, T + 2 * SLOT_MS)).toBe('expired')
  })

  test('the code rotates at the slot boundary', () => {
    expect(rotatesAt(T) % SLOT_MS).toBe(0)
    expect(rotatesAt(T)).toBeGreaterThan(T)
    expect(rotatesAt(T) - T).toBeLessThanOrEqual(SLOT_MS)
  })
})

describe('geofence', () => {
  const centre = { lat: 31.8206, lng: 117.2272 }
  // one metre of latitude on turf's sphere (radius 6371008.8 m)
  const degreesPerMetre = 180 / (Math.PI * 6371008.8)
  const north = (m: number) => ({ lat: centre.lat + m * degreesPerMetre, lng: centre.lng })

  test('distance is measured in metres', () => {
    expect(metresBetween(centre, north(100))).toBeCloseTo(100, 3)
  })

  test('just inside and on the edge are inside; just outside is outside, with the distance', () => {
    expect(checkGeofence(centre, 200, north(199.4))).toEqual({ inside: true, distanceM: 199 })
    expect(checkGeofence(centre, 200, north(199.999)).inside).toBe(true)
    expect(checkGeofence(centre, 200, north(200.6))).toEqual({ inside: false, distanceM: 201 })
  })

  test('the near-me cells cover every place within 5 km', () => {
    const me = { lat: 31.82, lng: 117.22 }
    for (const [dLat, dLng] of [[0.045, 0], [-0.045, 0], [0, 0.052], [0, -0.052], [0.03, 0.035]]) {
      const place = { lat: me.lat + dLat, lng: me.lng + dLng }
      expect(metresBetween(me, place)).toBeLessThan(5200)
      expect(cellsAround(me.lat, me.lng)).toContain(cellOf(place.lat, place.lng))
    }
  })
})

describe('identity fields', () => {
  test('resident ID numbers are checked by date and check digit', () => {
    expect(isValidResidentId('110101199003074258')).toBe(true)
    expect(isValidResidentId('11010119750612000X')).toBe(true)
    expect(isValidResidentId('110101199003074259')).toBe(false)
    expect(isValidResidentId('110101199002304251')).toBe(false)
  })

  test('names, phones and ID numbers are masked when shown back', () => {
    expect(maskName('李小文')).toBe('李*文')
    expect(maskName('李文')).toBe('李*')
    expect(maskName('欧阳小明')).toBe('欧**明')
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskIdNumber('110101199003074258')).toBe('1101**********4258')
  })

  test('CSV cells are quoted and cannot run as spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('说"好"')).toBe('"说""好"""')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(120)).toBe('120')
  })
})
