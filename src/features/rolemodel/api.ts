import { useCallback, useEffect, useRef, useState } from 'react'
import type { Fail, Result } from '@/shared/errors'

export interface Loaded<T> {
  data: T | null
  error: Fail | null
  loading: boolean
  reload: () => void
  /** replace what is shown with a fresher answer (an action's result) without a reload */
  setData: (data: T) => void
}

/**
 * One read for a screen: a skeleton while it loads, the error with a retry, the data once it
 * arrives. Only the latest request may land, so a quick retry never shows an older answer.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [loading, setLoading] = useState(true)
  const latest = useRef(0)
  const run = useCallback(load, deps)
  const reload = useCallback(() => {
    const request = ++latest.current
    setLoading(true)
    setError(null)
    void run().then((result) => {
      if (request !== latest.current) return
      setLoading(false)
      if (result.ok) setData(result.data)
      else setError(result)
    })
  }, [run])
  useEffect(reload, [reload])
  return { data, error, loading, reload, setData }
}

/** districts a 区文明办审核员 reviews: said on every review screen, and what decides which actions show */
export const districtsText = (districts: readonly string[]) => districts.join('、')
