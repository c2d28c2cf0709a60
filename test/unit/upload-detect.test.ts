import { detectUploadType } from '@/cloud/domain/upload/detect'
import { reservedPathOf } from '@/cloud/domain/upload/reservations'

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01])
const PNG = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0])
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', [0x18, 0, 0, 0])
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2')

describe('an upload is what its bytes say', () => {
  test.each([
    ['a JPEG', JPEG, { mime: 'image/jpeg', ext: 'jpg', kind: 'image' }],
    ['a PNG', PNG, { mime: 'image/png', ext: 'png', kind: 'image' }],
    ['a GIF', GIF, { mime: 'image/gif', ext: 'gif', kind: 'image' }],
    ['a WEBP', WEBP, { mime: 'image/webp', ext: 'webp', kind: 'image' }],
  ])('%s is an image for report photos', async (_label, file, type) => {
    expect(await detectUploadType(file, 'reports')).toEqual(type)
  })

  test.each([
    ['a <script>', bytes('<script>alert(1)</script>')],
    ['an HTML page', bytes('<!doctype html><html><body>hi</body></html>')],
    ['an SVG (it can carry script)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['nothing', Buffer.alloc(0)],
  ])('%s is refused', async (_label, file) => {
    expect(await detectUploadType(file, 'reports')).toBeNull()
  })

  test('a video: 随手拍 takes one (its short clip), a photo-only area and a photo slot do not', async () => {
    expect(await detectUploadType(MP4, 'reports')).toEqual({ mime: 'video/mp4', ext: 'mp4', kind: 'video' })
    expect(await detectUploadType(MP4, 'inspect')).toBeNull()
    // a report's photos are claimed as images only
    expect(await detectUploadType(MP4, 'reports', ['image'])).toBeNull()
    expect(await detectUploadType(JPEG, 'reports', ['video'])).toBeNull()
  })
})

describe('the reserved path of a stored file', () => {
  test('is its storage path without the extension, for the shape the server hands out', () => {
    expect(reservedPathOf('cloud://env-1.bucket/reports/20261125/0123456789abcdef01234567.jpg')).toBe('reports/20261125/0123456789abcdef01234567')
    expect(reservedPathOf('cloud://local.wenming/volunteer/20261125/0123456789abcdef01234567.png')).toBe('volunteer/20261125/0123456789abcdef01234567')
  })

  test.each([
    ['an old per-person folder', 'cloud://local.wenming/reports/0123456789abcdef/20261125/x.jpg'],
    ['an unknown area', 'cloud://local.wenming/uploads/20261125/0123456789abcdef01234567.jpg'],
    ['an extension we do not store', 'cloud://local.wenming/reports/20261125/0123456789abcdef01234567.html'],
    ['no extension', 'cloud://local.wenming/reports/20261125/0123456789abcdef01234567'],
    ['a path that climbs out', 'cloud://local.wenming/reports/../20261125/0123456789abcdef01234567.jpg'],
  ])('is none for %s', (_label, fileId) => {
    expect(reservedPathOf(fileId)).toBeNull()
  })
})
