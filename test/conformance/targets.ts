import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { CollectionSpec } from '@/cloud/platform/collections'
import { type Database, DatabaseError, DOCUMENT_NOT_FOUND, DUPLICATE_KEY } from '@/cloud/platform/database'
import { COLLECTION_NOT_FOUND, type LocalDatabase, openLocalDatabase } from '@/cloud/platform/local/database'

/**
 * Where the conformance suite runs: the local SQLite database always; a real WeChat cloud
 * environment when its credentials are in the environment. The suite only speaks the contract
 * (`Database`), so a difference between the two shows up as a failing test.
 */
export interface OpenedDb {
  db: Database
  /** the real name of a collection declared for this test (the wx target suffixes it per test) */
  name(collection: string): string
  close(): Promise<void>
}

export interface Target {
  name: 'local' | 'wx'
  /** a fresh, empty database in which `collections` exist */
  open(collections: readonly CollectionSpec[]): Promise<OpenedDb>
  /** the contract error code of a rejection (the wx target maps the SDK's native errors) */
  errorCode(error: unknown): string | undefined
}

export interface LocalOpened extends OpenedDb {
  db: LocalDatabase
  file: string
}

/** A fresh temp-file database (WAL needs a file; :memory: would hide journaling behaviour). */
export function openLocal(collections: readonly CollectionSpec[]): LocalOpened {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmt-db-'))
  const file = path.join(dir, 'test.sqlite')
  const db = openLocalDatabase({ file, collections })
  return {
    db,
    file,
    name: (collection) => collection,
    close: async () => {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const localTarget: Target = {
  name: 'local',
  open: async (collections) => openLocal(collections),
  errorCode: (error) => (error instanceof DatabaseError ? error.code : undefined),
}

export const WX_ENV_VARS = ['WX_CLOUD_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const

/** The few wx-server-sdk members the target needs (the SDK is not a dependency of this repo). */
interface WxServerSdk {
  init(options: { env: string; secretId: string; secretKey: string }): void
  database(): Database & { createCollection(name: string): Promise<unknown> }
}

function loadWxSdk(): WxServerSdk {
  try {
    return createRequire(__filename)('wx-server-sdk') as WxServerSdk
  } catch {
    throw new Error('conformance: the wx target needs wx-server-sdk; `npm install --no-save wx-server-sdk` to run it')
  }
}

/**
 * Best-effort mapping of the SDK's errors to contract codes, by message. Once the wx platform
 * adapter maps errors itself, open its Database here instead of the raw SDK one.
 */
function wxErrorCode(error: unknown): string | undefined {
  if (error instanceof DatabaseError) return error.code
  const message = error instanceof Error ? error.message : String(error)
  if (/duplicate key|E11000/i.test(message)) return DUPLICATE_KEY
  if (/collection.*not exist|DATABASE_COLLECTION_NOT_EXIST/i.test(message)) return COLLECTION_NOT_FOUND
  if (/document.*not exist|cannot find document/i.test(message)) return DOCUMENT_NOT_FOUND
  return undefined
}

/** Only when WX_CLOUD_ENV and the Tencent Cloud API key are set. */
export function wxTarget(): Target | undefined {
  const [env, secretId, secretKey] = WX_ENV_VARS.map((name) => process.env[name])
  if (!env || !secretId || !secretKey) return undefined
  return {
    name: 'wx',
    errorCode: wxErrorCode,
    open: async (collections) => {
      const sdk = loadWxSdk()
      sdk.init({ env, secretId, secretKey })
      const db = sdk.database()
      // collections cannot be dropped from the server SDK, so each test gets new, suffixed ones
      const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
      const names = new Map(collections.map((c) => [c.name, `conf_${c.name}_${suffix}`]))
      for (const real of names.values()) await db.createCollection(real)
      return {
        db,
        name: (collection) => names.get(collection) ?? `conf_${collection}_${suffix}`,
        close: async () => {
          const _ = db.command
          for (const real of names.values()) await db.collection(real).where({ _id: _.exists(true) }).remove()
        },
      }
    },
  }
}

export function targets(): Target[] {
  const wx = wxTarget()
  return wx ? [localTarget, wx] : [localTarget]
}
