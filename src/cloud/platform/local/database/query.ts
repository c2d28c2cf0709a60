import type { QueryCondition } from '@/cloud/platform/database'
import type { IndexSpec } from '@/cloud/platform/collections'
import { isQueryCommand, type LocalQueryCommand } from './command'
import { INVALID_QUERY, fail, isPlainObject, jsonPath, toStored } from './values'

/**
 * The query compiler: `where` conditions → an SQL predicate with bound parameters.
 *
 * Every field is read as `json_extract(doc, '<path>')`, textually the same expression the
 * declared indexes are built on, so SQLite can use them. Values are always bound; only
 * validated paths and constant type names are inlined.
 *
 * json_extract maps JSON true/false to 1/0 and returns objects as JSON text, so every value
 * comparison also checks `json_type`: `{ flag: true }` must not match the number 1, and the
 * string '{}' must not match an empty object.
 */
export type SqlParam = string | number

export interface CompiledWhere {
  /** undefined when there is no condition at all (matches everything) */
  sql: string | undefined
  params: SqlParam[]
  /** paths pinned to one value by a top-level equality: ordering by them is a no-op */
  pinned: Set<string>
}

interface Field {
  value: string
  type: string
}

/** `_id` is the primary key column, not part of the stored JSON. */
export function field(path: string): Field {
  if (path === '_id') return { value: 'id', type: `'text'` }
  const p = jsonPath(path)
  return { value: `json_extract(doc, '${p}')`, type: `json_type(doc, '${p}')` }
}

const NUMBER = `IN ('integer', 'real')`
const COMPARE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const

class Compiler {
  readonly params: SqlParam[] = []
  readonly pinned = new Set<string>()

  private bind(value: SqlParam): string {
    this.params.push(value)
    return '?'
  }

  /** `prefix` is the field a condition applies to (undefined at the top level). */
  condition(c: unknown, prefix: string | undefined, top: boolean): string | undefined {
    if (isQueryCommand(c)) {
      if (prefix !== undefined) return this.command(prefix, c, top)
      if (c.op === 'and' || c.op === 'or') return this.logical(c, undefined, top)
      throw fail(INVALID_QUERY, `_.${c.op}() needs a field: where({ field: _.${c.op}(...) })`)
    }
    if (isPlainObject(c)) {
      const parts = Object.entries(c).map(([key, v]) => this.value(prefix === undefined ? key : `${prefix}.${key}`, v, top))
      return combine('AND', parts)
    }
    // a bare value inside a field-level _.and/_.or means equality with it
    if (prefix !== undefined) return this.eq(prefix, c, top)
    throw fail(INVALID_QUERY, 'a where condition must be an object or a db.command operator')
  }

  private value(path: string, v: unknown, top: boolean): string | undefined {
    if (isQueryCommand(v)) return this.command(path, v, top)
    // nested plain objects match by dotted path: { a: { b: 1 } } ≡ { 'a.b': 1 }
    if (isPlainObject(v) && Object.keys(v).length > 0) return this.condition(v, path, top)
    return this.eq(path, v, top)
  }

  private logical(c: LocalQueryCommand, prefix: string | undefined, top: boolean): string | undefined {
    if (c.operands.length === 0) throw fail(INVALID_QUERY, `_.${c.op}() needs at least one condition`)
    const and = c.op === 'and'
    // an unconstrained branch of an OR makes the OR always true; keep it as 1 so params stay aligned
    const parts = c.operands.map((o) => this.condition(o, prefix, top && and) ?? '1')
    return combine(and ? 'AND' : 'OR', parts)
  }

  private command(path: string, c: LocalQueryCommand, top: boolean): string | undefined {
    const [operand] = c.operands
    switch (c.op) {
      case 'eq':
        return this.eq(path, operand, top)
      case 'neq':
        return not(this.eq(path, operand, false))
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return this.compare(path, COMPARE[c.op], operand)
      case 'in':
        return this.in(path, operand)
      case 'nin':
        return not(this.in(path, operand))
      case 'exists':
        if (typeof operand !== 'boolean') throw fail(INVALID_QUERY, `_.exists() takes true or false (${path})`)
        return `${field(path).type} IS ${operand ? 'NOT ' : ''}NULL`
      case 'and':
      case 'or':
        return this.logical(c, path, top)
    }
  }

  private eq(path: string, v: unknown, top: boolean): string {
    const f = field(path)
    if (v === undefined) throw fail(INVALID_QUERY, `undefined value for ${path}`)
    // as in MongoDB, equality with null also matches a missing field
    if (v === null) return `${f.value} IS NULL`
    const stored = toStored(v, path)
    if (typeof stored === 'object') {
      return `(${f.type} = '${Array.isArray(stored) ? 'array' : 'object'}' AND ${f.value} = json(${this.bind(JSON.stringify(stored))}))`
    }
    if (top) this.pinned.add(path)
    if (typeof stored === 'boolean') return `(${f.value} = ${this.bind(stored ? 1 : 0)} AND ${f.type} = '${stored}')`
    if (typeof stored === 'number') return `(${f.value} = ${this.bind(stored)} AND ${f.type} ${NUMBER})`
    return `(${f.value} = ${this.bind(stored as string)} AND ${f.type} = 'text')`
  }

  private compare(path: string, op: string, v: unknown): string {
    const f = field(path)
    if (typeof v === 'number' && Number.isFinite(v)) return `(${f.value} ${op} ${this.bind(v)} AND ${f.type} ${NUMBER})`
    if (typeof v === 'string') return `(${f.value} ${op} ${this.bind(v)} AND ${f.type} = 'text')`
    throw fail(INVALID_QUERY, `range comparisons take a number or a string (${path})`)
  }

  /** Grouped by JSON type so a one-type list stays a single indexable IN. */
  private in(path: string, list: unknown): string {
    if (!Array.isArray(list)) throw fail(INVALID_QUERY, `_.in()/_.nin() take an array (${path})`)
    if (list.length === 0) return '0'
    if (list.some((v) => v === undefined)) throw fail(INVALID_QUERY, `undefined value in _.in() (${path})`)
    const f = field(path)
    const numbers = list.filter((v): v is number => typeof v === 'number')
    const strings = list.filter((v): v is string => typeof v === 'string')
    const booleans = [...new Set(list.filter((v): v is boolean => typeof v === 'boolean'))]
    const parts: string[] = []
    const inList = (values: SqlParam[]): string => `${f.value} IN (${values.map((v) => this.bind(v)).join(', ')})`
    if (numbers.length) parts.push(`(${inList(numbers.map((n) => toStored(n, path) as number))} AND ${f.type} ${NUMBER})`)
    if (strings.length) parts.push(`(${inList(strings)} AND ${f.type} = 'text')`)
    if (booleans.length) parts.push(`${f.type} IN (${booleans.map((b) => `'${b}'`).join(', ')})`)
    if (list.includes(null)) parts.push(`${f.value} IS NULL`)
    for (const v of list) if (typeof v === 'object' && v !== null) parts.push(this.eq(path, v, false))
    return combine('OR', parts) ?? '0'
  }
}

function combine(op: 'AND' | 'OR', parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined)
  if (present.length <= 1) return present[0]
  return `(${present.join(` ${op} `)})`
}

/** A missing field makes the predicate NULL; NOT NULL is NULL, so coalesce: neq/nin match missing fields. */
function not(sql: string | undefined): string {
  return sql === undefined ? '0' : `NOT COALESCE(${sql}, 0)`
}

/** Chained `where()` calls AND together. */
export function compileWhere(conditions: readonly QueryCondition[]): CompiledWhere {
  const compiler = new Compiler()
  const sql = combine(
    'AND',
    conditions.map((c) => compiler.condition(c, undefined, true)),
  )
  return { sql, params: compiler.params, pinned: compiler.pinned }
}

export interface Order {
  path: string
  order: 'asc' | 'desc'
}

/** Ties are broken by `_id` so paging is deterministic. */
export function compileOrder(orders: readonly Order[], pinned: ReadonlySet<string>): string {
  const terms: string[] = []
  for (const { path, order } of orders) {
    if (order !== 'asc' && order !== 'desc') throw fail(INVALID_QUERY, `orderBy direction must be 'asc' or 'desc'`)
    if (pinned.has(path)) continue
    terms.push(`${field(path).value} ${order.toUpperCase()}`)
    if (path === '_id') return terms.join(', ')
  }
  return [...terms, 'id ASC'].join(', ')
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

export function checkIdentifier(kind: string, name: string): string {
  if (!IDENTIFIER.test(name)) throw fail(INVALID_QUERY, `invalid ${kind} name: ${JSON.stringify(name)}`)
  return name
}

/**
 * The expression index for a declared IndexSpec, as SQLite stores it in sqlite_master (so an
 * existing index can be compared with its declaration). Non-unique indexes end with `id`, the
 * tie-break of every ORDER BY, so a page of an indexed query needs no sort step.
 */
export function indexSql(table: string, spec: IndexSpec): { name: string; sql: string } {
  const name = `${table}__${checkIdentifier('index', spec.name)}`
  const columns = spec.fields.map((f) => `${field(f.path).value} ${f.order === 'desc' ? 'DESC' : 'ASC'}`)
  if (!spec.unique) columns.push('id')
  return { name, sql: `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX "${name}" ON "${table}" (${columns.join(', ')})` }
}
