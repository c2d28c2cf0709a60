import { Readable } from 'node:stream'
import ExifTransformer from 'exif-be-gone'

/**
 * The photo's bytes without the metadata a camera writes into them (EXIF, XMP: the phone's make,
 * model and serial number, the lens, the exact time, often the GPS position). A random path hides
 * who uploaded a photo; these would not: two anonymous reports shot on one phone carry the same
 * serial. Used when a file is attached, before anyone but its uploader can see it. The pixels are
 * untouched; an image without metadata comes back as the same bytes.
 */
export function withoutMetadata(bytes: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    Readable.from([Buffer.from(bytes)])
      .pipe(new ExifTransformer())
      .on('data', (chunk: Buffer) => chunks.push(chunk))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject)
  })
}
