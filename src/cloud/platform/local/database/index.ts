import { AsyncLocalStorage } from 'node:async_hooks'
import type { CollectionSpec } from '@/cloud/platform/collections'
import type {
  AddResult,
  CollectionReference,
  CountResult,
  Database,
  DocGetResult,
  DocumentReference,
  GetResult,
  Query,
  QueryCondition,
  RemoveResult,
  SetResult,
  Transaction,
  TransactionCollection,
  UpdateData,
  WriteResult,
} from '@/cloud/platform/database'
import { command } from './command'
import { Gate } from './gate'
import type { Order } from './query'
import { type QueryState, Store } from './store'
import { INVALID_UPDATE, TRANSACTION_MISUSE, fail } from './values'

export { command } from './command'
export { applyUpdate } from './update'
export { MAX_LIMIT } from './store'
export { COLLECTION_NOT_FOUND, EMPTY_CONDITION, INVALID_QUERY, INVALID_UPDATE, INVALID_VALUE, TRANSACTION_MISUSE } from './values'

export interface ExplainQuery {
  where?: QueryCondition | readonly QueryCondition[]
  orderBy?: readonly Order[]
  skip?: number
  limit?: number
}

export interface LocalDatabase extends Database {
  close(): void
  /** Debugging: SQLite's EXPLAIN QUERY PLAN lines for the `get()` this query would run. */
  explain(collection: string, query: ExplainQuery): string[]
  /** Debugging: the connection's journal mode, synchronous level (1 = NORMAL) and busy timeout. */
  pragma(name: 'journal_mode' | 'synchronous' | 'busy_timeout'): unknown
}

export interface LocalDatabaseOptions {
  /** a file path, or ':memory:' */
  file: string
  collections: readonly CollectionSpec[]
}

/** How an operation reaches the store: through the gate, or directly inside an open transaction. */
type Runner = <T>(operation: () => T) => Promise<T>

export function openLocalDatabase(options: LocalDatabaseOptions): LocalDatabase {
  const store = new Store(options.file, options.collections)
  const gate = new Gate()
  const transactions = new AsyncLocalStorage<{ open: boolean }>()

  // Inside a transaction callback, `db.collection(...)` would wait for the gate the transaction
  // itself holds: a deadlock. Say so instead; inside a transaction, use `tx.collection(...)`.
  const run: Runner = (operation) =>
    transactions.getStore()?.open
      ? Promise.reject(fail(TRANSACTION_MISUSE, 'inside runTransaction, use tx.collection(...), not db.collection(...)'))
      : gate.run(operation)

  return {
    command,
    collection: (name) => new LocalCollection(store, run, name, { where: [], orderBy: [] }),
    runTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      if (transactions.getStore()?.open) return Promise.reject(fail(TRANSACTION_MISUSE, 'runTransaction cannot be nested'))
      return gate.exclusive(async () => {
        const state = { open: true }
        const inside: Runner = (operation) =>
          state.open ? new Promise((resolve) => resolve(operation())) : Promise.reject(fail(TRANSACTION_MISUSE, 'the transaction has ended'))
        store.begin()
        try {
          const result = await transactions.run(state, () =>
            work({
              collection: (name): TransactionCollection => ({
                add: (o) => inside(() => ({ _id: store.add(name, dataOf(o)) })),
                doc: (id) => new LocalDocument(store, inside, name, id),
              }),
            }),
          )
          store.commit()
          return result
        } catch (e) {
          store.rollback()
          throw e
        } finally {
          state.open = false
        }
      })
    },
    explain(collection, query) {
      const where = query.where === undefined ? [] : Array.isArray(query.where) ? query.where : [query.where as QueryCondition]
      return store.explain(collection, { where, orderBy: query.orderBy ?? [], skip: query.skip, limit: query.limit })
    },
    pragma: (name) => store.pragma(name),
    close: () => store.close(),
  }
}

function dataOf(options: { data: UpdateData } | undefined): UpdateData {
  if (!options || options.data === undefined) throw fail(INVALID_UPDATE, 'pass { data }')
  return options.data
}

/** Builders are immutable: each call returns a new query, so a base query can be reused. */
class LocalQuery implements Query {
  constructor(
    protected readonly store: Store,
    protected readonly run: Runner,
    protected readonly name: string,
    private readonly state: QueryState,
  ) {}

  private with(patch: Partial<QueryState>): Query {
    return new LocalQuery(this.store, this.run, this.name, { ...this.state, ...patch })
  }

  where(condition: QueryCondition): Query {
    return this.with({ where: [...this.state.where, condition] })
  }

  orderBy(path: string, order: 'asc' | 'desc'): Query {
    return this.with({ orderBy: [...this.state.orderBy, { path, order }] })
  }

  skip(n: number): Query {
    return this.with({ skip: n })
  }

  /** More than MAX_LIMIT is quietly capped (when the query runs), as the server SDK does. */
  limit(n: number): Query {
    return this.with({ limit: n })
  }

  field(projection: Record<string, boolean>): Query {
    return this.with({ projection })
  }

  get(): Promise<GetResult> {
    return this.run(() => ({ data: this.store.find(this.name, this.state) }))
  }

  count(): Promise<CountResult> {
    return this.run(() => ({ total: this.store.count(this.name, this.state.where) }))
  }

  /** skip/limit/orderBy do not apply: every matching document is updated, as in the cloud. */
  update(options: { data: UpdateData }): Promise<WriteResult> {
    return this.run(() => ({ stats: { updated: this.store.updateWhere(this.name, this.state.where, dataOf(options)) } }))
  }

  remove(): Promise<RemoveResult> {
    return this.run(() => ({ stats: { removed: this.store.removeWhere(this.name, this.state.where) } }))
  }
}

class LocalCollection extends LocalQuery implements CollectionReference {
  add(options: { data: UpdateData }): Promise<AddResult> {
    return this.run(() => ({ _id: this.store.add(this.name, dataOf(options)) }))
  }

  doc(id: string): DocumentReference {
    return new LocalDocument(this.store, this.run, this.name, id)
  }
}

class LocalDocument implements DocumentReference {
  constructor(
    private readonly store: Store,
    private readonly run: Runner,
    private readonly name: string,
    private readonly id: string,
  ) {}

  get(): Promise<DocGetResult> {
    return this.run(() => ({ data: this.store.get(this.name, this.id) }))
  }

  set(options: { data: UpdateData }): Promise<SetResult> {
    return this.run(() => ({ _id: this.id, stats: this.store.set(this.name, this.id, dataOf(options)) }))
  }

  update(options: { data: UpdateData }): Promise<WriteResult> {
    return this.run(() => ({ stats: { updated: this.store.updateById(this.name, this.id, dataOf(options)) } }))
  }

  remove(): Promise<RemoveResult> {
    return this.run(() => ({ stats: { removed: this.store.removeById(this.name, this.id) } }))
  }
}
