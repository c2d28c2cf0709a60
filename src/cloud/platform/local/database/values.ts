import { DatabaseError } from '@/cloud/platform/database'

/** Error codes the local database raises besides the two in the contract. */
export const COLLECTION_NOT_FOUND = 'DATABASE.COLLECTION_NOT_FOUND'
export const INVALID_QUERY = 'DATABASE.INVALID_QUERY'
export const INVALID_UPDATE = 'DATABASE.INVALID_UPDATE'
export const INVALID_VALUE = 'DATABASE.INVALID_VALUE'
/** `where` without any condition on update/remove: the cloud refuses these too. */
export const EMPTY_CONDITION = 'DATABASE.EMPTY_CONDITION'
export const TRANSACTION_MISUSE = 'DATABASE.TRANSACTION_MISUSE'

export const fail = (code: string, message: string): DatabaseError => new DatabaseError(code, message)

export type Plain = Record<string, unknown>

/**
 * A JSON object literal, not a command, array, Date or other class instance. The prototype is
 * compared by shape rather than identity so objects from another realm (vm, jest) count too.
 */
export function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]')
}

/** Deep copy of a value that passed `toStored` (structuredClone would return another realm's objects). */
export function cloneStored<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneStored) as T
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneStored(v)])) as T
  return value
}

/**
 * Query paths are inlined into SQL (a bound parameter would not match the expression indexes),
 * so they must be this strict: an identifier, then identifier or array-index segments.
 */
const QUERY_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/

export function checkQueryPath(path: string): string {
  if (!QUERY_PATH.test(path)) throw fail(INVALID_QUERY, `invalid field path: ${JSON.stringify(path)}`)
  return path
}

/** `a.b.0` → `$."a"."b"[0]`: numeric segments address array elements. */
export function jsonPath(path: string): string {
  return '$' + checkQueryPath(path).split('.').map((s) => (/^\d+$/.test(s) ? `[${s}]` : `."${s}"`)).join('')
}

/** Keys that would reach Object.prototype when walked in JS. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Update paths are applied in JS, never inlined into SQL, so any non-empty segment is fine. */
export function updatePathSegments(path: string): string[] {
  const segments = path.split('.')
  for (const s of segments) {
    if (s === '' || s.startsWith('$') || FORBIDDEN_KEYS.has(s)) throw fail(INVALID_UPDATE, `invalid field path: ${JSON.stringify(path)}`)
  }
  return segments
}

/**
 * A deep copy of `value` that is guaranteed to survive a JSON round trip unchanged: strings,
 * finite numbers, booleans, null, arrays and plain objects. `undefined` object fields are
 * dropped (as JSON does); anything else (Date, NaN, functions, commands in the wrong place)
 * is rejected rather than silently changed.
 */
export function toStored(value: unknown, where = 'value'): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) throw fail(INVALID_VALUE, `${where}: ${value} cannot be stored`)
      return value
    case 'object':
      if (value === null) return null
      if (Array.isArray(value)) return value.map((v, i) => toStored(v, `${where}[${i}]`))
      if (isPlainObject(value)) {
        const out: Plain = {}
        for (const [k, v] of Object.entries(value)) {
          if (v === undefined) continue
          if (FORBIDDEN_KEYS.has(k)) throw fail(INVALID_VALUE, `${where}: key ${k} cannot be stored`)
          out[k] = toStored(v, `${where}.${k}`)
        }
        return out
      }
      break
    default:
      break
  }
  throw fail(INVALID_VALUE, `${where}: only JSON values can be stored (got ${describe(value)})`)
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value
  const proto: { constructor?: { name?: string } } | null = Object.getPrototypeOf(value)
  return proto?.constructor?.name ?? 'object'
}

/** Structural equality of stored values (object key order ignored), for `addToSet`. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]))
  }
  return false
}
