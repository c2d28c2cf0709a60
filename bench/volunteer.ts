/**
 * 志愿服务 figures with 100k service records in the local database: sign-up throughput and
 * latency under contention (2,000 people, 100 in flight at a time, for one 500-place shift), the cost of the
 * everyday reads (list by day, 我的志愿, roster, check-in by code), and the query plans showing
 * that each read walks an index. Prints figures; not pass/fail.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import { grantId } from '../src/cloud/runtime/grants'
import { digitsFor, slotOf } from '../src/cloud/domain/volunteer/checkin-code'
import { cellOf } from '../src/cloud/domain/volunteer/geo'
import { shanghaiDay } from '../src/cloud/domain/volunteer/time'
import { percentiles } from './actions'

const HOUR = 3600_000
const RECORDS = 100_000
const PEOPLE = 10_000
const SHIFTS = 2_000
const CONTENDERS = 2_000
const PLACES = 500
const IN_FLIGHT = 100

export async function runVolunteerBench(): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-volunteer-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  let now = Date.UTC(2026, 10, 25, 1, 0)
  const clock = { now: () => now }
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent, clock })
  const db = platform.db
  const fn = FUNCTIONS.volunteer
  const call = async (openid: string, action: string, data: unknown) => {
    const result = await fn.invoke({ action, data }, platform, { openid })
    if (!result.ok && !['VOLUNTEER.OVERLAP'].includes(result.code)) throw new Error(`${action}: ${result.code} ${result.message}`)
    return result
  }

  // —— seed: 10k volunteers, 2k past and future shifts over 20 days, 100k records ——
  const t0 = performance.now()
  const batch: Array<Promise<unknown>> = []
  const flush = async (force = false) => {
    if (force || batch.length >= 5000) await Promise.all(batch.splice(0))
  }
  for (let i = 0; i < PEOPLE; i++) {
    batch.push(
      db.collection('volunteer_profiles').add({
        data: {
          _id: `p${i}`, realName: '李小文', idType: 'resident', idNumber: '110101199003074258', phone: '13800138000',
          consentAt: now, consentVersion: 'bench', confirmedMinutes: 0, confirmedCount: 0, lockedUntil: 0,
          certificateId: null, certificateMinutes: 0, certificateCount: 0, createdAt: now, updatedAt: now,
        },
      }),
    )
    await flush()
  }
  await db.collection('role_grants').doc(grantId('org', 'organizer', 'team-bench')).set({
    data: { openid: 'org', role: 'organizer', scopeId: 'team-bench', grantedBy: 'bench', grantedAt: now },
  })
  await db.collection('volunteer_activities').add({
    data: {
      _id: 'act-bench', teamId: 'team-bench', teamName: '基准测试队', type: 'traffic', title: '路口劝导', description: '基准',
      place: { name: '路口', address: '路口', lat: 31.82, lng: 117.22 }, geofenceRadiusM: 200, coverFileId: null,
      status: 'published', shiftCount: SHIFTS, createdBy: 'org', createdAt: now, updatedAt: now,
    },
  })
  const types = ['traffic', 'tourism', 'community', 'integrity', 'environment']
  for (let s = 0; s < SHIFTS; s++) {
    // 100 shifts a day, from 10 days ago to 10 days ahead
    const startAt = now + (Math.floor(s / 100) - 10) * 24 * HOUR + (s % 100) * 5 * 60_000
    batch.push(
      db.collection('volunteer_shifts').add({
        data: {
          _id: `s${s}`, activityId: 'act-bench', teamId: 'team-bench', type: types[s % 5], day: shanghaiDay(startAt),
          cell: cellOf(31.82 + (s % 7) * 0.05, 117.22), startAt, endAt: startAt + 2 * HOUR, capacity: 60, taken: 50, waiting: 0,
          checkInOpensMinutes: 30, status: 'open', closed: startAt + 2 * HOUR < now, createdAt: now, updatedAt: now,
        },
      }),
    )
    await flush()
  }
  for (let r = 0; r < RECORDS; r++) {
    const shift = r % SHIFTS
    const startAt = now + (Math.floor(shift / 100) - 10) * 24 * HOUR + (shift % 100) * 5 * 60_000
    const past = startAt + 2 * HOUR < now
    batch.push(
      db.collection('volunteer_signups').add({
        data: {
          _id: `r${r}`, shiftId: `s${shift}`, activityId: 'act-bench', teamId: 'team-bench', openid: `p${(r * 7919) % PEOPLE}`,
          startAt, endAt: startAt + 2 * HOUR, state: past ? 'confirmed' : 'signed', queueKey: String(r).padStart(20, '0'),
          requestId: `bench-${r}`, noShowReason: null, cancelReason: null, checkIn: null, checkOut: null, autoClosed: false,
          computedMinutes: past ? 120 : 0, minutes: past ? 120 : 0, periods: [], adjustments: [], confirmedAt: null,
          confirmedBy: null, promotedAt: null, createdAt: now, updatedAt: now,
        },
      }),
    )
    await flush()
  }
  await flush(true)
  const seedSeconds = (performance.now() - t0) / 1000

  // —— contention: 2,000 people at once for one 500-place shift ——
  const published = await call('org', 'publishActivity', {
    teamId: 'team-bench', type: 'traffic', title: '热门班次', description: '基准', place: { name: '路口', address: '路口', lat: 31.82, lng: 117.22 },
    geofenceRadiusM: 200, shifts: [{ startAt: now + 30 * 24 * HOUR, endAt: now + 30 * 24 * HOUR + 2 * HOUR, capacity: PLACES }],
  })
  const hot = (published as { data: { shifts: Array<{ id: string }> } }).data.shifts[0].id
  // a steady crowd: 100 requests in flight at any moment until all 2,000 are answered
  const latencies: number[] = []
  let nextPerson = 0
  let signed = 0
  const c0 = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (nextPerson < CONTENDERS) {
        const i = nextPerson++
        const s = performance.now()
        const result = await call(`p${i}`, 'signUp', { shiftId: hot, requestId: `hot-${i}-request` })
        latencies.push(performance.now() - s)
        if (result.ok && (result.data as { state: string }).state === 'signed') signed++
      }
    }),
  )
  const contendedSeconds = (performance.now() - c0) / 1000
  const contended = percentiles(latencies)

  // —— uncontended sign-ups, one at a time ——
  const single: number[] = []
  const quiet = await call('org', 'publishActivity', {
    teamId: 'team-bench', type: 'community', title: '普通班次', description: '基准', place: { name: '社区', address: '社区', lat: 31.83, lng: 117.25 },
    geofenceRadiusM: 200, shifts: [{ startAt: now + 40 * 24 * HOUR, endAt: now + 40 * 24 * HOUR + 2 * HOUR, capacity: 500 }],
  })
  const quietShift = (quiet as { data: { shifts: Array<{ id: string }> } }).data.shifts[0].id
  for (let i = 0; i < 500; i++) {
    const s = performance.now()
    await call(`p${5000 + i}`, 'signUp', { shiftId: quietShift, requestId: `quiet-${i}-request` })
    single.push(performance.now() - s)
  }

  // —— everyday reads ——
  const measure = async (times: number, run: (i: number) => Promise<unknown>) => {
    const samples: number[] = []
    for (let i = 0; i < times; i++) {
      const s = performance.now()
      await run(i)
      samples.push(performance.now() - s)
    }
    return percentiles(samples)
  }
  const today = shanghaiDay(now)
  const list = await measure(300, (i) => call(`p${i}`, 'listActivities', { date: today, ...(i % 2 ? { type: 'traffic' } : {}), page: i % 3 }))
  const near = await measure(300, (i) => call(`p${i}`, 'listActivities', { date: today, near: { lat: 31.82, lng: 117.22 } }))
  const mine = await measure(300, (i) => call(`p${(i * 31) % PEOPLE}`, 'myRecords', { scope: i % 2 ? 'history' : 'upcoming' }))
  const roster = await measure(200, () => call('org', 'roster', { shiftId: hot, page: 0 }))
  // check-in by code on the quiet shift: its window opens 30 minutes before the start
  now += 40 * 24 * HOUR - 10 * 60_000
  const { checkinSecret } = await import('../src/cloud/domain/volunteer/secret')
  const secret = await checkinSecret({ ...platform, caller: { openid: 'org' }, grants: [], isAdmin: false })
  const checkIn = await measure(300, (i) =>
    call(`p${5000 + i}`, 'checkIn', { shiftId: quietShift, proof: { kind: 'code', code: digitsFor(secret, quietShift, slotOf(now)) } }),
  )

  const plans = {
    'plan: list by day+type': db.explain('volunteer_shifts', { where: { status: 'open', day: today, type: 'traffic' }, orderBy: [{ path: 'startAt', order: 'asc' }], limit: 21 }),
    'plan: 我的志愿': db.explain('volunteer_signups', { where: { openid: 'p1', endAt: db.command.gte(now) }, orderBy: [{ path: 'endAt', order: 'asc' }], limit: 21 }),
    'plan: waitlist head': db.explain('volunteer_signups', { where: { shiftId: hot, state: 'waitlisted' }, orderBy: [{ path: 'queueKey', order: 'asc' }], limit: 10 }),
    'plan: roster page': db.explain('volunteer_signups', { where: { shiftId: hot }, orderBy: [{ path: 'queueKey', order: 'asc' }], limit: 51 }),
  }

  platform.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  return {
    'records in database': RECORDS,
    'seed (s)': Number(seedSeconds.toFixed(1)),
    [`contended signUp: ${CONTENDERS} people, ${IN_FLIGHT} in flight, one ${PLACES}-place shift — signed`]: signed,
    'contended signUp throughput (ops/s)': Math.round(CONTENDERS / contendedSeconds),
    'contended signUp p50 (ms)': contended.p50,
    'contended signUp p99 (ms)': contended.p99,
    ...(() => {
      const p = percentiles(single)
      return { 'uncontended signUp p50 (ms)': p.p50, 'uncontended signUp p99 (ms)': p.p99 }
    })(),
    'listActivities p50 (ms)': list.p50,
    'listActivities p99 (ms)': list.p99,
    'listActivities near me p50 (ms)': near.p50,
    'listActivities near me p99 (ms)': near.p99,
    'myRecords p50 (ms)': mine.p50,
    'myRecords p99 (ms)': mine.p99,
    'roster p50 (ms)': roster.p50,
    'roster p99 (ms)': roster.p99,
    'checkIn by code p50 (ms)': checkIn.p50,
    'checkIn by code p99 (ms)': checkIn.p99,
    ...Object.fromEntries(Object.entries(plans).map(([k, lines]) => [k, lines.join(' | ')])),
  }
}

if (require.main === module) {
  runVolunteerBench().then((figures) => console.table(figures))
}
