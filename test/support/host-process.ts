/**
 * The local host (`src/cloud/local-host/main.ts`) as a process of its own, the way `npm start`
 * runs it: on a free port of 127.0.0.1, over a fresh DATA_DIR seeded with demo data that is
 * removed on stop. Used by the browser journeys and by the benches that look at the H5 build.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')

export interface HostProcess {
  baseUrl: string
  stop(): void
}

export function freePort(): Promise<number> {
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

/** Starts the host serving `staticDir` and resolves once `/api/health` answers (30 s at most). */
export async function startHostProcess(staticDir: string, dataPrefix = 'wenming-host-'): Promise<HostProcess> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), dataPrefix))
  const host = spawn(process.execPath, ['--import', 'tsx', 'src/cloud/local-host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir, DEV_IDENTITIES: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  host.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const stop = () => {
    host.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (host.exitCode !== null) {
      stop()
      throw new Error(`local host exited (${host.exitCode}): ${stderr.trim()}`)
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop()
  throw new Error(`local host did not answer /api/health within 30 s: ${stderr.trim()}`)
}
