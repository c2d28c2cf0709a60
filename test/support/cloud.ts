import type { ActionName, Contract, FunctionName, InputOf, OutputOf } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { FUNCTIONS } from '@/cloud/functions'
import { COLLECTIONS } from '@/cloud/platform/collections'
import { createLocalPlatform, type LocalPlatform } from '@/cloud/platform/local'
import { deliverMediaChecks } from '@/cloud/local-host/media-push'
import type { Logger } from '@/cloud/platform'

/** A clock the test moves by hand. */
export interface TestClock {
  now(): number
  set(ms: number): void
  advance(ms: number): void
}

export function testClock(start = Date.UTC(2026, 10, 25, 2, 0, 0)): TestClock {
  let current = start
  return { now: () => current, set: (ms) => void (current = ms), advance: (ms) => void (current += ms) }
}

export interface LoggedLine {
  level: 'info' | 'error'
  message: string
  fields?: Record<string, string | number | boolean>
}

export const TEST_ADMIN = 'admin-from-config'

/**
 * The real handlers, in-process, on the local platform over a fresh in-memory database — the way
 * a Firebase test runs against its emulator. `as(openid).call(...)` is a call from that person.
 */
export function startTestCloud(options: { adminOpenids?: string[] } = {}) {
  const clock = testClock()
  const logged: LoggedLine[] = []
  const log: Logger = {
    info: (message, fields) => logged.push({ level: 'info', message, fields }),
    error: (message, fields) => logged.push({ level: 'error', message, fields }),
  }
  const platform: LocalPlatform = createLocalPlatform({
    dataDir: ':memory:',
    adminOpenids: options.adminOpenids ?? [TEST_ADMIN],
    clock,
    log,
  })

  function as(openid: string | null) {
    return {
      call<F extends FunctionName, A extends ActionName<F>>(
        fn: F,
        action: A,
        data: InputOf<Contract[F][A]>,
      ): Promise<Result<OutputOf<Contract[F][A]>>> {
        return FUNCTIONS[fn].invoke({ action, data }, platform, openid ? { openid } : null) as Promise<
          Result<OutputOf<Contract[F][A]>>
        >
      },
      /** an event as an untyped client might send it */
      raw(fn: string, event: unknown): Promise<Result<unknown>> {
        return FUNCTIONS[fn].invoke(event, platform, openid ? { openid } : null)
      },
    }
  }

  /** Every stored document of every collection, to prove a rejected call wrote nothing. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {}
    for (const c of COLLECTIONS) {
      const docs: unknown[] = []
      for (let skip = 0; ; skip += 100) {
        const { data } = await platform.db.collection(c.name).orderBy('_id', 'asc').skip(skip).limit(100).get()
        docs.push(...data)
        if (data.length < 100) break
      }
      out[c.name] = docs
    }
    return out
  }

  /** WeChat's media-check verdicts asked for so far, delivered now as its message pushes (see media-push.ts) */
  const deliverPushes = () => deliverMediaChecks(platform, FUNCTIONS)

  return { platform, clock, logged, as, snapshot, deliverPushes, close: () => platform.close() }
}

export type TestCloud = ReturnType<typeof startTestCloud>

/** Narrows a result to its data, failing the test with the error code otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`)
  return result.data
}
