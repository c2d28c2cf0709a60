import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Fail } from '@/shared/errors'
import type { HandbookChapterView, HandbookToc, MyReadingView } from '@/shared/handbook/types'
import { callCloud } from '@/lib/call-cloud'
import { devOpenidStore } from '@/lib/dev-identity'
import { readStored, writeStored } from '@/lib/storage'
import { createHandbookCache, createProgressQueue, type Freshness, type KeyValueStore } from './cache'

/** Taro storage under the app's prefix (`wm:`), as every other stored value. */
const taroStore: KeyValueStore = {
  get: (key) => readStored(key, (value: unknown): value is unknown => value !== ''),
  set: (key, value) => writeStored(key, value),
  remove: (key) => {
    try {
      Taro.removeStorageSync(`wm:${key}`)
    } catch {
      // storage unavailable: the stale copy is replaced on the next successful read anyway
    }
  },
}

export const handbookCache = createHandbookCache(taroStore, {
  toc: () => callCloud('handbook', 'toc', {}),
  chapter: (chapterId) => callCloud('handbook', 'chapter', { chapterId }),
})

export const progressQueue = createProgressQueue(taroStore, (p) => callCloud('handbook', 'recordProgress', p))

// progress saved offline under one identity must not be sent as another (H5 dev identity switch)
devOpenidStore.subscribe(() => taroStore.remove('handbook:pending-progress'))

export type LoadState<T> =
  | { status: 'loading'; data: T | null; from: Freshness | null }
  | { status: 'ready'; data: T; from: Freshness }
  | { status: 'error'; data: T | null; error: Fail; from: Freshness | null }

/** Shows the cached copy at once, then what the server (or the cache, when unreachable) says. */
function useCached<T>(peek: () => T | null, load: () => Promise<{ ok: true; data: T; from: Freshness } | Fail>, key: string) {
  const [state, setState] = useState<LoadState<T>>(() => ({ status: 'loading', data: peek(), from: null }))
  const reload = useCallback(async () => {
    setState((prev) => ({ status: 'loading', data: prev.data ?? peek(), from: prev.from }))
    const result = await load()
    setState((prev) =>
      result.ok ? { status: 'ready', data: result.data, from: result.from } : { status: 'error', data: prev.data, error: result, from: prev.from },
    )
  }, [key])
  useEffect(() => {
    void reload()
  }, [reload])
  return { state, reload }
}

export function useToc() {
  return useCached<HandbookToc>(handbookCache.peekToc, handbookCache.loadToc, 'toc')
}

export function useChapter(chapterId: string) {
  return useCached<HandbookChapterView>(
    () => handbookCache.peekChapter(chapterId),
    () => handbookCache.loadChapter(chapterId),
    chapterId,
  )
}

/** 我的 → 手册阅读: chapters read, where to continue, bookmarks. */
export function useMyReading() {
  const [state, setState] = useState<{ data: MyReadingView | null; error: Fail | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  })
  const reload = useCallback(async () => {
    setState((prev) => ({ ...prev, loading: true }))
    await progressQueue.flush()
    const result = await callCloud('handbook', 'myReading', {})
    setState((prev) => (result.ok ? { data: result.data, error: null, loading: false } : { data: prev.data, error: result, loading: false }))
  }, [])
  useEffect(() => {
    void reload()
    return devOpenidStore.subscribe(() => void reload())
  }, [reload])
  return { ...state, reload }
}

export function setBookmark(chapterId: string, sectionId: string, bookmarked: boolean) {
  return callCloud('handbook', 'setBookmark', { chapterId, sectionId, bookmarked })
}

export function searchHandbook(query: string, offset: number) {
  return callCloud('handbook', 'search', { query, offset, limit: 20 })
}

export function loadBookmarks(offset: number) {
  return callCloud('handbook', 'bookmarks', { offset })
}
