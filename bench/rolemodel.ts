/**
 * 身边好人 with 100k votes in one day: `vote` latency p50/p99 (each vote takes the day's counter,
 * the unique key, the ballot and three counters), the daily snapshot job's time, and the resident's
 * round view and the office's anomaly view after the day — both read counters, so their cost does
 * not grow with the votes. Figures, not pass/fail. `npx tsx bench/rolemodel.ts`
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { Result } from '../src/shared/errors'
import { percentiles } from './actions'

const HOUR = 3600_000

export async function runRolemodelBench(votes = 100_000): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-rolemodel-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  // 00:00 Shanghai: the day's votes are spread over the 18 hours up to the snapshot
  let now = Date.UTC(2026, 11, 1, 16, 0)
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent, clock: { now: () => now } })
  const fn = FUNCTIONS.rolemodel
  const call = async <T>(openid: string, action: string, data: unknown): Promise<T> => {
    const result = (await fn.invoke({ action, data }, platform, { openid })) as Result<T>
    if (!result.ok) throw new Error(`${action}: ${result.code}`)
    return result.data
  }

  // 20 consented candidates in one round, 10 votes a person a day
  const candidates: string[] = []
  for (let i = 0; i < 20; i++) {
    const n = await call<{ id: string }>(`nominator-${i}`, 'nominate', {
      name: `候选人${i + 1}`,
      categoryId: 'helping',
      place: { district: '文明区', street: '和平街道', community: `社区${i}` },
      account: '十年如一日照顾楼里的独居老人，每天上门送饭、陪老人聊天。',
      phone: '13800138000',
      requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    })
    const accepted = await call<{ nominee: { id: string }; consent: { code: string } }>('bench-admin', 'review', { nominationId: n.id, decision: 'accept' })
    await call(`nominee-${i}`, 'consent', { code: accepted.consent.code, agree: true })
    candidates.push(accepted.nominee.id)
  }
  const round = await call<{ id: string }>('bench-admin', 'openRound', {
    title: '身边好人评选（压测）',
    startAt: now,
    endAt: now + 7 * 24 * HOUR,
    candidateIds: candidates,
    seats: 5,
    votesPerDay: 10,
    requestId: '00000000-0000-4000-8000-100000000000',
  })

  // 20k people × 5 votes, 25 at a time (a busy evening: many phones at once)
  const people = votes / 5
  const latencies: number[] = []
  const t0 = performance.now()
  const concurrency = 25
  let refused = 0
  for (let start = 0; start < votes; start += concurrency) {
    now = Date.UTC(2026, 11, 1, 16, 0) + Math.floor((start / votes) * 18 * HOUR)
    await Promise.all(
      Array.from({ length: Math.min(concurrency, votes - start) }, async (_, j) => {
        const i = start + j
        const person = i % people
        const candidateId = candidates[(person + Math.floor(i / people) * 3) % 20]
        const began = performance.now()
        const result = await fn.invoke({ action: 'vote', data: { roundId: round.id, candidateId } }, platform, { openid: `person-${person}` })
        latencies.push(performance.now() - began)
        if (!result.ok) refused++
      }),
    )
  }
  const voteSeconds = (performance.now() - t0) / 1000

  // the same action one at a time, on the day's 100k votes: what one phone waits for, without the
  // queue behind the local database's exclusive transactions that the 25-at-once run measures
  const solo: number[] = []
  const soloVotes = 2000
  for (let i = 0; i < soloVotes; i++) {
    const began = performance.now()
    const result = await fn.invoke({ action: 'vote', data: { roundId: round.id, candidateId: candidates[i % 20] } }, platform, { openid: `solo-${i}` })
    solo.push(performance.now() - began)
    if (!result.ok) refused++
  }

  // the daily snapshot at 18:00 Shanghai
  now = Date.UTC(2026, 11, 2, 10, 0)
  const s0 = performance.now()
  const timer = await fn.invoke({ Type: 'Timer', TriggerName: 'snapshot' }, platform, null)
  const snapshotMs = performance.now() - s0
  if (!timer.ok) throw new Error('snapshot failed')

  const roundView: number[] = []
  for (let i = 0; i < 200; i++) {
    const began = performance.now()
    await call(`person-${i}`, 'round', { roundId: round.id })
    roundView.push(performance.now() - began)
  }
  const anomalyView: number[] = []
  for (let i = 0; i < 50; i++) {
    const began = performance.now()
    await call('bench-admin', 'anomalies', { roundId: round.id, day: '2026-12-02' })
    anomalyView.push(performance.now() - began)
  }
  const office = await call<{ candidates: Array<{ votes: number }> }>('bench-admin', 'roundOffice', { roundId: round.id })
  platform.close()
  fs.rmSync(dataDir, { recursive: true, force: true })

  const v = percentiles(latencies)
  const one = percentiles(solo)
  const r = percentiles(roundView)
  const a = percentiles(anomalyView)
  return {
    votes,
    people,
    'one-at-a-time votes': soloVotes,
    counted: office.candidates.reduce((s, c) => s + c.votes, 0),
    refused,
    'votes/s': Math.round(votes / voteSeconds),
    'vote p50 ms (25 at once)': v.p50,
    'vote p99 ms (25 at once)': v.p99,
    'vote p50 ms (one at a time)': one.p50,
    'vote p99 ms (one at a time)': one.p99,
    'daily snapshot job ms': Number(snapshotMs.toFixed(1)),
    'round view p99 ms': r.p99,
    'anomaly view p99 ms': a.p99,
  }
}

if (require.main === module) {
  runRolemodelBench(Number(process.argv[2] ?? 100_000))
    .then((figures) => console.table(figures))
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
