import type { Command, QueryCommand, QueryCondition, QueryOp, UpdateCommand, UpdateOp } from '@/cloud/platform/database'

/**
 * `db.command` for the local database. Commands are instances of these two classes so the query
 * compiler and the update applier can tell them apart from stored values by `instanceof`: a
 * document that merely has `kind`/`op` fields must never be read as an operator.
 */
export class LocalQueryCommand implements QueryCommand {
  readonly kind = 'query' as const
  constructor(
    readonly op: QueryOp,
    readonly operands: readonly unknown[],
  ) {}

  and(...others: Array<QueryCommand | QueryCondition>): QueryCommand {
    return new LocalQueryCommand('and', [this, ...others])
  }

  or(...others: Array<QueryCommand | QueryCondition>): QueryCommand {
    return new LocalQueryCommand('or', [this, ...others])
  }
}

export class LocalUpdateCommand implements UpdateCommand {
  readonly kind = 'update' as const
  constructor(
    readonly op: UpdateOp,
    readonly operands: readonly unknown[],
  ) {}
}

type Conditions = Array<QueryCommand | QueryCondition | Array<QueryCommand | QueryCondition>>

/** `_.or(a, b)` and `_.or([a, b])` mean the same (the SDK accepts both). */
const flatten = (conditions: Conditions): unknown[] => conditions.flatMap((c) => (Array.isArray(c) ? c : [c]))

const query = (op: QueryOp, ...operands: unknown[]): QueryCommand => new LocalQueryCommand(op, operands)
const update = (op: UpdateOp, ...operands: unknown[]): UpdateCommand => new LocalUpdateCommand(op, operands)

export const command: Command = {
  eq: (value) => query('eq', value),
  neq: (value) => query('neq', value),
  gt: (value) => query('gt', value),
  gte: (value) => query('gte', value),
  lt: (value) => query('lt', value),
  lte: (value) => query('lte', value),
  in: (values) => query('in', values),
  nin: (values) => query('nin', values),
  exists: (present) => query('exists', present),
  and: (...conditions) => new LocalQueryCommand('and', flatten(conditions)),
  or: (...conditions) => new LocalQueryCommand('or', flatten(conditions)),
  inc: (by) => update('inc', by),
  set: (value) => update('set', value),
  remove: () => update('remove'),
  push: (values) => update('push', values),
  addToSet: (value) => update('addToSet', value),
}

export const isQueryCommand = (value: unknown): value is LocalQueryCommand => value instanceof LocalQueryCommand
export const isUpdateCommand = (value: unknown): value is LocalUpdateCommand => value instanceof LocalUpdateCommand
