/**
 * Local database throughput, on a temp WAL file (not :memory:, to include journaling costs).
 * Prints figures; not pass/fail. `npx tsx bench/database.ts`, or through `npm run bench`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CollectionSpec } from '../src/cloud/platform/collections'
import { openLocalDatabase } from '../src/cloud/platform/local/database'

const DOCS = 100_000
const GROUPS = 100
const GETS = 20_000
const PAGES = 5_000
const SLOTS = 10
const CAP = 1_000
const CONTENDERS = 20_000

const SPECS: CollectionSpec[] = [
  { name: 'bench_items', purpose: 'bench', indexes: [{ name: 'by_group_score', fields: [{ path: 'group', order: 'asc' }, { path: 'score', order: 'desc' }] }] },
  { name: 'bench_slots', purpose: 'bench', indexes: [] },
]

const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000)

export async function runDatabaseBench(): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-db-bench-'))
  const file = path.join(dir, 'bench.sqlite')
  const db = openLocalDatabase({ file, collections: SPECS })
  const _ = db.command
  const items = db.collection('bench_items')
  const figures: Record<string, string | number> = {}
  try {
    // insert: one add per document, each its own transaction, as requests would do it
    const ids: string[] = []
    let t0 = performance.now()
    for (let i = 0; i < DOCS; i++) {
      const { _id } = await items.add({
        data: { group: `g${i % GROUPS}`, score: (i * 7919) % 10_007, name: `志愿者${i}`, tags: ['文明', 'bench'], profile: { city: '深圳', level: i % 5 } },
      })
      ids.push(_id)
    }
    figures['insert (add) ops/s'] = perSecond(DOCS, performance.now() - t0)

    t0 = performance.now()
    for (let i = 0; i < GETS; i++) await items.doc(ids[(i * 104_729) % DOCS]).get()
    figures['get by id ops/s'] = perSecond(GETS, performance.now() - t0)

    // the leaderboard-style page: equality on the index prefix, ordered by the next index field
    t0 = performance.now()
    for (let i = 0; i < PAGES; i++) {
      const { data } = await items.where({ group: `g${i % GROUPS}` }).orderBy('score', 'desc').limit(20).get()
      if (data.length !== 20) throw new Error(`expected a page of 20, got ${data.length}`)
    }
    figures[`indexed where page of 20 (${DOCS / 1000}k docs) ops/s`] = perSecond(PAGES, performance.now() - t0)
    figures['indexed where plan'] = db
      .explain('bench_items', { where: { group: 'g1' }, orderBy: [{ path: 'score', order: 'desc' }], limit: 20 })
      .join('; ')

    // capacity-style conditional increments, all in flight at once against a few documents
    const slots = db.collection('bench_slots')
    for (let s = 0; s < SLOTS; s++) await slots.add({ data: { _id: `slot${s}`, taken: 0 } })
    t0 = performance.now()
    const results = await Promise.all(
      Array.from({ length: CONTENDERS }, (_unused, i) =>
        slots.where({ _id: `slot${i % SLOTS}`, taken: _.lt(CAP) }).update({ data: { taken: _.inc(1) } }),
      ),
    )
    figures['conditional inc under contention ops/s'] = perSecond(CONTENDERS, performance.now() - t0)
    const applied = results.reduce((sum, r) => sum + r.stats.updated, 0)
    figures['conditional inc applied'] = `${applied} of ${CONTENDERS} (cap ${SLOTS}×${CAP})`

    figures['db file MB'] = Number((fs.statSync(file).size / 1e6).toFixed(1))
    return figures
  } finally {
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runDatabaseBench().then(
    (figures) => console.table(figures),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
