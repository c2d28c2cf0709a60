import { useCallback, useEffect, useState } from 'react'
import type { PosterStatsView, PosterStatus, PosterView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'

/** The office's poster list, 20 at a time, filtered by status. */
export function usePosterList(status: PosterStatus) {
  const [items, setItems] = useState<PosterView[] | null>(null)
  const [nextOffset, setNextOffset] = useState<number | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (offset: number) => {
      setLoading(true)
      const result = await callCloud('entry', 'posters', { status, offset })
      setLoading(false)
      if (!result.ok) return setError(result)
      setError(null)
      setItems((prev) => (offset > 0 && prev ? [...prev, ...result.data.items] : result.data.items))
      setNextOffset(result.data.nextOffset)
    },
    [status],
  )
  useEffect(() => {
    setItems(null)
    void load(0)
  }, [load])
  return { items, nextOffset, error, loading, reload: () => load(0), more: () => (nextOffset !== null ? load(nextOffset) : undefined) }
}

export function usePosterStats(posterId: string) {
  const [stats, setStats] = useState<PosterStatsView | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const load = useCallback(async () => {
    const result = await callCloud('entry', 'posterStats', { posterId, days: 30 })
    if (!result.ok) return setError(result)
    setError(null)
    setStats(result.data)
  }, [posterId])
  useEffect(() => {
    void load()
  }, [load])
  return { stats, error, reload: load, setPoster: (poster: PosterView) => setStats((prev) => (prev ? { ...prev, poster } : prev)) }
}

/** An idempotency key for one registration: a retried tap returns the same poster. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}
