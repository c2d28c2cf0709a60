import { useCallback, useEffect, useRef, useState } from 'react'
import type { CityMapView, ReportPage, ReportPrepareView } from '@/shared/contract'
import type { Fail, Result } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'
import { oncePerSession } from '@/lib/once-per-session'

/** The city's grids and units change rarely: one fetch per app session, shared by every page. */
export const loadCityMap: () => Promise<Result<CityMapView>> = oncePerSession(() => callCloud('report', 'map', {}))

export function useCityMap(): CityMapView | null {
  const [map, setMap] = useState<CityMapView | null>(null)
  useEffect(() => {
    let live = true
    void loadCityMap().then((result) => {
      if (live && result.ok) setMap(result.data)
    })
    return () => {
      live = false
    }
  }, [])
  return map
}

export function prepareReport(): Promise<Result<ReportPrepareView>> {
  return callCloud('report', 'prepare', {})
}

export interface PagedList<T> {
  items: T[]
  loading: boolean
  error: Fail | null
  done: boolean
  reload(): Promise<void>
  more(): Promise<void>
}

/**
 * A cursor-paged list: `reload` starts over (pull-to-refresh), `more` appends the next page. Only
 * the newest request may land, so a reload racing a page load never mixes two lists. The client
 * never holds more than 200 rows.
 */
export function usePagedList<T>(load: (cursor?: string) => Promise<Result<ReportPage<T>>>, deps: readonly unknown[]): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Fail | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const latest = useRef(0)
  const loader = useCallback(load, deps)

  const reload = useCallback(async () => {
    const request = ++latest.current
    setLoading(true)
    setError(null)
    const result = await loader()
    if (request !== latest.current) return
    setLoading(false)
    if (!result.ok) return setError(result)
    setItems(result.data.items)
    setNext(result.data.next)
    setDone(result.data.next === null)
  }, [loader])

  const more = useCallback(async () => {
    if (loading || done || !next) return
    const request = ++latest.current
    setLoading(true)
    const result = await loader(next)
    if (request !== latest.current) return
    setLoading(false)
    if (!result.ok) return setError(result)
    setItems((prev) => [...prev, ...result.data.items].slice(0, 200))
    setNext(result.data.next)
    setDone(result.data.next === null || items.length + result.data.items.length >= 200)
  }, [loader, loading, done, next, items.length])

  useEffect(() => {
    void reload()
  }, [reload])

  return { items, loading, error, done, reload, more }
}
