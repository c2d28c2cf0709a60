import path from 'node:path'
import fs from 'node:fs'
import os from 'node:os'
import { COLLECTIONS } from '../collections'
import type { Clock, Logger, Platform } from '../index'
import { openLocalDatabase, type LocalDatabase } from './database'
import { createLocalOpenApi, type LocalOpenApi } from './open-api'
import { createLocalStorage } from './storage'

export interface LocalPlatform extends Platform {
  db: LocalDatabase
  openApi: LocalOpenApi
  storage: ReturnType<typeof createLocalStorage>
  /** closes the database; an in-memory platform also removes the temp folder its files were in */
  close(): void
}

export interface LocalPlatformOptions {
  /** folder for the database file and stored files; ':memory:' keeps the database in memory */
  dataDir: string
  adminOpenids?: readonly string[]
  clock?: Clock
  log?: Logger
}

/** A logger that writes one JSON line per event to stderr (fields never carry personal data). */
export const stderrLogger: Logger = {
  info: (message, fields) => process.stderr.write(JSON.stringify({ level: 'info', message, ...fields }) + '\n'),
  error: (message, fields) => process.stderr.write(JSON.stringify({ level: 'error', message, ...fields }) + '\n'),
}

export const systemClock: Clock = { now: () => Date.now() }

export function createLocalPlatform(options: LocalPlatformOptions): LocalPlatform {
  const clock = options.clock ?? systemClock
  const inMemory = options.dataDir === ':memory:'
  const storageRoot = inMemory
    ? fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-storage-'))
    : path.join(options.dataDir, 'storage')
  if (!inMemory) fs.mkdirSync(options.dataDir, { recursive: true })
  const db = openLocalDatabase({
    file: inMemory ? ':memory:' : path.join(options.dataDir, 'wenming.sqlite'),
    collections: COLLECTIONS,
  })
  const storage = createLocalStorage(storageRoot)
  const readFile = (fileID: string) => {
    const file = storage.pathOf(fileID)
    return file && fs.existsSync(file) ? fs.readFileSync(file) : null
  }
  return {
    db,
    storage,
    openApi: createLocalOpenApi(clock, readFile),
    clock,
    log: options.log ?? stderrLogger,
    config: { adminOpenids: options.adminOpenids ?? [], placeholderTemplates: true },
    close: () => {
      db.close()
      // an in-memory platform's files live in a temp folder it made: nothing of it outlives close
      if (inMemory) fs.rmSync(storageRoot, { recursive: true, force: true })
    },
  }
}

/** ADMIN_OPENIDS=a,b,c → ['a','b','c'] */
export function parseAdminOpenids(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
