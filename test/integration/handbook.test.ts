import { HANDBOOK_CONTENT } from '@/cloud/domain/handbook/content'
import { publishVersion, seedHandbook } from '@/cloud/domain/handbook/publish'
import { readMeta } from '@/cloud/domain/handbook/store'
import { BLOCKED_WORDS } from '@/cloud/platform/local/open-api'
import type { HandbookChapterContent } from '@/shared/handbook/types'
import { HANDBOOK_CHAPTER_IDS } from '@/shared/handbook/ids'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

const shipped = (id: string): HandbookChapterContent => {
  const chapter = HANDBOOK_CONTENT.find((c) => c.id === id)
  if (!chapter) throw new Error(id)
  return structuredClone(chapter)
}

/** The traffic chapter with a new paragraph at the top of its first section. */
function editedTraffic(extra = '新增：斑马线前请放慢脚步，礼让行人。'): HandbookChapterContent {
  const chapter = shipped('traffic')
  chapter.sections[0].blocks.unshift({ type: 'paragraph', text: extra })
  return chapter
}

describe('reading', () => {
  test('the first toc seeds the shipped handbook as version 1, every chapter at revision 1', async () => {
    const toc = expectOk(await cloud.as('alice').call('handbook', 'toc', {}))
    expect(toc.version).toBe(1)
    expect(toc.chapters.map((c) => c.id)).toEqual([...HANDBOOK_CHAPTER_IDS])
    expect(toc.chapters.every((c) => c.revision === 1 && c.charCount > 0)).toBe(true)
    expect(toc.chapters[0].sections.map((s) => s.id)).toEqual(['civic-pact-values', 'civic-pact-convention', 'civic-pact-integrity'])
  })

  test('seeding twice changes nothing', async () => {
    await seedHandbook(cloud.platform)
    const before = await cloud.snapshot()
    await seedHandbook(cloud.platform)
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('a chapter comes back whole, with its version and revision', async () => {
    const chapter = expectOk(await cloud.as('alice').call('handbook', 'chapter', { chapterId: 'dining' }))
    expect(chapter).toMatchObject({ id: 'dining', title: '文明就餐', version: 1, revision: 1, illustrationUrl: null })
    expect(chapter.sections).toEqual(shipped('dining').sections)
  })

  test('an unknown chapter is a clear error', async () => {
    const result = await cloud.as('alice').call('handbook', 'chapter', { chapterId: 'no-such-chapter' })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.CHAPTER_NOT_FOUND' })
  })

  test('search through the function ranks and pages', async () => {
    const top = expectOk(await cloud.as('alice').call('handbook', 'search', { query: '头盔' }))
    expect(top.items[0].sectionId).toBe('traffic-nonmotor')
    const page = expectOk(await cloud.as('alice').call('handbook', 'search', { query: '文明', limit: 2 }))
    expect(page).toMatchObject({ version: 1, query: '文明', nextOffset: 2 })
    const next = expectOk(await cloud.as('alice').call('handbook', 'search', { query: '文明', offset: 2, limit: 2 }))
    expect(next.items.map((i) => i.sectionId).filter((id) => page.items.some((p) => p.sectionId === id))).toEqual([])
  })
})

describe('bookmarks', () => {
  test('setting a bookmark twice keeps one, listed newest first with titles', async () => {
    const alice = cloud.as('alice')
    expectOk(await alice.call('handbook', 'setBookmark', { chapterId: 'waste', sectionId: 'waste-kitchen', bookmarked: true }))
    cloud.clock.advance(1000)
    expectOk(await alice.call('handbook', 'setBookmark', { chapterId: 'dogs', sectionId: 'dogs-leash', bookmarked: true }))
    cloud.clock.advance(1000)
    expectOk(await alice.call('handbook', 'setBookmark', { chapterId: 'waste', sectionId: 'waste-kitchen', bookmarked: true }))
    const page = expectOk(await alice.call('handbook', 'bookmarks', {}))
    expect(page.items.map((b) => [b.sectionId, b.chapterTitle, b.sectionTitle])).toEqual([
      ['dogs-leash', '文明养犬', '牵绳与避让'],
      ['waste-kitchen', '垃圾分类', '厨余垃圾'],
    ])
    expect(page.nextOffset).toBeNull()
  })

  test('removing a bookmark removes it, and only for that person', async () => {
    const input = { chapterId: 'waste', sectionId: 'waste-kitchen', bookmarked: true }
    expectOk(await cloud.as('alice').call('handbook', 'setBookmark', input))
    expectOk(await cloud.as('bob').call('handbook', 'setBookmark', input))
    expectOk(await cloud.as('alice').call('handbook', 'setBookmark', { ...input, bookmarked: false }))
    expect(expectOk(await cloud.as('alice').call('handbook', 'bookmarks', {})).items).toEqual([])
    expect(expectOk(await cloud.as('bob').call('handbook', 'bookmarks', {})).items).toHaveLength(1)
  })

  test('a section that is not in that chapter is refused and nothing is written', async () => {
    await cloud.as('alice').call('handbook', 'toc', {})
    const before = await cloud.snapshot()
    const result = await cloud.as('alice').call('handbook', 'setBookmark', { chapterId: 'waste', sectionId: 'dogs-leash', bookmarked: true })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.SECTION_NOT_FOUND' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test("the reader asks for one chapter's bookmarks only", async () => {
    const alice = cloud.as('alice')
    expectOk(await alice.call('handbook', 'setBookmark', { chapterId: 'waste', sectionId: 'waste-kitchen', bookmarked: true }))
    expectOk(await alice.call('handbook', 'setBookmark', { chapterId: 'dogs', sectionId: 'dogs-leash', bookmarked: true }))
    const page = expectOk(await alice.call('handbook', 'bookmarks', { chapterId: 'dogs' }))
    expect(page.items.map((b) => b.sectionId)).toEqual(['dogs-leash'])
  })

  test('bookmarks page 20 at a time', async () => {
    const alice = cloud.as('alice')
    const toc = expectOk(await alice.call('handbook', 'toc', {}))
    const all = toc.chapters.flatMap((c) => c.sections.map((s) => ({ chapterId: c.id, sectionId: s.id })))
    for (const s of all) {
      cloud.clock.advance(10)
      expectOk(await alice.call('handbook', 'setBookmark', { ...s, bookmarked: true }))
    }
    const first = expectOk(await alice.call('handbook', 'bookmarks', {}))
    expect(first.items).toHaveLength(20)
    expect(first.nextOffset).toBe(20)
    const second = expectOk(await alice.call('handbook', 'bookmarks', { offset: 20 }))
    expect(second.items).toHaveLength(all.length - 20)
    expect(new Set([...first.items, ...second.items].map((b) => b.sectionId)).size).toBe(all.length)
  })
})

describe('reading progress', () => {
  test('a chapter is read once its last section is reached, and never unread again', async () => {
    const alice = cloud.as('alice')
    const opened = expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-registration' }))
    expect(opened).toMatchObject({ lastSectionId: 'dogs-registration', completed: false })
    const done = expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-cleanup' }))
    expect(done).toMatchObject({ completed: true, readSectionIds: ['dogs-registration', 'dogs-cleanup'] })
    const back = expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-leash' }))
    expect(back).toMatchObject({ lastSectionId: 'dogs-leash', completed: true })
  })

  test('saying "读完了" completes a chapter from any section', async () => {
    const done = expectOk(
      await cloud.as('alice').call('handbook', 'recordProgress', { chapterId: 'waste', sectionId: 'waste-recyclable', completed: true }),
    )
    expect(done.completed).toBe(true)
  })

  test('我的 shows chapters read, where to continue and how many bookmarks', async () => {
    const alice = cloud.as('alice')
    const empty = expectOk(await alice.call('handbook', 'myReading', {}))
    expect(empty).toMatchObject({ chaptersTotal: 11, chaptersCompleted: 0, last: null, bookmarkCount: 0 })

    expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-cleanup' }))
    cloud.clock.advance(60_000)
    expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'online', sectionId: 'online-rumors' }))
    expectOk(await alice.call('handbook', 'setBookmark', { chapterId: 'online', sectionId: 'online-fraud', bookmarked: true }))

    const reading = expectOk(await alice.call('handbook', 'myReading', {}))
    expect(reading).toMatchObject({
      chaptersCompleted: 1,
      bookmarkCount: 1,
      last: { chapterId: 'online', chapterTitle: '网络文明', sectionId: 'online-rumors', sectionTitle: '不信谣不传谣' },
    })
    expect(expectOk(await cloud.as('bob').call('handbook', 'myReading', {})).chaptersCompleted).toBe(0)
  })

  test('progress on an unknown section is refused and nothing is written', async () => {
    await cloud.as('alice').call('handbook', 'toc', {})
    const before = await cloud.snapshot()
    const result = await cloud.as('alice').call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-flying' })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.SECTION_NOT_FOUND' })
    expect(await cloud.snapshot()).toEqual(before)
  })
})

describe('publishing a new version from the office', () => {
  async function stageAndPublish(chapter: HandbookChapterContent, note = '更新文明交通') {
    const admin = cloud.as(TEST_ADMIN)
    const toc = expectOk(await admin.call('handbook', 'toc', {}))
    expectOk(await admin.call('handbook', 'stageChapter', { baseVersion: toc.version, chapter }))
    return expectOk(await admin.call('handbook', 'publish', { baseVersion: toc.version, note }))
  }

  test('a staged chapter waits as a draft until published', async () => {
    const admin = cloud.as(TEST_ADMIN)
    await admin.call('handbook', 'toc', {})
    const staged = expectOk(await admin.call('handbook', 'stageChapter', { baseVersion: 1, chapter: editedTraffic() }))
    expect(staged).toMatchObject({ chapterId: 'traffic', baseVersion: 1, isNew: false })
    expect(expectOk(await admin.call('handbook', 'drafts', {})).items.map((d) => d.chapterId)).toEqual(['traffic'])
    expect(expectOk(await admin.call('handbook', 'draft', { chapterId: 'traffic' }))).toEqual(editedTraffic())
    // residents still read version 1
    expect(expectOk(await cloud.as('alice').call('handbook', 'toc', {})).version).toBe(1)
  })

  test('publishing bumps the version; only the changed chapter gets a new revision', async () => {
    const toc = await stageAndPublish(editedTraffic())
    expect(toc.version).toBe(2)
    expect(toc.note).toBe('更新文明交通')
    const revisions = Object.fromEntries(toc.chapters.map((c) => [c.id, c.revision]))
    expect(revisions).toMatchObject({ traffic: 2, waste: 1, dining: 1 })
    const chapter = expectOk(await cloud.as('alice').call('handbook', 'chapter', { chapterId: 'traffic' }))
    expect(chapter).toMatchObject({ version: 2, revision: 2 })
    expect(chapter.sections[0].blocks[0]).toEqual({ type: 'paragraph', text: '新增：斑马线前请放慢脚步，礼让行人。' })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('handbook', 'drafts', {})).items).toEqual([])
  })

  test('search follows the new version at once', async () => {
    const before = expectOk(await cloud.as('alice').call('handbook', 'search', { query: '放慢脚步' }))
    expect(before.total).toBe(0)
    await stageAndPublish(editedTraffic())
    const after = expectOk(await cloud.as('alice').call('handbook', 'search', { query: '放慢脚步' }))
    expect(after).toMatchObject({ version: 2, total: 1 })
    expect(after.items[0].sectionId).toBe('traffic-pedestrian')
  })

  test('the history lists each version with what changed', async () => {
    await stageAndPublish(editedTraffic())
    const history = expectOk(await cloud.as(TEST_ADMIN).call('handbook', 'versions', {}))
    expect(history.items.map((v) => [v.version, v.source, v.changedChapters.length])).toEqual([
      [2, 'office', 1],
      [1, 'repo', 11],
    ])
  })

  test('publishing on a stale version is a conflict and changes nothing', async () => {
    await stageAndPublish(editedTraffic())
    const admin = cloud.as(TEST_ADMIN)
    expectOk(await admin.call('handbook', 'stageChapter', { baseVersion: 2, chapter: editedTraffic('再改一次。') }))
    const before = await cloud.snapshot()
    const result = await admin.call('handbook', 'publish', { baseVersion: 1, note: '旧版本上的修改' })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.VERSION_CONFLICT' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('two office staff publishing at once: one version wins, the other gets a conflict', async () => {
    const admin = cloud.as(TEST_ADMIN)
    expectOk(await admin.call('handbook', 'toc', {}))
    expectOk(await admin.call('handbook', 'stageChapter', { baseVersion: 1, chapter: editedTraffic() }))
    const results = await Promise.all([
      admin.call('handbook', 'publish', { baseVersion: 1, note: '甲' }),
      admin.call('handbook', 'publish', { baseVersion: 1, note: '乙' }),
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['HANDBOOK.VERSION_CONFLICT', 'ok'])
    expect(expectOk(await cloud.as('alice').call('handbook', 'toc', {})).version).toBe(2)
  })

  test('the publish transaction itself refuses a second publish on the same base', async () => {
    const base = await seedHandbook(cloud.platform)
    const request = { base, chapters: [...HANDBOOK_CONTENT.filter((c) => c.id !== 'traffic'), editedTraffic()], source: 'office' as const, publishedBy: TEST_ADMIN, note: '并发', repoEdition: 1 }
    const outcomes = await Promise.all([
      publishVersion(cloud.platform.db, cloud.clock, request),
      publishVersion(cloud.platform.db, cloud.clock, { ...request, note: '并发二' }),
    ])
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(1)
    expect((await readMeta(cloud.platform.db))?.version).toBe(2)
    const { total } = await cloud.platform.db.collection('handbook_versions').count()
    expect(total).toBe(2)
  })

  test('publishing with no drafts is refused', async () => {
    await cloud.as(TEST_ADMIN).call('handbook', 'toc', {})
    expect(await cloud.as(TEST_ADMIN).call('handbook', 'publish', { baseVersion: 1, note: '空' })).toMatchObject({
      ok: false,
      code: 'HANDBOOK.NO_DRAFTS',
    })
  })

  test('a fixed section cannot be dropped (quiz explanations link to it)', async () => {
    const chapter = shipped('traffic')
    chapter.sections = chapter.sections.filter((s) => s.id !== 'traffic-nonmotor')
    await cloud.as(TEST_ADMIN).call('handbook', 'toc', {})
    const before = await cloud.snapshot()
    const result = await cloud.as(TEST_ADMIN).call('handbook', 'stageChapter', { baseVersion: 1, chapter })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.FIXED_SECTION_MISSING' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('a section id already used by another chapter is refused', async () => {
    const chapter = shipped('traffic')
    chapter.sections.push({ ...shipped('dogs').sections[0] })
    await cloud.as(TEST_ADMIN).call('handbook', 'toc', {})
    const result = await cloud.as(TEST_ADMIN).call('handbook', 'stageChapter', { baseVersion: 1, chapter })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.DUPLICATE_SECTION' })
  })

  test('a new chapter with new sections can be added', async () => {
    const chapter: HandbookChapterContent = {
      id: 'winter-safety',
      title: '冬季安全',
      summary: '冰雪天气出行与用电安全',
      glyph: '冬',
      sections: [{ id: 'winter-ice', title: '冰雪出行', blocks: [{ type: 'paragraph', text: '雪天路滑，步行放慢速度。' }] }],
    }
    const toc = await stageAndPublish(chapter, '新增冬季安全')
    expect(toc.chapters.map((c) => c.id).slice(-1)).toEqual(['winter-safety'])
    expect(toc.chapters.find((c) => c.id === 'winter-safety')?.revision).toBe(2)
  })

  test('text that fails the content check is refused', async () => {
    await cloud.as(TEST_ADMIN).call('handbook', 'toc', {})
    const result = await cloud.as(TEST_ADMIN).call('handbook', 'stageChapter', {
      baseVersion: 1,
      chapter: editedTraffic(`请联系${BLOCKED_WORDS[3]}`),
    })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.CONTENT_REJECTED' })
  })

  /** A PNG the office uploads to a path it reserved; `mark` goes into the bytes after the signature. */
  async function illustration(openid: string = TEST_ADMIN, mark = ''): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'handbook', count: 1 }))
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(mark)])
    return (await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.png`, fileContent: png })).fileID
  }

  test('an illustration passes the image check and reaches readers as a URL', async () => {
    const fileID = await illustration()
    const chapter = { ...editedTraffic(), illustration: { fileID, alt: '斑马线前礼让行人' } }
    await stageAndPublish(chapter)
    const view = expectOk(await cloud.as('alice').call('handbook', 'chapter', { chapterId: 'traffic' }))
    expect(view.illustration).toEqual({ fileID, alt: '斑马线前礼让行人' })
    expect(view.illustrationUrl).toBe(`/api/storage/file/${fileID.replace('cloud://local.wenming/', '')}`)
    expect(view.illustrationUrl).toMatch(/^\/api\/storage\/file\/handbook\/\d{8}\/[0-9a-f]{24}\.png$/)
  })

  test('the published illustration can be staged again with the chapter; its upload was used once', async () => {
    const fileID = await illustration()
    await stageAndPublish({ ...editedTraffic(), illustration: { fileID, alt: '图' } })
    expect((await cloud.snapshot()).uploads).toEqual([])
    await stageAndPublish({ ...editedTraffic('再改一次'), illustration: { fileID, alt: '图' } }, '再次更新')
  })

  test('an illustration the office did not upload is refused', async () => {
    await cloud.as(TEST_ADMIN).call('handbook', 'toc', {})
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'second-admin', role: 'admin' }))
    const unreserved = 'cloud://local.wenming/handbook/traffic.png'
    await cloud.platform.storage.uploadFile({ cloudPath: 'handbook/traffic.png', fileContent: Buffer.from('89504e470d0a1a0a', 'hex') })
    const cases: Array<[string, string]> = [
      ['a path nobody reserved', unreserved],
      ['a file another office account uploaded', await illustration('second-admin')],
    ]
    for (const [label, fileID] of cases) {
      const result = await cloud.as(TEST_ADMIN).call('handbook', 'stageChapter', { baseVersion: 1, chapter: { ...editedTraffic(), illustration: { fileID, alt: '图' } } })
      expect({ label, result }).toMatchObject({ label, result: { ok: false, code: 'UPLOAD.NOT_YOURS' } })
    }
  })

  test('an illustration that fails the image check is refused', async () => {
    await cloud.as(TEST_ADMIN).call('handbook', 'toc', {})
    const chapter = { ...editedTraffic(), illustration: { fileID: await illustration(TEST_ADMIN, 'risky'), alt: '图' } }
    const result = await cloud.as(TEST_ADMIN).call('handbook', 'stageChapter', { baseVersion: 1, chapter })
    expect(result).toMatchObject({ ok: false, code: 'HANDBOOK.CONTENT_REJECTED' })
  })

  test('residents cannot stage or publish', async () => {
    expect(await cloud.as('alice').call('handbook', 'stageChapter', { baseVersion: 1, chapter: editedTraffic() })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
    expect(await cloud.as('alice').call('handbook', 'publish', { baseVersion: 1, note: 'x' })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })

  test('a draft can be discarded', async () => {
    const admin = cloud.as(TEST_ADMIN)
    await admin.call('handbook', 'toc', {})
    expectOk(await admin.call('handbook', 'stageChapter', { baseVersion: 1, chapter: editedTraffic() }))
    expect(expectOk(await admin.call('handbook', 'discardDraft', { chapterId: 'traffic' }))).toEqual({ chapterId: 'traffic', discarded: true })
    expect(expectOk(await admin.call('handbook', 'drafts', {})).items).toEqual([])
  })

  test('the office text survives a later seed; the repo never overwrites it', async () => {
    await stageAndPublish(editedTraffic())
    await seedHandbook(cloud.platform)
    const toc = expectOk(await cloud.as('alice').call('handbook', 'toc', {}))
    expect(toc.version).toBe(2)
  })
})
