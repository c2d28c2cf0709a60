import { deflateSync } from 'node:zlib'
import QRCode from 'qrcode'

/**
 * The organizer's rotating QR as a PNG data URL. The `qrcode` package builds the symbol; the
 * PNG is written here as a 1-bit greyscale image (a few hundred bytes), which is far cheaper than
 * the package's RGBA renderer for an image redrawn every 30 seconds.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

export function qrPng(text: string, options: { scale?: number; margin?: number } = {}): Buffer {
  const scale = options.scale ?? 8
  const margin = options.margin ?? 3
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const modules = qr.modules.size
  const side = (modules + 2 * margin) * scale
  const rowBytes = Math.ceil(side / 8)
  const raw = Buffer.alloc((rowBytes + 1) * side, 0)
  for (let y = 0; y < side; y++) {
    const row = y * (rowBytes + 1) // each row starts with filter type 0
    const my = Math.floor(y / scale) - margin
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin
      const dark = mx >= 0 && my >= 0 && mx < modules && my < modules && qr.modules.get(my, mx)
      // in 1-bit greyscale, 1 is white
      if (!dark) raw[row + 1 + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export function qrDataUrl(text: string): string {
  return `data:image/png;base64,${qrPng(text).toString('base64')}`
}
