import {
  chapterKey,
  createHandbookCache,
  createProgressQueue,
  TOC_KEY,
  type HandbookBackend,
  type KeyValueStore,
  type PendingProgress,
} from '@/features/handbook/api/cache'
import type { Fail, Result } from '@/shared/errors'
import type { HandbookChapterView, HandbookToc } from '@/shared/handbook/types'

/** Taro storage stand-in: values go through JSON, as they do on the device. */
function memoryStore(): KeyValueStore & { keys(): string[] } {
  const data = new Map<string, string>()
  return {
    get: (key) => (data.has(key) ? JSON.parse(data.get(key) as string) : ''),
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    remove: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  }
}

const OFFLINE: Fail = { ok: false, code: 'NETWORK.OFFLINE', message: '网络不可用，请检查网络后重试' }

function chapter(id: string, revision: number, text: string): HandbookChapterView {
  return {
    id,
    title: id,
    summary: '摘要',
    glyph: '章',
    version: revision,
    revision,
    illustrationUrl: null,
    sections: [{ id: `${id}-a`, title: '第一节', blocks: [{ type: 'paragraph', text }] }],
  }
}

/** A backend whose published handbook the test changes, and which can be stopped. */
function fakeBackend() {
  let chapters: HandbookChapterView[] = [chapter('waste', 1, '四分类 v1'), chapter('dogs', 1, '牵绳 v1')]
  let version = 1
  let up = true
  const calls = { toc: 0, chapter: [] as string[] }
  const backend: HandbookBackend = {
    async toc(): Promise<Result<HandbookToc>> {
      calls.toc += 1
      if (!up) return OFFLINE
      return {
        ok: true,
        data: {
          version,
          publishedAt: 0,
          note: '',
          chapters: chapters.map((c) => ({
            id: c.id,
            title: c.title,
            summary: c.summary,
            glyph: c.glyph,
            revision: c.revision,
            charCount: 10,
            sections: c.sections.map((s) => ({ id: s.id, title: s.title })),
          })),
        },
      }
    },
    async chapter(id): Promise<Result<HandbookChapterView>> {
      calls.chapter.push(id)
      if (!up) return OFFLINE
      const found = chapters.find((c) => c.id === id)
      return found ? { ok: true, data: { ...found, version } } : { ok: false, code: 'HANDBOOK.CHAPTER_NOT_FOUND', message: '没有找到这一章' }
    },
  }
  return {
    backend,
    calls,
    stop: () => void (up = false),
    start: () => void (up = true),
    publish(next: HandbookChapterView) {
      version += 1
      chapters = chapters.map((c) => (c.id === next.id ? { ...next, revision: version } : c))
    },
  }
}

describe('reading offline', () => {
  test('a chapter read once opens again with the backend stopped', async () => {
    const store = memoryStore()
    const server = fakeBackend()
    const cache = createHandbookCache(store, server.backend)
    const first = await cache.loadChapter('waste')
    expect(first).toMatchObject({ ok: true, from: 'network', data: { id: 'waste' } })

    server.stop()
    const second = await cache.loadChapter('waste')
    expect(second).toMatchObject({ ok: true, from: 'cache', data: { id: 'waste', revision: 1 } })
    const toc = await cache.loadToc()
    expect(toc).toMatchObject({ ok: true, from: 'cache', data: { version: 1 } })
  })

  test('a chapter never read is an offline error, not an empty page', async () => {
    const server = fakeBackend()
    const cache = createHandbookCache(memoryStore(), server.backend)
    await cache.loadToc()
    server.stop()
    expect(await cache.loadChapter('dogs')).toEqual(OFFLINE)
  })

  test('nothing cached and no backend: the table of contents says offline', async () => {
    const server = fakeBackend()
    server.stop()
    expect(await createHandbookCache(memoryStore(), server.backend).loadToc()).toEqual(OFFLINE)
  })

  test('a second read of an unchanged chapter does not download it again', async () => {
    const server = fakeBackend()
    const cache = createHandbookCache(memoryStore(), server.backend)
    await cache.loadChapter('waste')
    await cache.loadChapter('waste')
    expect(server.calls.chapter).toEqual(['waste'])
  })

  test('the cache survives a restart (a new cache over the same storage)', async () => {
    const store = memoryStore()
    const server = fakeBackend()
    await createHandbookCache(store, server.backend).loadChapter('dogs')
    server.stop()
    const restarted = createHandbookCache(store, server.backend)
    expect(restarted.peekChapter('dogs')?.sections[0].blocks[0]).toEqual({ type: 'paragraph', text: '牵绳 v1' })
    expect(restarted.offlineChapterIds()).toEqual(['dogs'])
  })
})

describe('version refresh', () => {
  test('a new version replaces the changed chapter and keeps the unchanged one', async () => {
    const store = memoryStore()
    const server = fakeBackend()
    const cache = createHandbookCache(store, server.backend)
    await cache.loadChapter('waste')
    await cache.loadChapter('dogs')

    server.publish(chapter('waste', 0, '四分类 v2'))
    const toc = await cache.loadToc()
    expect(toc).toMatchObject({ ok: true, data: { version: 2 } })
    // the changed chapter is gone from the device, the unchanged one stays readable offline
    expect(store.keys()).toEqual(expect.arrayContaining([TOC_KEY, chapterKey('dogs')]))
    expect(store.keys()).not.toContain(chapterKey('waste'))

    server.calls.chapter = []
    const waste = await cache.loadChapter('waste')
    const dogs = await cache.loadChapter('dogs')
    expect(waste).toMatchObject({ ok: true, data: { revision: 2 } })
    expect(waste.ok && waste.data.sections[0].blocks[0]).toEqual({ type: 'paragraph', text: '四分类 v2' })
    expect(dogs).toMatchObject({ ok: true, data: { revision: 1 } })
    expect(server.calls.chapter).toEqual(['waste'])
  })

  test('opening a chapter directly (from a quiz link) also notices the new version', async () => {
    const server = fakeBackend()
    const cache = createHandbookCache(memoryStore(), server.backend)
    await cache.loadChapter('waste')
    server.publish(chapter('waste', 0, '四分类 v2'))
    const reopened = await cache.loadChapter('waste')
    expect(reopened.ok && reopened.data.sections[0].blocks[0]).toEqual({ type: 'paragraph', text: '四分类 v2' })
  })

  test('a definite "no such chapter" is not hidden behind a cached copy', async () => {
    const store = memoryStore()
    const server = fakeBackend()
    const cache = createHandbookCache(store, server.backend)
    expect(await cache.loadChapter('missing')).toMatchObject({ ok: false, code: 'HANDBOOK.CHAPTER_NOT_FOUND' })
  })
})

describe('progress made offline', () => {
  test('is queued, one entry per chapter, and sent when the backend is back', async () => {
    const store = memoryStore()
    let up = false
    const sent: PendingProgress[] = []
    const queue = createProgressQueue(store, async (p) => {
      if (!up) return OFFLINE
      sent.push(p)
      return { ok: true, data: null }
    })
    await queue.record({ chapterId: 'waste', sectionId: 'waste-a', completed: true })
    await queue.record({ chapterId: 'waste', sectionId: 'waste-b', completed: false })
    await queue.record({ chapterId: 'dogs', sectionId: 'dogs-a', completed: false })
    expect(queue.pending()).toHaveLength(2)
    up = true
    await queue.flush()
    expect(sent).toEqual([
      { chapterId: 'waste', sectionId: 'waste-b', completed: true },
      { chapterId: 'dogs', sectionId: 'dogs-a', completed: false },
    ])
    expect(queue.pending()).toEqual([])
  })
})
