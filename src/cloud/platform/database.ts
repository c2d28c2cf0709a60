/**
 * The subset of the WeChat cloud database API (wx-server-sdk `cloud.database()`) that our code uses.
 *
 * Both platforms implement exactly this surface: `wx` passes the SDK's own object through, `local`
 * implements it on SQLite. Keeping the shape of the SDK (rather than a repository abstraction of
 * our own) keeps the wx adapter a pass-through and lets code read like the WeChat docs.
 *
 * Semantics that callers rely on (and the conformance suite checks):
 * - `limit` is capped at 100 (the server SDK's cap); `get()` without `limit` returns at most 100.
 * - `where(...).update()` and `doc().update()` are atomic per document and report `stats.updated`;
 *   a conditional update such as `where({ _id, taken: _.lt(cap) }).update({ taken: _.inc(1) })`
 *   is how capacity and points are changed safely.
 * - `add` with an explicit `_id` that already exists rejects (duplicate key): idempotency keys use it.
 * - plain nested objects in `where` match by dotted path; in `update` they merge by dotted path,
 *   while `_.set(obj)` replaces the field whole.
 */

export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue }

/** A stored document. `_id` is always present on read. */
export interface StoredDoc {
  _id: string
  [field: string]: unknown
}

/** A query operator built by `db.command` (`_.gt(1)`, `_.in([...])`, `_.or(...)`). */
export interface QueryCommand {
  readonly kind: 'query'
  readonly op: QueryOp
  readonly operands: readonly unknown[]
  and(...others: Array<QueryCommand | QueryCondition>): QueryCommand
  or(...others: Array<QueryCommand | QueryCondition>): QueryCommand
}

/** An update operator built by `db.command` (`_.inc(1)`, `_.push(x)`, `_.remove()`). */
export interface UpdateCommand {
  readonly kind: 'update'
  readonly op: UpdateOp
  readonly operands: readonly unknown[]
}

export type QueryOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'and' | 'or' | 'exists'
export type UpdateOp = 'inc' | 'set' | 'remove' | 'push' | 'addToSet'

/** A `where` argument: field (or dotted path) → value, nested object, or query command. */
export type QueryCondition = { [path: string]: unknown } | QueryCommand

/** An `update` argument: field (or dotted path) → new value, nested object, or update command. */
export type UpdateData = { [path: string]: unknown }

export interface Command {
  eq(value: unknown): QueryCommand
  neq(value: unknown): QueryCommand
  gt(value: unknown): QueryCommand
  gte(value: unknown): QueryCommand
  lt(value: unknown): QueryCommand
  lte(value: unknown): QueryCommand
  in(values: readonly unknown[]): QueryCommand
  nin(values: readonly unknown[]): QueryCommand
  exists(present: boolean): QueryCommand
  and(...conditions: Array<QueryCommand | QueryCondition | Array<QueryCommand | QueryCondition>>): QueryCommand
  or(...conditions: Array<QueryCommand | QueryCondition | Array<QueryCommand | QueryCondition>>): QueryCommand
  inc(by: number): UpdateCommand
  set(value: unknown): UpdateCommand
  remove(): UpdateCommand
  /** `_.push(x)` appends x; `_.push([a, b])` appends each. */
  push(values: unknown): UpdateCommand
  /** `_.addToSet(x)` or `_.addToSet({ $each: [a, b] })`. */
  addToSet(value: unknown): UpdateCommand
}

export interface GetResult<T = StoredDoc> { data: T[] }
export interface DocGetResult<T = StoredDoc> { data: T }
export interface CountResult { total: number }
export interface AddResult { _id: string }
export interface WriteResult { stats: { updated: number } }
export interface SetResult { _id: string; stats: { updated: number; created: number } }
export interface RemoveResult { stats: { removed: number } }

export interface Query {
  where(condition: QueryCondition): Query
  orderBy(path: string, order: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: Record<string, boolean>): Query
  get(): Promise<GetResult>
  count(): Promise<CountResult>
  /** Applies the update to every matching document atomically; `stats.updated` says how many. */
  update(options: { data: UpdateData }): Promise<WriteResult>
  remove(): Promise<RemoveResult>
}

export interface DocumentReference {
  /** Rejects when the document does not exist (as the SDK does); use `findById` to get null. */
  get(): Promise<DocGetResult>
  /** Creates or replaces the whole document. */
  set(options: { data: UpdateData }): Promise<SetResult>
  update(options: { data: UpdateData }): Promise<WriteResult>
  remove(): Promise<RemoveResult>
}

export interface CollectionReference extends Query {
  add(options: { data: UpdateData }): Promise<AddResult>
  doc(id: string): DocumentReference
}

/** Document-level operations inside `runTransaction` (the cloud allows nothing else there). */
export interface TransactionCollection {
  add(options: { data: UpdateData }): Promise<AddResult>
  doc(id: string): DocumentReference
}

export interface Transaction {
  collection(name: string): TransactionCollection
}

export interface Database {
  readonly command: Command
  collection(name: string): CollectionReference
  /** Runs `work` atomically: all its writes apply, or (when it throws) none do. */
  runTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>
}

/** Error thrown by `add` when `_id` exists. Both platforms map their native error to this code. */
export const DUPLICATE_KEY = 'DATABASE.DUPLICATE_KEY'
/** Error thrown by `doc(id).get()` when there is no such document. */
export const DOCUMENT_NOT_FOUND = 'DATABASE.DOCUMENT_NOT_FOUND'

export class DatabaseError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
    this.name = 'DatabaseError'
  }
}
