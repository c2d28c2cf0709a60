import { useCallback, useEffect, useRef, useState } from 'react'
import type { Fail, Result } from '@/shared/errors'
import type { VolunteerSettingsView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { oncePerSession } from '@/lib/once-per-session'

export interface Resource<T> {
  data: T | null
  error: Fail | null
  loading: boolean
  reload(): Promise<void>
}

/** One value from the backend; the last good value stays on screen while a reload runs or fails. */
export function useResource<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [loading, setLoading] = useState(true)
  const latest = useRef(0)
  const loader = useCallback(load, deps)
  const reload = useCallback(async () => {
    const request = ++latest.current
    setLoading(true)
    const result = await loader()
    if (request !== latest.current) return
    setLoading(false)
    if (result.ok) {
      setData(result.data)
      setError(null)
    } else {
      setError(result)
    }
  }, [loader])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, loading, reload }
}

export interface Paged<T> {
  items: T[]
  loading: boolean
  error: Fail | null
  done: boolean
  reload(): Promise<void>
  more(): Promise<void>
}

/** Never more than this many rows on one screen. */
export const MAX_ROWS = 200

/**
 * A page-numbered list: `reload` starts over, `more` appends the next page through `merge`
 * (which may fold an item into one already shown). Only the newest request lands.
 */
export function usePaged<T>(
  load: (page: number) => Promise<Result<{ items: T[]; nextPage: number | null }>>,
  deps: readonly unknown[],
  merge: (shown: T[], next: T[]) => T[] = (shown, next) => [...shown, ...next],
): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Fail | null>(null)
  const [next, setNext] = useState<number | null>(null)
  const latest = useRef(0)
  const loader = useCallback(load, deps)

  const reload = useCallback(async () => {
    const request = ++latest.current
    setLoading(true)
    setError(null)
    const result = await loader(0)
    if (request !== latest.current) return
    setLoading(false)
    if (!result.ok) return setError(result)
    setItems(result.data.items)
    setNext(result.data.nextPage)
  }, [loader])

  const more = useCallback(async () => {
    if (loading || next === null || items.length >= MAX_ROWS) return
    const request = ++latest.current
    setLoading(true)
    const result = await loader(next)
    if (request !== latest.current) return
    setLoading(false)
    if (!result.ok) return setError(result)
    setItems((shown) => merge(shown, result.data.items).slice(0, MAX_ROWS))
    setNext(result.data.nextPage)
  }, [loader, loading, next, items.length, merge])

  useEffect(() => {
    void reload()
  }, [reload])

  return { items, loading, error, done: next === null || items.length >= MAX_ROWS, reload, more }
}

/** An idempotency key for a sign-up: a retried tap sends the same one. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `v${Date.now().toString(36)}${random}`.slice(0, 40)
}

/** The office's rules change rarely: one fetch per session. */
export const loadVolunteerSettings: () => Promise<Result<VolunteerSettingsView>> = oncePerSession(() =>
  callCloud('volunteer', 'getSettings', {}),
)
