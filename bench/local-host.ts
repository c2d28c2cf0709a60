/**
 * What the benches that look at the H5 build the way a phone does (`h5-delivery.ts`,
 * `lighthouse.ts`) share: the built H5 folder, the local host serving it, and chromium.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROOT, startHostProcess, type HostProcess } from '../test/support/host-process'

export { ROOT }
export const H5_DIST = path.join(ROOT, process.env.WM_H5_DIST ?? 'dist-h5')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export type BenchHost = HostProcess

export function startBenchHost(): Promise<BenchHost> {
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) throw new Error(`${H5_DIST} is not built: run npm run build:h5 first`)
  return startHostProcess(H5_DIST, 'wenming-bench-')
}

/** Chromium as the bench's probe: no background traffic to outside hosts (the machine has none). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
