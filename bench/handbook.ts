/**
 * 市民文明手册 and poster entry with 100k people in the local database: latency p50/p99 of the
 * reading actions (toc, chapter, search, progress, 我的, bookmarks) and of the poster actions
 * (scan, office stats, list), the one-off cost of building the search index, and the query plans
 * that show each per-person or per-poster read walks an index. Figures, not pass/fail.
 * `npx tsx bench/handbook.ts`
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { HANDBOOK_CONTENT } from '../src/cloud/domain/handbook/content'
import { seedHandbook } from '../src/cloud/domain/handbook/publish'
import { buildSearchIndex } from '../src/cloud/domain/handbook/search'
import { EMPTY_COUNTERS } from '../src/cloud/domain/entry/counters'
import { shanghaiDaysBack } from '../src/cloud/domain/entry/day'
import { createLocalPlatform } from '../src/cloud/platform/local'
import { percentiles } from './actions'

const QUERIES = ['垃圾分类', '头盔', '公筷', '牵绳 电梯', '诈骗', '志愿', '文明', '盲道', '12345', '谣言']

export async function runHandbookBench(people = 100_000): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-handbook-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  let now = Date.UTC(2026, 10, 25, 2)
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent, clock: { now: () => now } })
  const db = platform.db
  await seedHandbook(platform)
  const toc = HANDBOOK_CONTENT.map((c) => ({ id: c.id, sections: c.sections.map((s) => s.id) }))

  // 100k readers: one progress document and one bookmark each; 200 posters with 90 days of counters
  // and 100k scanners' marker documents.
  const t0 = performance.now()
  const batch: Array<Promise<unknown>> = []
  const flush = async (force = false) => {
    if (force || batch.length >= 5000) await Promise.all(batch.splice(0))
  }
  for (let i = 0; i < people; i++) {
    const openid = `person-${i}`
    const chapter = toc[i % toc.length]
    const section = chapter.sections[i % chapter.sections.length]
    batch.push(
      db.collection('handbook_progress').add({
        data: {
          _id: `${openid}__${chapter.id}`,
          openid,
          chapterId: chapter.id,
          lastSectionId: section,
          readSectionIds: [section],
          completed: i % 3 === 0,
          completedAt: null,
          updatedAt: now - i,
        },
      }),
      db.collection('handbook_bookmarks').add({
        data: { _id: `${openid}__${section}`, openid, chapterId: chapter.id, sectionId: section, chapterTitle: '', sectionTitle: '', createdAt: now - i },
      }),
    )
    await flush()
  }
  const days = shanghaiDaysBack(now, 90)
  for (let p = 0; p < 200; p++) {
    const posterId = `BENCH${p.toString().padStart(3, '0')}`
    batch.push(
      db.collection('posters').add({
        data: {
          _id: posterId,
          title: `公益广告 ${p}`,
          place: { address: '示范路', lat: 30.27, lng: 120.15 },
          target: p % 2 === 0 ? { kind: 'report' } : { kind: 'chapter', chapterId: 'waste' },
          status: p % 10 === 0 ? 'retired' : 'active',
          scene: `p${posterId}`,
          codeFileID: null,
          totals: { ...EMPTY_COUNTERS, scans: 900, people: 500 },
          requestKey: posterId,
          createdAt: now - p * 60_000,
          createdBy: 'bench-admin',
          updatedAt: now,
        },
      }),
    )
    for (const day of days) {
      batch.push(db.collection('poster_days').add({ data: { _id: `${posterId}_${day}`, posterId, day, ...EMPTY_COUNTERS, scans: 10, people: 6 } }))
    }
    await flush()
  }
  for (let i = 0; i < people; i++) {
    const posterId = `BENCH${(i % 200).toString().padStart(3, '0')}`
    batch.push(
      db.collection('poster_day_people').add({ data: { _id: `${posterId}_${days[0]}_person-${i}`, posterId, day: days[0], openid: `person-${i}`, at: now } }),
      db.collection('poster_people').add({ data: { _id: `${posterId}_person-${i}`, posterId, openid: `person-${i}`, at: now } }),
    )
    await flush()
  }
  await flush(true)
  const seedMs = performance.now() - t0

  const handbook = FUNCTIONS.handbook
  const entry = FUNCTIONS.entry
  async function time(n: number, call: (i: number) => Promise<{ ok: boolean; code?: string }>): Promise<{ p50: number; p99: number }> {
    const samples: number[] = []
    for (let i = 0; i < n; i++) {
      const s = performance.now()
      const result = await call(i)
      samples.push(performance.now() - s)
      if (!result.ok) throw new Error(`bench call failed: ${result.code}`)
    }
    return percentiles(samples)
  }
  const person = (i: number) => ({ openid: `person-${(i * 7919) % people}` })
  // every tenth poster is retired; scans go to the others
  const activePoster = (i: number) => `BENCH${((i % 200) + (i % 10 === 0 ? 1 : 0)).toString().padStart(3, '0')}`

  const indexBuild = await time(50, async () => {
    buildSearchIndex('bench', HANDBOOK_CONTENT)
    return { ok: true }
  })
  const tocT = await time(2000, (i) => handbook.invoke({ action: 'toc', data: {} }, platform, person(i)))
  const chapterT = await time(2000, (i) => handbook.invoke({ action: 'chapter', data: { chapterId: toc[i % toc.length].id } }, platform, person(i)))
  const searchT = await time(3000, (i) => handbook.invoke({ action: 'search', data: { query: QUERIES[i % QUERIES.length] } }, platform, person(i)))
  const progressT = await time(2000, (i) => {
    const chapter = toc[(i * 3) % toc.length]
    return handbook.invoke({ action: 'recordProgress', data: { chapterId: chapter.id, sectionId: chapter.sections[0] } }, platform, person(i))
  })
  const readingT = await time(2000, (i) => handbook.invoke({ action: 'myReading', data: {} }, platform, person(i)))
  const bookmarksT = await time(2000, (i) => handbook.invoke({ action: 'bookmarks', data: {} }, platform, person(i)))
  const bookmarkSetT = await time(2000, (i) => {
    const chapter = toc[(i * 5) % toc.length]
    return handbook.invoke({ action: 'setBookmark', data: { chapterId: chapter.id, sectionId: chapter.sections[1], bookmarked: i % 2 === 0 } }, platform, person(i))
  })
  const scanT = await time(3000, (i) => entry.invoke({ action: 'scan', data: { posterId: activePoster(i) } }, platform, { openid: `scanner-${i % 1500}` }))
  now += 60_000
  const admin = { openid: 'bench-admin' }
  const statsT = await time(1000, (i) => entry.invoke({ action: 'posterStats', data: { posterId: `BENCH${(i % 200).toString().padStart(3, '0')}`, days: 30 } }, platform, admin))
  const listT = await time(500, (i) => entry.invoke({ action: 'posters', data: { status: 'active', offset: (i % 5) * 20 } }, platform, admin))

  const plans: Array<[string, string[]]> = [
    ['我的 progress', db.explain('handbook_progress', { where: { openid: 'person-1' }, orderBy: [{ path: 'updatedAt', order: 'desc' }], limit: 100 })],
    ['bookmarks page', db.explain('handbook_bookmarks', { where: { openid: 'person-1' }, orderBy: [{ path: 'createdAt', order: 'desc' }], limit: 21 })],
    ['bookmarks of a chapter', db.explain('handbook_bookmarks', { where: { openid: 'person-1', chapterId: 'waste' }, orderBy: [{ path: 'createdAt', order: 'desc' }], limit: 21 })],
    ['poster days', db.explain('poster_days', { where: { posterId: 'BENCH001' }, orderBy: [{ path: 'day', order: 'desc' }], limit: 30 })],
    ['posters by status', db.explain('posters', { where: { status: 'active' }, orderBy: [{ path: 'createdAt', order: 'desc' }], limit: 21 })],
  ]
  for (const [name, lines] of plans) console.info(`  plan · ${name}: ${lines.join(' | ')}`)

  platform.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  const ms = (p: { p50: number; p99: number }) => `${p.p50} / ${p.p99} ms`
  return {
    'seed (100k readers, 200 posters × 90 days, 200k scan markers)': `${(seedMs / 1000).toFixed(1)} s`,
    'search index build (whole handbook) p50/p99': ms(indexBuild),
    'toc p50/p99': ms(tocT),
    'chapter p50/p99': ms(chapterT),
    'search (10 fixed queries, warm index) p50/p99': ms(searchT),
    'recordProgress p50/p99': ms(progressT),
    'myReading p50/p99': ms(readingT),
    'bookmarks page p50/p99': ms(bookmarksT),
    'setBookmark p50/p99': ms(bookmarkSetT),
    'scan p50/p99': ms(scanT),
    'posterStats (30 days) p50/p99': ms(statsT),
    'posters page p50/p99': ms(listT),
  }
}

if (require.main === module) {
  runHandbookBench()
    .then((figures) => console.table(figures))
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
