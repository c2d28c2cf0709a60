import type { Fail, Result } from '@/shared/errors'
import type { HandbookChapterView, HandbookToc } from '@/shared/handbook/types'

/**
 * Offline-first reading. The table of contents and every chapter read are kept on the device;
 * the handbook opens from there when the network or the backend is down.
 *
 * Keyed by version: the cached table of contents carries the version it belongs to, and each
 * chapter its revision (the version in which its text last changed). When the server publishes a
 * new version, the next table of contents shows it; chapters whose revision changed are dropped
 * and fetched again on their next read, unchanged chapters stay. A chapter is never shown from
 * the cache when the server is reachable and says it changed.
 *
 * Pure: the storage and the calls are passed in, so tests run it with a map and a failing backend.
 */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

export interface HandbookBackend {
  toc(): Promise<Result<HandbookToc>>
  chapter(chapterId: string): Promise<Result<HandbookChapterView>>
}

/** Where a shown value came from: `cache` means the server could not be reached. */
export type Freshness = 'network' | 'cache'

export type Loaded<T> = { ok: true; data: T; from: Freshness } | Fail

export const TOC_KEY = 'handbook:toc'
export const chapterKey = (chapterId: string) => `handbook:chapter:${chapterId}`

function isToc(value: unknown): value is HandbookToc {
  const v = value as Partial<HandbookToc> | null
  return typeof v === 'object' && v !== null && typeof v.version === 'number' && Array.isArray(v.chapters)
}

function isChapter(value: unknown): value is HandbookChapterView {
  const v = value as Partial<HandbookChapterView> | null
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.revision === 'number' && Array.isArray(v.sections)
}

/** A failure that means "could not reach the server", as opposed to a definite answer. */
export function isUnreachable(failure: Fail): boolean {
  return ['NETWORK.OFFLINE', 'CLOUD.UNAVAILABLE', 'INTERNAL', 'HANDBOOK.NOT_READY'].includes(failure.code)
}

export function createHandbookCache(store: KeyValueStore, backend: HandbookBackend) {
  function cachedToc(): HandbookToc | null {
    const value = store.get(TOC_KEY)
    return isToc(value) ? value : null
  }

  function cachedChapter(chapterId: string): HandbookChapterView | null {
    const value = store.get(chapterKey(chapterId))
    return isChapter(value) ? value : null
  }

  /** Saves a newer table of contents and forgets the chapters it changed. */
  function adoptToc(toc: HandbookToc): void {
    const previous = cachedToc()
    if (previous?.version === toc.version) return
    store.set(TOC_KEY, toc)
    const ids = new Set([...(previous?.chapters ?? []).map((c) => c.id), ...toc.chapters.map((c) => c.id)])
    for (const id of ids) {
      const chapter = cachedChapter(id)
      const entry = toc.chapters.find((c) => c.id === id)
      if (chapter && (!entry || entry.revision !== chapter.revision)) store.remove(chapterKey(id))
    }
  }

  /** The table of contents from the server when reachable, else the last one seen. */
  async function loadToc(): Promise<Loaded<HandbookToc>> {
    const result = await backend.toc()
    if (result.ok) {
      adoptToc(result.data)
      return { ok: true, data: result.data, from: 'network' }
    }
    const cached = cachedToc()
    return cached && isUnreachable(result) ? { ok: true, data: cached, from: 'cache' } : result
  }

  /**
   * A chapter: the cached copy if the server's table of contents says it is current (no download),
   * a fresh copy if it changed or was never read, the cached copy when the server is unreachable.
   */
  async function loadChapter(chapterId: string): Promise<Loaded<HandbookChapterView>> {
    const toc = await backend.toc()
    const cached = cachedChapter(chapterId)
    if (!toc.ok) {
      if (cached && isUnreachable(toc)) return { ok: true, data: cached, from: 'cache' }
      return toc
    }
    adoptToc(toc.data)
    const entry = toc.data.chapters.find((c) => c.id === chapterId)
    const kept = cachedChapter(chapterId)
    if (entry && kept && kept.revision === entry.revision) return { ok: true, data: kept, from: 'network' }
    const fresh = await backend.chapter(chapterId)
    if (!fresh.ok) {
      if (kept && isUnreachable(fresh)) return { ok: true, data: kept, from: 'cache' }
      return fresh
    }
    store.set(chapterKey(chapterId), fresh.data)
    return { ok: true, data: fresh.data, from: 'network' }
  }

  return {
    loadToc,
    loadChapter,
    /** what can be shown at once, before any call returns */
    peekToc: cachedToc,
    peekChapter: cachedChapter,
    /** chapter ids readable offline right now */
    offlineChapterIds(): string[] {
      const toc = cachedToc()
      return (toc?.chapters ?? []).filter((c) => cachedChapter(c.id)?.revision === c.revision).map((c) => c.id)
    },
  }
}

export type HandbookCache = ReturnType<typeof createHandbookCache>

/**
 * Reading progress made offline is kept and sent later: one pending entry per chapter (the latest
 * section wins; "completed" is sticky), so the queue never grows past the number of chapters.
 */
export interface PendingProgress {
  chapterId: string
  sectionId: string
  completed: boolean
}

export const PENDING_KEY = 'handbook:pending-progress'

export function createProgressQueue(
  store: KeyValueStore,
  send: (progress: PendingProgress) => Promise<Result<unknown>>,
) {
  function pending(): Record<string, PendingProgress> {
    const value = store.get(PENDING_KEY)
    return typeof value === 'object' && value !== null ? (value as Record<string, PendingProgress>) : {}
  }

  function remember(progress: PendingProgress): void {
    const all = pending()
    const before = all[progress.chapterId]
    all[progress.chapterId] = { ...progress, completed: progress.completed || (before?.completed ?? false) }
    store.set(PENDING_KEY, all)
  }

  function forget(chapterId: string, sent: PendingProgress): void {
    const all = pending()
    const now = all[chapterId]
    // a newer position recorded while this one was in flight stays queued
    if (now && now.sectionId === sent.sectionId && now.completed === sent.completed) {
      delete all[chapterId]
      store.set(PENDING_KEY, all)
    }
  }

  /** Sends everything queued; stops at the first unreachable failure. */
  async function flush(): Promise<void> {
    for (const item of Object.values(pending())) {
      const result = await send(item)
      if (!result.ok && isUnreachable(result)) return
      // sent, or refused for good (e.g. the section no longer exists): either way, done with it
      forget(item.chapterId, item)
    }
  }

  /** Records a position now if possible, else keeps it for later. */
  async function record(progress: PendingProgress): Promise<void> {
    remember(progress)
    await flush()
  }

  return { record, flush, pending: () => Object.values(pending()) }
}
