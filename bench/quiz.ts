/**
 * 创文答题 with 100k people and 1M answers in the local database: `start`, `submit` and
 * `leaderboard` p50/p99 through the real handlers (in-process), and EXPLAIN QUERY PLAN lines for
 * the queries they run. The leaderboard is measured before and after the 1M answers are loaded,
 * to show its cost does not depend on them. Figures, not pass/fail: `npx tsx bench/quiz.ts`.
 *
 * The bulk data is written straight into the SQLite file in one transaction per collection (the
 * same `(id, doc)` rows the store writes, counters and score buckets in step), because a million one-by-one adds would take minutes;
 * the bank itself is seeded through `seedQuiz`, and everything measured goes through the handlers.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { FUNCTIONS } from '../src/cloud/functions'
import { QUIZ_BANK } from '../src/cloud/domain/quiz/bank'
import { loadActiveIndex, seedQuiz } from '../src/cloud/domain/quiz/bank-store'
import { dailyAttemptId, dailySourceId, DAILY_POINTS_REASON } from '../src/cloud/domain/quiz/attempts'
import { boardKey, bucketDocId, scoreDocId } from '../src/cloud/domain/quiz/leaderboard'
import { drawDaily, optionOrder, seededRandom, shanghaiDay } from '../src/cloud/domain/quiz/rules'
import { ledgerId } from '../src/cloud/domain/points'
import { compileWhere } from '../src/cloud/platform/local/database/query'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { QueryCondition } from '../src/cloud/platform/database'
import { percentiles } from './actions'

const PEOPLE = 100_000
const ANSWERS = 1_000_000
const GRIDS = 200
const CLASSES = 2_000
const SAMPLES = 2_000
const DAY_MS = 86_400_000

interface Clock {
  now(): number
}

export async function runQuizBench(people = PEOPLE, answers = ANSWERS): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-quiz-bench-'))
  let now = Date.UTC(2026, 10, 25, 2, 0, 0)
  const clock: Clock = { now: () => now }
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, clock, log: silent })
  const raw = new BetterSqlite3(path.join(dataDir, 'wenming.sqlite'))
  raw.pragma('journal_mode = WAL')
  const figures: Record<string, string | number> = { people, answers }
  const quiz = FUNCTIONS.quiz
  const rng = seededRandom('bench')
  const pick = (n: number) => Math.floor(rng() * n)
  const openid = (i: number) => `person-${i}`
  const gridOf = (i: number) => `grid-${i % GRIDS}`
  const classOf = (i: number) => `class-${i % CLASSES}`

  const bulk = (table: string, rows: Iterable<[string, unknown]>): number => {
    const insert = raw.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`)
    let n = 0
    raw.transaction(() => {
      for (const [id, doc] of rows) {
        insert.run(id, JSON.stringify(doc))
        n++
      }
    })()
    return n
  }

  try {
    const t0 = performance.now()
    await seedQuiz(platform)
    const index = await loadActiveIndex(platform.db)
    if (!index) throw new Error('bank not seeded')
    const bankById = new Map(QUIZ_BANK.map((q) => [q.id, q]))

    // ---- people, their points and leaderboard counters (as 30 days of 每日一练 would leave them)
    const today = shanghaiDay(now)
    const points = Array.from({ length: people }, () => 0)
    const weekPoints = Array.from({ length: people }, () => 0)
    const reached = Array.from({ length: people }, () => 0)
    for (let i = 0; i < people; i++) {
      points[i] = pick(300)
      weekPoints[i] = Math.min(points[i], pick(50))
      reached[i] = now - pick(30) * DAY_MS - pick(DAY_MS)
    }
    bulk(
      'users',
      (function* () {
        for (let i = 0; i < people; i++) {
          const doc = { nickname: `市民${i}`, settings: { largeText: false }, points: points[i], pointsUpdatedAt: reached[i], createdAt: now - 60 * DAY_MS, updatedAt: now, gridId: gridOf(i), groupIds: i % 3 === 0 ? [classOf(i)] : [] }
          yield [openid(i), doc] as [string, unknown]
        }
      })(),
    )
    bulk(
      'points_ledger',
      (function* () {
        for (let i = 0; i < people; i++) {
          if (points[i] === 0) continue
          const sourceId = dailySourceId(shanghaiDay(reached[i]))
          yield [ledgerId(openid(i), sourceId), { openid: openid(i), delta: points[i], reason: DAILY_POINTS_REASON, sourceId, refId: null, at: reached[i] }] as [string, unknown]
        }
      })(),
    )
    const buckets = new Map<string, { board: string; score: number; members: number }>()
    const scoreRows = bulk(
      'quiz_scores',
      (function* () {
        for (let i = 0; i < people; i++) {
          const who = openid(i)
          const boards: Array<[string, number]> = [
            [boardKey('city', null, 'all', now), points[i]],
            [boardKey('city', null, 'week', now), weekPoints[i]],
            [boardKey('grid', gridOf(i), 'all', now), points[i]],
            [boardKey('grid', gridOf(i), 'week', now), weekPoints[i]],
          ]
          if (i % 3 === 0) boards.push([boardKey('group', classOf(i), 'all', now), points[i]])
          for (const [board, score] of boards) {
            if (score === 0) continue
            const bucket = buckets.get(bucketDocId(board, score)) ?? { board, score, members: 0 }
            bucket.members++
            buckets.set(bucketDocId(board, score), bucket)
            yield [scoreDocId(board, who), { board, openid: who, score, reachedAt: reached[i], lastSourceId: 'bench' }] as [string, unknown]
          }
        }
      })(),
    )
    figures['leaderboard counters'] = scoreRows
    figures['leaderboard score buckets'] = bulk('quiz_score_buckets', buckets.entries())
    figures['seed people+counters (s)'] = Number(((performance.now() - t0) / 1000).toFixed(1))

    const invoke = async (action: string, data: unknown, who: string) => {
      const s = performance.now()
      const result = await quiz.invoke({ action, data }, platform, { openid: who })
      const ms = performance.now() - s
      if (!result.ok) throw new Error(`${action} failed for ${who}: ${result.code}`)
      return { ms, data: result.data }
    }

    const measureLeaderboard = async (label: string) => {
      const samples: number[] = []
      for (let k = 0; k < SAMPLES; k++) {
        const i = pick(people)
        const scope = k % 3 === 0 ? 'grid' : 'city'
        samples.push((await invoke('leaderboard', { scope, period: k % 2 === 0 ? 'week' : 'all' }, openid(i))).ms)
      }
      const p = percentiles(samples)
      figures[`leaderboard p50 (ms) ${label}`] = p.p50
      figures[`leaderboard p99 (ms) ${label}`] = p.p99
    }
    await measureLeaderboard('before answers')

    // ---- 1M answers: past 每日一练 papers, ten answers each, spread over people and 30 days
    const t1 = performance.now()
    const papers = Math.ceil(answers / 10)
    const attemptRows = bulk(
      'quiz_attempts',
      (function* () {
        for (let k = 0; k < papers; k++) {
          const i = k % people
          const dayBack = 1 + Math.floor(k / people) + pick(29)
          const startedAt = now - dayBack * DAY_MS
          const day = shanghaiDay(startedAt)
          const ids = drawDaily(index.byTopic, openid(i), day)
          const random = seededRandom(`bench|${k}`)
          const items = ids.map((questionId) => {
            const q = bankById.get(questionId)
            if (!q) throw new Error(`unknown ${questionId}`)
            return { questionId, type: q.type, order: optionOrder(q.type, q.options.length, random), answer: q.answer }
          })
          const flags = items.map(() => random() < 0.7)
          const correct = flags.filter(Boolean).length
          yield [
            dailyAttemptId(openid(i), day, 1),
            {
              openid: openid(i), mode: 'daily', topic: null, day, attemptNo: 1, items, startedAt, deadlineAt: startedAt + 300_000,
              status: 'submitted', submittedAt: startedAt + 120_000, chosen: items.map(() => [0]), flags, correct,
              pointsAwarded: correct, points: 'awarded', effectsDone: true,
            },
          ] as [string, unknown]
        }
      })(),
    )
    figures['answers stored'] = attemptRows * 10
    const wrongRows = bulk(
      'quiz_wrong',
      (function* () {
        const all = QUIZ_BANK.map((q) => q.id)
        for (let i = 0; i < people; i++) {
          for (let w = 0; w < 3; w++) {
            const questionId = all[(i * 7 + w * 31) % all.length]
            yield [`${openid(i)}:${questionId}`, { openid: openid(i), questionId, wrongCount: 1 + w, correctStreak: 0, lastWrongAt: reached[i] - w * 1000, updatedAt: reached[i] }] as [string, unknown]
          }
        }
      })(),
    )
    figures['wrong-answer book entries'] = wrongRows
    figures['seed answers (s)'] = Number(((performance.now() - t1) / 1000).toFixed(1))

    await measureLeaderboard('after 1M answers')

    // ---- start and submit 每日一练 for people chosen at random (today: none has a paper yet)
    const started: Array<{ who: string; attemptId: string; sizes: number[] }> = []
    const startMs: number[] = []
    const chosen = new Set<number>()
    while (chosen.size < SAMPLES) chosen.add(pick(people))
    for (const i of chosen) {
      const { ms, data } = await invoke('start', { mode: 'daily' }, openid(i))
      startMs.push(ms)
      const paper = data as { attemptId: string; day: string; questions: Array<{ options: string[] }> }
      if (paper.day !== today) throw new Error('clock and day disagree')
      started.push({ who: openid(i), attemptId: paper.attemptId, sizes: paper.questions.map((q) => q.options.length) })
    }
    const resumeMs: number[] = []
    for (const s of started.slice(0, 500)) resumeMs.push((await invoke('start', { mode: 'daily' }, s.who)).ms)
    now += 120_000 // a careful reader's two minutes, on the server's clock
    const submitMs: number[] = []
    for (const s of started) {
      const answersOf = s.sizes.map((n) => [pick(n)])
      submitMs.push((await invoke('submit', { attemptId: s.attemptId, answers: answersOf }, s.who)).ms)
    }
    const repeatMs: number[] = []
    for (const s of started.slice(0, 500)) repeatMs.push((await invoke('submit', { attemptId: s.attemptId, answers: s.sizes.map(() => [0]) }, s.who)).ms)
    await measureLeaderboard('after today')

    // the worst case for "my rank": the last person on the biggest board
    const last = raw
      .prepare(`SELECT json_extract(doc, '$.openid') AS who FROM quiz_scores WHERE json_extract(doc, '$.board') = ? ORDER BY json_extract(doc, '$.score') ASC LIMIT 1`)
      .get(boardKey('city', null, 'all', now)) as { who: string }
    const worst: number[] = []
    for (let k = 0; k < 50; k++) worst.push((await invoke('leaderboard', { scope: 'city', period: 'all' }, last.who)).ms)
    const worstRank = ((await invoke('leaderboard', { scope: 'city', period: 'all' }, last.who)).data as { me: { rank: number } }).me.rank

    const p = (samples: number[]) => percentiles(samples)
    Object.assign(figures, {
      'start (daily, new paper) p50 (ms)': p(startMs).p50,
      'start (daily, new paper) p99 (ms)': p(startMs).p99,
      'start (daily, resume) p50 (ms)': p(resumeMs).p50,
      'start (daily, resume) p99 (ms)': p(resumeMs).p99,
      'submit (score + 错题本 + points + boards) p50 (ms)': p(submitMs).p50,
      'submit (score + 错题本 + points + boards) p99 (ms)': p(submitMs).p99,
      'submit (repeat, returns first result) p50 (ms)': p(repeatMs).p50,
      'submit (repeat, returns first result) p99 (ms)': p(repeatMs).p99,
      [`leaderboard, last of ${worstRank} p50 (ms)`]: p(worst).p50,
      [`leaderboard, last of ${worstRank} p99 (ms)`]: p(worst).p99,
    })

    // ---- query plans: every query on these paths uses a declared index
    const _ = platform.db.command
    const board = boardKey('city', null, 'all', now)
    const plans: Array<[string, string[]]> = [
      ['leaderboard top 50', platform.db.explain('quiz_scores', { where: { board }, orderBy: [{ path: 'score', order: 'desc' }, { path: 'reachedAt', order: 'asc' }, { path: '_id', order: 'asc' }], limit: 50 })],
      ['my rank: buckets above my score', platform.db.explain('quiz_score_buckets', { where: { board, score: _.gt(100) }, orderBy: [{ path: 'score', order: 'desc' }], limit: 100 })],
      ['my rank: count same score, earlier', countPlan(raw, 'quiz_scores', { board, score: 100, reachedAt: _.lt(now) })],
      ['today’s daily paper', platform.db.explain('quiz_attempts', { where: { openid: 'person-1', mode: 'daily', day: today }, orderBy: [{ path: 'attemptNo', order: 'desc' }], limit: 1 })],
      ['错题本 page', platform.db.explain('quiz_wrong', { where: { openid: 'person-1' }, orderBy: [{ path: 'lastWrongAt', order: 'desc' }], limit: 20 })],
      ['积分 ledger page', platform.db.explain('points_ledger', { where: { openid: 'person-1' }, orderBy: [{ path: 'at', order: 'desc' }], limit: 21 })],
    ]
    for (const [label, lines] of plans) figures[`plan: ${label}`] = lines.join(' | ')
  } finally {
    raw.close()
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return figures
}

/** EXPLAIN QUERY PLAN of the COUNT(*) the local store runs for `where(...).count()`. */
function countPlan(raw: BetterSqlite3.Database, table: string, where: QueryCondition): string[] {
  const compiled = compileWhere([where])
  const sql = `EXPLAIN QUERY PLAN SELECT COUNT(*) AS n FROM "${table}" WHERE ${compiled.sql}`
  return (raw.prepare(sql).all(...compiled.params) as Array<{ detail: string }>).map((r) => r.detail)
}

if (require.main === module) {
  runQuizBench().then((figures) => {
    for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
  })
}
