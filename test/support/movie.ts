import fs from 'node:fs'
import path from 'node:path'

/** A real 2-s H.264 MP4 (1935 ms by its header) that Chromium's MediaRecorder wrote: what a phone uploads, small. */
export const CLIP_2S = fs.readFileSync(path.join(__dirname, 'fixtures/clip-2s.mp4'))

/**
 * The clip with its `mvhd` duration set (the fixture's timescale is 1000, so in milliseconds): a
 * longer clip as far as anything that reads the header can tell, which is all the server reads.
 */
export function withDuration(clip: Buffer, ms: number): Buffer {
  const out = Buffer.from(clip)
  const body = out.indexOf('mvhd', 0, 'latin1') + 4
  // after version/flags: version 1 has 64-bit creation and modification times, version 0 32-bit ones
  if (out[body] === 1) out.writeBigUInt64BE(BigInt(ms), body + 4 + 16 + 4)
  else out.writeUInt32BE(ms, body + 4 + 8 + 4)
  return out
}
