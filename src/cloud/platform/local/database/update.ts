import type { UpdateData, UpdateOp } from '@/cloud/platform/database'
import { isQueryCommand, isUpdateCommand } from './command'
import { INVALID_UPDATE, type Plain, cloneStored, fail, isPlainObject, sameValue, toStored, updatePathSegments } from './values'

/**
 * The update applier: `update({ data })` → a list of validated operations, then applied to a
 * plain JS document. Pure (no SQLite), so it is unit-testable and the store can run it inside
 * one synchronous transaction per write.
 */
export interface UpdateOperation {
  path: string
  segments: string[]
  op: UpdateOp
  /** the stored-safe operand; for push/addToSet, the items to append */
  value: unknown
}

/**
 * Validates everything up front, so a bad update fails even when no document matches.
 * Plain nested objects merge by dotted path; `_.set(obj)` replaces the field whole.
 */
export function compileUpdate(data: UpdateData): UpdateOperation[] {
  if (!isPlainObject(data)) throw fail(INVALID_UPDATE, 'update data must be an object')
  const ops: UpdateOperation[] = []
  const walk = (obj: Plain, prefix: string): void => {
    for (const [key, v] of Object.entries(obj)) {
      if (v === undefined) continue
      const path = prefix ? `${prefix}.${key}` : key
      if (isPlainObject(v) && Object.keys(v).length > 0) walk(v, path)
      else ops.push(operation(path, v))
    }
  }
  walk(data, '')
  // MongoDB refuses { a: 1, 'a.b': 2 } as a conflict; the outcome would depend on key order
  const paths = new Set(ops.map((o) => o.path))
  if (paths.size !== ops.length) throw fail(INVALID_UPDATE, 'the same field is updated twice')
  for (const { segments, path } of ops) {
    for (let i = 1; i < segments.length; i++) {
      if (paths.has(segments.slice(0, i).join('.'))) throw fail(INVALID_UPDATE, `conflicting updates of ${path}`)
    }
  }
  return ops
}

function operation(path: string, v: unknown): UpdateOperation {
  const segments = updatePathSegments(path)
  if (segments[0] === '_id') throw fail(INVALID_UPDATE, '_id cannot be changed')
  if (isQueryCommand(v)) throw fail(INVALID_UPDATE, `_.${v.op}() is a query operator, not an update (${path})`)
  if (!isUpdateCommand(v)) return { path, segments, op: 'set', value: toStored(v, path) }
  const [operand] = v.operands
  switch (v.op) {
    case 'inc':
      if (typeof operand !== 'number' || !Number.isFinite(operand)) throw fail(INVALID_UPDATE, `_.inc() takes a number (${path})`)
      return { path, segments, op: 'inc', value: operand }
    case 'set':
      return { path, segments, op: 'set', value: toStored(operand, path) }
    case 'remove':
      return { path, segments, op: 'remove', value: undefined }
    case 'push':
      return { path, segments, op: 'push', value: toStored(Array.isArray(operand) ? operand : [operand], path) }
    case 'addToSet': {
      const each = isPlainObject(operand) && Array.isArray(operand.$each) ? operand.$each : [operand]
      return { path, segments, op: 'addToSet', value: toStored(each, path) }
    }
  }
}

type Container = Plain | unknown[]

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || isPlainObject(value)
}

function read(container: Container, key: string, path: string): unknown {
  if (!Array.isArray(container)) return Object.hasOwn(container, key) ? container[key] : undefined
  if (!/^\d+$/.test(key)) throw fail(INVALID_UPDATE, `${path}: ${key} is not an index of an array`)
  return container[Number(key)]
}

function write(container: Container, key: string, value: unknown, path: string): void {
  if (!Array.isArray(container)) {
    container[key] = value
    return
  }
  if (!/^\d+$/.test(key)) throw fail(INVALID_UPDATE, `${path}: ${key} is not an index of an array`)
  const index = Number(key)
  // pad with null as MongoDB does: JSON has no holes
  while (container.length < index) container.push(null)
  container[index] = value
}

/** The container holding the last segment, created on the way unless `create` is false. */
function parentOf(doc: Plain, op: UpdateOperation, create: boolean): Container | undefined {
  let container: Container = doc
  for (const key of op.segments.slice(0, -1)) {
    let child = read(container, key, op.path)
    if (child === undefined || child === null) {
      if (!create) return undefined
      child = {}
      write(container, key, child, op.path)
    }
    if (!isContainer(child)) throw fail(INVALID_UPDATE, `${op.path}: ${key} is not an object`)
    container = child
  }
  return container
}

/** Applies operations in place. Operands are cloned: one update may be applied to many documents. */
export function applyOperations(doc: Plain, ops: readonly UpdateOperation[]): void {
  for (const op of ops) {
    const parent = parentOf(doc, op, op.op !== 'remove')
    if (parent === undefined) continue
    const key = op.segments[op.segments.length - 1]
    const current = read(parent, key, op.path)
    switch (op.op) {
      case 'set':
        write(parent, key, cloneStored(op.value), op.path)
        break
      case 'remove':
        // an array keeps its length (MongoDB's $unset leaves null in an array)
        if (Array.isArray(parent)) {
          if (current !== undefined) parent[Number(key)] = null
        } else delete parent[key]
        break
      case 'inc':
        // a missing field counts as 0
        if (current !== undefined && typeof current !== 'number') throw fail(INVALID_UPDATE, `_.inc(): ${op.path} is not a number`)
        write(parent, key, (current ?? 0) + (op.value as number), op.path)
        break
      case 'push':
      case 'addToSet': {
        if (current !== undefined && !Array.isArray(current)) throw fail(INVALID_UPDATE, `_.${op.op}(): ${op.path} is not an array`)
        const array: unknown[] = current ?? []
        for (const item of op.value as unknown[]) {
          if (op.op === 'push' || !array.some((existing) => sameValue(existing, item))) array.push(cloneStored(item))
        }
        write(parent, key, array, op.path)
        break
      }
    }
  }
}

/** Pure form: the updated copy of `doc` (which is left untouched). */
export function applyUpdate(doc: Plain, data: UpdateData): Plain {
  const copy = cloneStored(doc)
  applyOperations(copy, compileUpdate(data))
  return copy
}
