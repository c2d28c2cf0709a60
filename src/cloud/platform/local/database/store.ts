import { randomBytes } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import type { CollectionSpec } from '@/cloud/platform/collections'
import { DOCUMENT_NOT_FOUND, DUPLICATE_KEY, type QueryCondition, type StoredDoc, type UpdateData } from '@/cloud/platform/database'
import { checkIdentifier, compileOrder, compileWhere, indexSql, type Order, type SqlParam } from './query'
import { applyOperations, compileUpdate } from './update'
import {
  COLLECTION_NOT_FOUND,
  EMPTY_CONDITION,
  INVALID_QUERY,
  INVALID_UPDATE,
  INVALID_VALUE,
  type Plain,
  checkQueryPath,
  fail,
  isPlainObject,
  toStored,
} from './values'

/** The server SDK's cap on one page. */
export const MAX_LIMIT = 100

export interface QueryState {
  where: readonly QueryCondition[]
  orderBy: readonly Order[]
  skip?: number
  limit?: number
  projection?: Record<string, boolean>
}

interface Row {
  id: string
  doc: string
}

/**
 * The synchronous store: one table `(id TEXT PRIMARY KEY, doc TEXT)` per declared collection.
 * better-sqlite3 is synchronous, so each method's read-modify-write, run inside
 * `db.transaction()`, cannot interleave with anything else in this process.
 */
export class Store {
  private readonly db: BetterSqlite3.Database
  private readonly tables = new Set<string>()
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(file: string, collections: readonly CollectionSpec[]) {
    this.db = new BetterSqlite3(file)
    this.db.pragma('journal_mode = WAL')
    // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits
    this.db.pragma('synchronous = NORMAL')
    // another process (a second local host, a script) may hold the write lock briefly
    this.db.pragma('busy_timeout = 5000')
    this.db.transaction(() => collections.forEach((c) => this.declare(c)))()
  }

  private declare(spec: CollectionSpec): void {
    const table = checkIdentifier('collection', spec.name)
    this.db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
    const existing = new Map(
      this.db
        .prepare<[string], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
        .all(table)
        .map((r) => [r.name, r.sql]),
    )
    const declared = spec.indexes.map((i) => indexSql(table, i))
    // an index whose declaration changed (or was removed) is rebuilt from the declaration
    for (const [name, sql] of existing) {
      if (!declared.some((d) => d.name === name && d.sql === sql)) this.db.exec(`DROP INDEX "${name}"`)
    }
    for (const { name, sql } of declared) if (existing.get(name) !== sql) this.db.exec(sql)
    this.tables.add(table)
  }

  private table(name: string): string {
    if (!this.tables.has(name)) throw fail(COLLECTION_NOT_FOUND, `collection ${JSON.stringify(name)} is not declared`)
    return name
  }

  /** Prepared statements are cached by SQL text: paths are inlined, values are not, so shapes repeat. */
  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      if (this.statements.size >= 500) this.statements.clear()
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  private row(table: string, id: string): Row | undefined {
    return this.statement(`SELECT id, doc FROM "${table}" WHERE id = ?`).get(checkId(id)) as Row | undefined
  }

  private select(name: string, state: QueryState): { sql: string; params: SqlParam[] } {
    const table = this.table(name)
    const where = compileWhere(state.where)
    const order = compileOrder(state.orderBy, where.pinned)
    const skip = state.skip ?? 0
    const limit = Math.min(state.limit ?? MAX_LIMIT, MAX_LIMIT)
    if (!Number.isInteger(skip) || skip < 0) throw fail(INVALID_QUERY, 'skip takes a non-negative integer')
    if (!Number.isInteger(limit) || limit < 1) throw fail(INVALID_QUERY, 'limit takes a positive integer')
    return {
      sql: `SELECT id, doc FROM "${table}"${where.sql ? ` WHERE ${where.sql}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`,
      params: [...where.params, limit, skip],
    }
  }

  find(name: string, state: QueryState): StoredDoc[] {
    const { sql, params } = this.select(name, state)
    const docs = (this.statement(sql).all(...params) as Row[]).map(parse)
    const { projection } = state
    return projection ? docs.map((d) => project(d, projection)) : docs
  }

  /** EXPLAIN QUERY PLAN of what `find` would run, for checking index use. */
  explain(name: string, state: QueryState): string[] {
    const { sql, params } = this.select(name, state)
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail)
  }

  count(name: string, conditions: readonly QueryCondition[]): number {
    const table = this.table(name)
    const where = compileWhere(conditions)
    const sql = `SELECT COUNT(*) AS n FROM "${table}"${where.sql ? ` WHERE ${where.sql}` : ''}`
    return (this.statement(sql).get(...where.params) as { n: number }).n
  }

  get(name: string, id: string): StoredDoc {
    const row = this.row(this.table(name), id)
    if (!row) throw fail(DOCUMENT_NOT_FOUND, `document ${JSON.stringify(id)} does not exist in ${name}`)
    return parse(row)
  }

  add(name: string, data: UpdateData): string {
    const table = this.table(name)
    const { _id, ...doc } = storedObject(data)
    if (_id !== undefined && (typeof _id !== 'string' || _id === '')) throw fail(INVALID_VALUE, '_id must be a non-empty string')
    // 32 lowercase hex characters, the shape of the cloud's generated ids
    const id = _id ?? randomBytes(16).toString('hex')
    this.write(() => this.statement(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`).run(id, JSON.stringify(doc)))
    return id
  }

  /** Creates or replaces the whole document; `updated` is 0 when the content was already that. */
  set(name: string, id: string, data: UpdateData): { updated: number; created: number } {
    const table = this.table(name)
    const { _id, ...doc } = storedObject(data)
    if (_id !== undefined && _id !== id) throw fail(INVALID_UPDATE, '_id cannot be changed')
    const text = JSON.stringify(doc)
    return this.db.transaction(() => {
      const row = this.row(table, id)
      if (!row) {
        this.write(() => this.statement(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`).run(id, text))
        return { updated: 0, created: 1 }
      }
      return { updated: this.replace(table, row, text), created: 0 }
    })()
  }

  updateById(name: string, id: string, data: UpdateData): number {
    const table = this.table(name)
    const ops = compileUpdate(data)
    return this.db.transaction(() => {
      const row = this.row(table, id)
      return row ? this.replace(table, row, modified(row, ops)) : 0
    })()
  }

  removeById(name: string, id: string): number {
    return this.statement(`DELETE FROM "${this.table(name)}" WHERE id = ?`).run(checkId(id)).changes
  }

  /** Every matching document (no limit), in one transaction: all are updated or none. */
  updateWhere(name: string, conditions: readonly QueryCondition[], data: UpdateData): number {
    const table = this.table(name)
    const where = nonEmpty(conditions)
    const ops = compileUpdate(data)
    return this.db.transaction(() => {
      const rows = this.statement(`SELECT id, doc FROM "${table}" WHERE ${where.sql}`).all(...where.params) as Row[]
      return rows.reduce((n, row) => n + this.replace(table, row, modified(row, ops)), 0)
    })()
  }

  removeWhere(name: string, conditions: readonly QueryCondition[]): number {
    const table = this.table(name)
    const where = nonEmpty(conditions)
    return this.statement(`DELETE FROM "${table}" WHERE ${where.sql}`).run(...where.params).changes
  }

  /** 1 when the document changed, 0 when the update left it as it was (as the cloud reports). */
  private replace(table: string, row: Row, text: string): number {
    if (text === row.doc) return 0
    this.write(() => this.statement(`UPDATE "${table}" SET doc = ? WHERE id = ?`).run(text, row.id))
    return 1
  }

  /** Maps the primary key and unique index violations to the contract's duplicate key error. */
  private write(run: () => unknown): void {
    try {
      run()
    } catch (e) {
      // Matched by shape, not `instanceof`: the native addon keeps the SqliteError class of the
      // first module instance (and realm) that loaded it, so under jest — a registry and realm per
      // test file — a later file's duplicate key would escape as a crash.
      const { code, message } = typeof e === 'object' && e !== null ? (e as { code?: unknown; message?: unknown }) : { code: undefined, message: undefined }
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw fail(DUPLICATE_KEY, String(message))
      }
      throw e
    }
  }

  /** Read-only view of the connection settings, for tests. */
  pragma(name: 'journal_mode' | 'synchronous' | 'busy_timeout'): unknown {
    return this.db.pragma(name, { simple: true })
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE')
  }

  commit(): void {
    this.db.exec('COMMIT')
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK')
  }

  close(): void {
    this.db.close()
  }
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id === '') throw fail(INVALID_QUERY, 'a document id must be a non-empty string')
  return id
}

function storedObject(data: unknown): Plain {
  if (!isPlainObject(data)) throw fail(INVALID_VALUE, 'data must be an object')
  return toStored(data, 'data') as Plain
}

function parse(row: Row): StoredDoc {
  return { _id: row.id, ...(JSON.parse(row.doc) as Plain) }
}

function modified(row: Row, ops: ReturnType<typeof compileUpdate>): string {
  const doc = JSON.parse(row.doc) as Plain
  applyOperations(doc, ops)
  return JSON.stringify(doc)
}

/** The cloud refuses update/remove without a condition, which would hit the whole collection. */
function nonEmpty(conditions: readonly QueryCondition[]): { sql: string; params: SqlParam[] } {
  const where = compileWhere(conditions)
  if (where.sql === undefined) throw fail(EMPTY_CONDITION, 'update/remove needs a where condition; it would change the whole collection')
  return { sql: where.sql, params: where.params }
}

/**
 * `field({ a: true })` keeps `_id` and a; `field({ a: false })` drops a; `_id: false` drops `_id`.
 * `doc` was just parsed for this query, so it is reshaped without copying.
 */
function project(doc: StoredDoc, projection: Record<string, boolean>): StoredDoc {
  const paths = Object.entries(projection).filter(([path]) => path !== '_id')
  const include = paths.filter(([, keep]) => keep).map(([path]) => checkQueryPath(path).split('.'))
  const exclude = paths.filter(([, keep]) => !keep).map(([path]) => checkQueryPath(path).split('.'))
  if (include.length > 0 && exclude.length > 0) throw fail(INVALID_QUERY, 'field() cannot mix true and false (except for _id)')
  let out: Plain = doc
  if (include.length > 0) {
    out = { _id: doc._id }
    for (const segments of include) copyPath(doc, out, segments)
  }
  for (const segments of exclude) deletePath(out, segments)
  if (projection._id === false) delete out._id
  return out as StoredDoc
}

function copyPath(from: Plain, to: Plain, [key, ...rest]: string[]): void {
  if (!Object.hasOwn(from, key)) return
  const value = from[key]
  if (rest.length === 0) to[key] = value
  else if (isPlainObject(value)) {
    if (!isPlainObject(to[key])) to[key] = {}
    copyPath(value, to[key] as Plain, rest)
  }
}

function deletePath(from: Plain, [key, ...rest]: string[]): void {
  const value = from[key]
  if (rest.length === 0) delete from[key]
  else if (isPlainObject(value)) deletePath(value, rest)
}
