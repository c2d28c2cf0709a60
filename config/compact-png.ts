/**
 * `npx tsx config/compact-png.ts <file.png …>`: re-encodes PNG assets as palette PNGs. The tab bar
 * icons ship in the main package (WeChat takes only PNG files for them); each is one colour with
 * anti-aliased edges, so it has far fewer than 256 distinct RGBA values and the palette form is
 * lossless at under half the bytes. A file with more colours is left as it is, since quantising it
 * would change it. Run it after re-rendering an icon (src/components/tab-bar-icons/README.md).
 */
import fs from 'node:fs'
import UPNG from 'upng-js'

function distinctColours(rgba: ArrayBuffer): number {
  return new Set(new Uint32Array(rgba)).size
}

export function compactPng(file: string): { before: number; after: number } {
  const bytes = fs.readFileSync(file)
  const image = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
  const [rgba] = UPNG.toRGBA8(image)
  if (distinctColours(rgba) > 256) return { before: bytes.length, after: bytes.length }
  const palette = Buffer.from(UPNG.encode([rgba], image.width, image.height, 256))
  if (palette.length >= bytes.length) return { before: bytes.length, after: bytes.length }
  fs.writeFileSync(file, palette)
  return { before: bytes.length, after: palette.length }
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) {
    const { before, after } = compactPng(file)
    console.log(`${file}: ${before} → ${after} bytes`)
  }
}
