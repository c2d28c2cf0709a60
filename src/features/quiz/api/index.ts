import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  Leaderboard,
  LeaderboardPeriod,
  LeaderboardScope,
  PointsLedgerEntry,
  QuizHome,
  QuizMode,
  QuizPaper,
  QuizResult,
  QuizTopic,
  WrongBookItem,
} from '@/shared/contract'
import type { Fail, Result } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'
import { devOpenidStore } from '@/lib/dev-identity'

/** Where the quiz pages live. */
export const QUIZ_HOME = '/packages/quiz/pages/index/index'
export const QUIZ_WRONG_BOOK = '/packages/quiz/pages/wrong/index'
export const QUIZ_RANK = '/packages/quiz/pages/rank/index'
export const QUIZ_POINTS = '/packages/quiz/pages/points/index'
export const QUIZ_MANAGE = '/packages/quiz/pages/manage/index'

export function paperUrl(mode: QuizMode, topic?: QuizTopic | string, count?: number): string {
  const query = [`mode=${mode}`, topic ? `topic=${encodeURIComponent(topic)}` : '', count ? `count=${count}` : ''].filter(Boolean)
  return `/packages/quiz/pages/paper/index?${query.join('&')}`
}

export const resultUrl = (attemptId: string) => `/packages/quiz/pages/result/index?attemptId=${encodeURIComponent(attemptId)}`

export type Load<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; data: T | null; error: Fail }

/** One cloud read as page state: keeps the last good data while reloading or after a failure. */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<Load<T>>({ status: 'loading', data: null })
  const latest = useRef(0)
  const reload = useCallback(async () => {
    const request = ++latest.current
    setState((prev) => ({ status: 'loading', data: prev.data }))
    const result = await load()
    // an identity switch or a newer reload makes this answer stale
    if (request !== latest.current) return
    setState((prev) => (result.ok ? { status: 'ready', data: result.data } : { status: 'error', data: prev.data, error: result }))
  }, deps)
  useEffect(() => {
    void reload()
    return devOpenidStore.subscribe(() => {
      setState({ status: 'loading', data: null })
      void reload()
    })
  }, [reload])
  return { state, reload }
}

export function useQuizHome() {
  return useLoad<QuizHome>(() => callCloud('quiz', 'home', {}), [])
}

export function startPaper(mode: QuizMode, topic?: QuizTopic, count?: number): Promise<Result<QuizPaper>> {
  return callCloud('quiz', 'start', { mode, ...(topic ? { topic } : {}), ...(count ? { count } : {}) })
}

/**
 * Results just submitted, kept so the result page opens at once without a second round trip;
 * the page still falls back to `quiz.result` (after a restart, or from a shared link).
 */
const recentResults = new Map<string, QuizResult>()

export async function submitPaper(attemptId: string, answers: number[][]): Promise<Result<QuizResult>> {
  const result = await callCloud('quiz', 'submit', { attemptId, answers })
  if (result.ok) recentResults.set(attemptId, result.data)
  return result
}

export function useResult(attemptId: string) {
  return useLoad<QuizResult>(async () => {
    const cached = recentResults.get(attemptId)
    return cached ? { ok: true, data: cached } : callCloud('quiz', 'result', { attemptId })
  }, [attemptId])
}

export function useLeaderboard(scope: LeaderboardScope, period: LeaderboardPeriod, scopeId?: string) {
  return useLoad<Leaderboard>(() => callCloud('quiz', 'leaderboard', { scope, period, ...(scopeId ? { scopeId } : {}) }), [scope, period, scopeId])
}

/** A paged list: the first page on open, more on demand; never more than 200 items on screen. */
function usePaged<T>(loadPage: (offset: number) => Promise<Result<{ items: T[]; nextOffset: number | null; total?: number }>>) {
  const MAX_ITEMS = 200
  const [items, setItems] = useState<T[]>([])
  const [next, setNext] = useState<number | null>(0)
  const [total, setTotal] = useState<number | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<Fail | null>(null)
  const loading = useRef(false)

  const load = useCallback(async (offset: number, replace: boolean) => {
    if (loading.current) return
    loading.current = true
    setStatus('loading')
    const result = await loadPage(offset)
    loading.current = false
    if (!result.ok) {
      setStatus('error')
      setError(result)
      return
    }
    setItems((prev) => (replace ? result.data.items : [...prev, ...result.data.items]).slice(0, MAX_ITEMS))
    setNext(result.data.nextOffset)
    if (result.data.total !== undefined) setTotal(result.data.total)
    setStatus('ready')
    setError(null)
  }, [])

  const reload = useCallback(() => load(0, true), [load])
  const more = useCallback(() => {
    if (next !== null && items.length < MAX_ITEMS) void load(next, false)
  }, [next, items.length, load])
  useEffect(() => {
    void reload()
    return devOpenidStore.subscribe(() => void reload())
  }, [reload])
  return { items, total, hasMore: next !== null && items.length < MAX_ITEMS, status, error, reload, more }
}

export function useWrongBook() {
  return usePaged<WrongBookItem>((offset) => callCloud('quiz', 'wrongBook', { offset }))
}

export function usePointsLedger() {
  const [balance, setBalance] = useState<number | null>(null)
  const paged = usePaged<PointsLedgerEntry>(async (offset) => {
    const result = await callCloud('quiz', 'myPoints', { offset })
    if (result.ok) setBalance(result.data.balance)
    return result
  })
  return { ...paged, balance }
}
