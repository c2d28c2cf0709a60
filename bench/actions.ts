/**
 * Action latency with 100k people in the local database: in-process (`invoke`) and over HTTP
 * through the local host. Prints p50/p99; not pass/fail.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import { createLocalHost } from '../src/cloud/local-host/server'
import { grantId } from '../src/cloud/runtime/grants'

export function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { p50: Number(at(0.5).toFixed(3)), p99: Number(at(0.99).toFixed(3)) }
}

export async function runActionBench(people = 100_000): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent })
  const now = Date.now()
  const t0 = performance.now()
  // Seeding goes through the same API the functions use, in batches so it stays within a minute.
  const batch: Array<Promise<unknown>> = []
  for (let i = 0; i < people; i++) {
    const openid = `person-${i}`
    batch.push(
      platform.db.collection('users').add({
        data: { _id: openid, nickname: `市民${i}`, settings: { largeText: false }, points: i % 500, createdAt: now, updatedAt: now },
      }),
    )
    if (i % 10 === 0) {
      batch.push(
        platform.db.collection('role_grants').add({
          data: { _id: grantId(openid, 'volunteer', null), openid, role: 'volunteer', scopeId: null, grantedBy: 'bench', grantedAt: now },
        }),
      )
    }
    if (batch.length >= 5000) await Promise.all(batch.splice(0))
  }
  await Promise.all(batch)
  const seedMs = performance.now() - t0

  const user = FUNCTIONS.user
  const inProcess: number[] = []
  for (let i = 0; i < 3000; i++) {
    const caller = { openid: `person-${(i * 7919) % people}` }
    const s = performance.now()
    const result = await user.invoke({ action: 'me', data: {} }, platform, caller)
    inProcess.push(performance.now() - s)
    if (!result.ok) throw new Error(`me failed: ${result.code}`)
  }
  const updates: number[] = []
  for (let i = 0; i < 2000; i++) {
    const caller = { openid: `person-${(i * 104729) % people}` }
    const s = performance.now()
    await user.invoke({ action: 'updateProfile', data: { settings: { largeText: i % 2 === 0 } } }, platform, caller)
    updates.push(performance.now() - s)
  }

  const server = createLocalHost({ platform, functions: FUNCTIONS, devIdentities: true })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cloud/user`
  const overHttp: number[] = []
  for (let i = 0; i < 2000; i++) {
    const s = performance.now()
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': `person-${(i * 31) % people}` },
      body: JSON.stringify({ action: 'me', data: {} }),
    })
    await res.json()
    overHttp.push(performance.now() - s)
  }
  await new Promise((resolve) => server.close(resolve))
  platform.close()
  fs.rmSync(dataDir, { recursive: true, force: true })

  const me = percentiles(inProcess)
  const upd = percentiles(updates)
  const http = percentiles(overHttp)
  return {
    'people in database': people,
    'seed (s)': Number((seedMs / 1000).toFixed(1)),
    'user.me in-process p50 (ms)': me.p50,
    'user.me in-process p99 (ms)': me.p99,
    'user.updateProfile in-process p50 (ms)': upd.p50,
    'user.updateProfile in-process p99 (ms)': upd.p99,
    'user.me over HTTP p50 (ms)': http.p50,
    'user.me over HTTP p99 (ms)': http.p99,
  }
}

if (require.main === module) {
  runActionBench().then((figures) => console.table(figures))
}
