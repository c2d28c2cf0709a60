/**
 * How long an MP4 or QuickTime (MOV) file plays, from its own header: the `mvhd` box inside
 * `moov` (ISO/IEC 14496-12 §8.2.2) gives a timescale and a duration in its units; a fragmented
 * file whose `mvhd` says 0 gives the whole length in `mvex/mehd` instead. The client says how long
 * its video is too, but that is a claim; this is what the file holds. Null when the header cannot
 * be read (not a movie, truncated, or no length in it).
 */
export function movieDurationMs(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const moov = findBox(view, 0, view.byteLength, 'moov')
  if (!moov) return null
  const mvhd = findBox(view, moov.body, moov.end, 'mvhd')
  if (!mvhd) return null
  const header = readMvhd(view, mvhd.body, mvhd.end)
  if (!header) return null
  if (header.duration > 0) return Math.round((header.duration / header.timescale) * 1000)
  const mvex = findBox(view, moov.body, moov.end, 'mvex')
  const mehd = mvex ? findBox(view, mvex.body, mvex.end, 'mehd') : null
  const fragments = mehd ? readFullBoxNumber(view, mehd.body, mehd.end) : null
  return fragments && fragments > 0 ? Math.round((fragments / header.timescale) * 1000) : null
}

interface Box {
  /** where the box's contents start, after its size and type (and a 64-bit size) */
  body: number
  end: number
}

/** The first box of `type` among the sibling boxes in [start, end). */
function findBox(view: DataView, start: number, end: number, type: string): Box | null {
  let at = start
  while (at + 8 <= end) {
    let size = view.getUint32(at)
    let body = at + 8
    if (size === 1) {
      if (at + 16 > end) return null
      size = Number(view.getBigUint64(at + 8))
      body = at + 16
    } else if (size === 0) {
      size = end - at // the box runs to the end of its parent
    }
    if (size < body - at || at + size > end) return null
    const name = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5), view.getUint8(at + 6), view.getUint8(at + 7))
    if (name === type) return { body, end: at + size }
    at += size
  }
  return null
}

/** mvhd: version 0 has 32-bit times, version 1 64-bit ones, before the timescale and duration. */
function readMvhd(view: DataView, body: number, end: number): { timescale: number; duration: number } | null {
  if (body + 4 > end) return null
  const version = view.getUint8(body)
  const timesAt = body + 4
  if (version === 1) {
    if (timesAt + 28 > end) return null
    const timescale = view.getUint32(timesAt + 16)
    return timescale > 0 ? { timescale, duration: Number(view.getBigUint64(timesAt + 20)) } : null
  }
  if (timesAt + 16 > end) return null
  const timescale = view.getUint32(timesAt + 8)
  return timescale > 0 ? { timescale, duration: view.getUint32(timesAt + 12) } : null
}

/** mehd's one number, 32- or 64-bit by the box's version. */
function readFullBoxNumber(view: DataView, body: number, end: number): number | null {
  if (body + 4 > end) return null
  const version = view.getUint8(body)
  if (version === 1) return body + 12 <= end ? Number(view.getBigUint64(body + 4)) : null
  return body + 8 <= end ? view.getUint32(body + 4) : null
}

/** Boxes that carry what the camera wrote about itself and where it was: maker, model, software, GPS (©xyz). */
const METADATA_BOXES = new Set(['udta', 'meta'])
/** Containers walked to find them: the movie, and each track and its media. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf'])

/**
 * A copy of the movie with its metadata boxes blanked: each `udta`/`meta` becomes a `free` box of
 * the same size filled with zeros, so no offset in the file moves (the sample tables point into
 * `mdat` by absolute offset) and every player skips it. The picture and sound are untouched.
 */
export function withoutMovieMetadata(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes)
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  const blank = (start: number, end: number) => {
    let at = start
    while (at + 8 <= end) {
      let size = view.getUint32(at)
      let body = at + 8
      if (size === 1) {
        if (at + 16 > end) return
        size = Number(view.getBigUint64(at + 8))
        body = at + 16
      } else if (size === 0) size = end - at
      if (size < body - at || at + size > end) return
      const name = out.toString('latin1', at + 4, at + 8)
      if (METADATA_BOXES.has(name)) {
        out.write('free', at + 4, 'latin1')
        out.fill(0, body, at + size)
      } else if (CONTAINERS.has(name)) blank(body, at + size)
      at += size
    }
  }
  blank(0, out.byteLength)
  return out
}
