import type { Database, QueryCommand, StoredDoc } from '../../platform/database'

/**
 * Keyset paging over an indexed sort field: each page starts after the last row of the previous
 * one, so its cost is the page, not the offset (skip would walk every row before it) and rows
 * added meanwhile neither repeat nor vanish. The cursor `<value>~<_id>` breaks ties by `_id`.
 */
export interface KeysetQuery {
  collection: string
  /** equality conditions first (the index's leading fields), plus any others; merged into one
   *  `where` because the cloud SDK's second `where()` replaces the first rather than adding to it */
  where: Record<string, unknown>
  field: string
  /** a bound on the sort field itself (e.g. due before now), combined with the cursor's */
  range?: QueryCommand
  order: 'asc' | 'desc'
  pageSize: number
  cursor?: string
}

export interface KeysetPage<T> {
  docs: T[]
  next: string | null
}

function parseCursor(cursor: string): { value: number; id: string } {
  const at = cursor.indexOf('~')
  return { value: Number(cursor.slice(0, at)), id: cursor.slice(at + 1) }
}

/** the database's cap on one read; a page of exactly this size cannot also carry the look-ahead row */
const READ_CAP = 100

export async function keysetPage<T extends { _id: string }>(db: Database, q: KeysetQuery): Promise<KeysetPage<T>> {
  const _ = db.command
  // One row past the page says whether another follows. At the read cap there is no room for it, so
  // a full page then offers a next cursor, and the page after it may come back empty.
  const probe = Math.min(q.pageSize + 1, READ_CAP)
  const collection = db.collection(q.collection)
  const docs: StoredDoc[] = []
  let after: Record<string, unknown> = {}
  if (q.cursor) {
    const { value, id } = parseCursor(q.cursor)
    // rows sharing the cursor's sort value that come after it by _id
    const { data: ties } = await collection
      .where({ ...q.where, [q.field]: value, _id: _.gt(id) })
      .orderBy('_id', 'asc')
      .limit(probe)
      .get()
    docs.push(...ties)
    const beyond = q.order === 'asc' ? _.gt(value) : _.lt(value)
    after = { [q.field]: q.range ? q.range.and(beyond) : beyond }
  } else if (q.range) {
    after = { [q.field]: q.range }
  }
  if (docs.length < probe) {
    const { data } = await collection
      .where({ ...q.where, ...after })
      .orderBy(q.field, q.order)
      .orderBy('_id', 'asc')
      .limit(probe - docs.length)
      .get()
    docs.push(...data)
  }
  const page = docs.slice(0, q.pageSize)
  const last = page[page.length - 1]
  const more = probe > q.pageSize ? docs.length > q.pageSize : docs.length >= q.pageSize
  const next = more && last ? `${Number(last[q.field])}~${last._id}` : null
  return { docs: page as unknown as T[], next }
}
