/**
 * The local host as its own process, for the benches that look at the H5 build the way a phone
 * does (`h5-delivery.ts`, `lighthouse.ts`): a free port on 127.0.0.1, a fresh DATA_DIR seeded with
 * demo data, removed on stop.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..')
export const H5_DIST = path.join(ROOT, process.env.WM_H5_DIST ?? 'dist-h5')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface BenchHost {
  baseUrl: string
  stop(): void
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export async function startBenchHost(): Promise<BenchHost> {
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) throw new Error(`${H5_DIST} is not built: run npm run build:h5 first`)
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-'))
  const host = spawn(process.execPath, ['--import', 'tsx', 'src/cloud/local-host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: H5_DIST, DEV_IDENTITIES: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = () => {
    host.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (host.exitCode !== null) break
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop()
  throw new Error('local host did not answer /api/health within 30 s')
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
