import { recordFollowUp, ATTRIBUTION_WINDOW_MS } from '@/cloud/domain/entry/follow-up'
import { shanghaiDay } from '@/cloud/domain/entry/day'
import { BLOCKED_WORDS } from '@/cloud/platform/local/open-api'
import type { PosterTarget } from '@/shared/contract'
import { decodeScene } from '@/shared/scene'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

const PLACE = { address: '文明路与人民路口公交站', lat: 30.278, lng: 120.15 }
let requestSeq = 0

async function register(target: PosterTarget, title = '文明城市你我共建') {
  requestSeq += 1
  return expectOk(await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', { title, place: PLACE, target, requestId: `req-${requestSeq}` }))
}

const HOUR = 60 * 60 * 1000

describe('registering a poster', () => {
  test('gives a short scene the entry page decodes back to the poster, and a real code image in storage', async () => {
    const poster = await register({ kind: 'report' })
    expect(poster.scene.length).toBeLessThanOrEqual(32)
    expect(decodeScene(poster.scene)).toEqual({ ok: true, scene: { kind: 'poster', posterId: poster.id } })
    expect(cloud.platform.openApi.outbox).toContainEqual(expect.objectContaining({ api: 'wxacode.getUnlimited', scene: poster.scene, page: 'pages/entry/index' }))
    expect(poster.codeFileID).toMatch(/^cloud:\/\//)
    expect(poster.codeUrl).toMatch(/^\/api\/storage\/file\/posters\//)
    const { fileContent } = await cloud.platform.storage.downloadFile({ fileID: poster.codeFileID ?? '' })
    expect(fileContent.subarray(1, 4).toString('ascii')).toBe('PNG')
  })

  test('retrying the same request returns the same poster', async () => {
    const input = { title: '文明养犬', place: PLACE, target: { kind: 'dailyQuiz' as const }, requestId: 'same-request' }
    const first = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', input))
    const again = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', input))
    expect(again.id).toBe(first.id)
    expect((await cloud.platform.db.collection('posters').count()).total).toBe(1)
  })

  test('a chapter target must exist in the handbook', async () => {
    const before = await cloud.snapshot()
    const result = await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', {
      title: '海报',
      place: PLACE,
      target: { kind: 'chapter', chapterId: 'waste', sectionId: 'dogs-leash' },
      requestId: 'bad-target',
    })
    expect(result).toMatchObject({ ok: false, code: 'ENTRY.CHAPTER_UNKNOWN' })
    const after = await cloud.snapshot()
    expect(after.posters).toEqual(before.posters)
  })

  test('a title that fails the content check is refused', async () => {
    const result = await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', {
      title: `${BLOCKED_WORDS[2]}海报`,
      place: PLACE,
      target: { kind: 'report' },
      requestId: 'rude',
    })
    expect(result).toMatchObject({ ok: false, code: 'ENTRY.TITLE_REJECTED' })
  })

  test('only the office registers posters', async () => {
    const result = await cloud.as('alice').call('entry', 'registerPoster', { title: 'x', place: PLACE, target: { kind: 'report' }, requestId: 'r' })
    expect(result).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})

describe('scanning: where each kind of poster leads', () => {
  test.each<[string, PosterTarget, RegExp]>([
    ['report form with the place', { kind: 'report' }, /^\/pages\/report\/index\?poster=[A-Z0-9]+&lat=30\.278&lng=120\.15&address=%E6%96%87/],
    ['handbook section', { kind: 'chapter', chapterId: 'waste', sectionId: 'waste-kitchen' }, /^\/packages\/handbook\/pages\/index\/index\?chapter=waste&section=waste-kitchen$/],
    ['handbook chapter', { kind: 'chapter', chapterId: 'dogs' }, /^\/packages\/handbook\/pages\/index\/index\?chapter=dogs$/],
    ['daily quiz', { kind: 'dailyQuiz' }, /^\/packages\/quiz\/pages\/index\/index\?mode=daily$/],
    ['activity', { kind: 'activity', activityId: 'act-42' }, /^\/packages\/volunteer\/pages\/activity\/index\?id=act-42$/],
  ])('%s', async (_label, target, url) => {
    const poster = await register(target)
    const scan = expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    expect(scan).toMatchObject({ posterId: poster.id, title: poster.title, target, firstToday: true })
    expect(scan.url).toMatch(url)
  })

  test('an unknown poster is a gentle failure that counts nothing', async () => {
    const before = await cloud.snapshot()
    const result = await cloud.as('alice').call('entry', 'scan', { posterId: 'NOSUCH42' })
    expect(result).toMatchObject({ ok: false, code: 'ENTRY.POSTER_UNKNOWN' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('a retired poster is a gentle failure that counts nothing; re-activated it works again', async () => {
    const poster = await register({ kind: 'dailyQuiz' })
    expectOk(await cloud.as(TEST_ADMIN).call('entry', 'setPosterStatus', { posterId: poster.id, status: 'retired' }))
    const before = await cloud.snapshot()
    expect(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id })).toMatchObject({ ok: false, code: 'ENTRY.POSTER_RETIRED' })
    expect(await cloud.snapshot()).toEqual(before)
    expectOk(await cloud.as(TEST_ADMIN).call('entry', 'setPosterStatus', { posterId: poster.id, status: 'active' }))
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
  })

  test('a malformed poster id is invalid input', async () => {
    expect(await cloud.as('alice').raw('entry', { action: 'scan', data: { posterId: 'p 1' } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })

  test('the report form can read the poster place through entry.poster', async () => {
    const poster = await register({ kind: 'report' })
    expect(expectOk(await cloud.as('alice').call('entry', 'poster', { posterId: poster.id }))).toEqual({
      id: poster.id,
      title: poster.title,
      place: PLACE,
      target: { kind: 'report' },
      status: 'active',
    })
  })
})

describe('counting scans', () => {
  test('every scan counts; people count once a day and once in total', async () => {
    const poster = await register({ kind: 'dailyQuiz' })
    const scan = (who: string) => cloud.as(who).call('entry', 'scan', { posterId: poster.id })
    expect(expectOk(await scan('alice')).firstToday).toBe(true)
    expect(expectOk(await scan('alice')).firstToday).toBe(false)
    expectOk(await scan('bob'))
    cloud.clock.advance(24 * HOUR)
    expectOk(await scan('alice'))

    const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
    const today = shanghaiDay(cloud.clock.now())
    const yesterday = shanghaiDay(cloud.clock.now() - 24 * HOUR)
    expect(stats.days.map((d) => [d.day, d.scans, d.people])).toEqual([
      [today, 1, 1],
      [yesterday, 3, 2],
    ])
    expect(stats.poster.totals).toMatchObject({ scans: 4, people: 2 })
    expect(stats.poster.today).toMatchObject({ scans: 1, people: 1 })
  })

  test('concurrent scans lose no count and count a person once', async () => {
    const poster = await register({ kind: 'dailyQuiz' })
    await Promise.all([
      ...Array.from({ length: 10 }, () => cloud.as('alice').call('entry', 'scan', { posterId: poster.id })),
      ...Array.from({ length: 10 }, (_, i) => cloud.as(`visitor-${i}`).call('entry', 'scan', { posterId: poster.id })),
    ])
    const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
    expect(stats.days[0]).toMatchObject({ scans: 20, people: 11 })
    expect(stats.poster.totals).toMatchObject({ scans: 20, people: 11 })
  })

  test('days are Shanghai days: 23:30 and 00:30 Beijing time are two days', async () => {
    const poster = await register({ kind: 'dailyQuiz' })
    cloud.clock.set(Date.UTC(2026, 10, 25, 15, 30)) // 23:30 in Shanghai
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    cloud.clock.advance(HOUR) // 00:30 the next day
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
    expect(stats.days.map((d) => [d.day, d.people])).toEqual([
      ['2026-11-26', 1],
      ['2026-11-25', 1],
    ])
  })

  test('the office list shows totals and today, newest first, paged', async () => {
    const older = await register({ kind: 'report' }, '较早的海报')
    cloud.clock.advance(1000)
    const newer = await register({ kind: 'dailyQuiz' }, '较新的海报')
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: older.id }))
    const list = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posters', {}))
    expect(list.items.map((p) => p.id)).toEqual([newer.id, older.id])
    expect(list.items[1]).toMatchObject({ totals: { scans: 1 }, today: { scans: 1, people: 1 } })
    expect(list.nextOffset).toBeNull()
    const retired = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posters', { status: 'retired' }))
    expect(retired.items).toEqual([])
  })
})

describe('what people do after scanning', () => {
  test('reading a chapter within 24 hours counts once for the scanned poster', async () => {
    const poster = await register({ kind: 'chapter', chapterId: 'waste' })
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    expectOk(await cloud.as('alice').call('handbook', 'recordProgress', { chapterId: 'waste', sectionId: 'waste-four-categories' }))
    expectOk(await cloud.as('alice').call('handbook', 'recordProgress', { chapterId: 'waste', sectionId: 'waste-recyclable' }))
    const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
    expect(stats.days[0]).toMatchObject({ scans: 1, people: 1, chapters: 1 })
    expect(stats.poster.totals.chapters).toBe(1)
  })

  test('reading without a scan, or after 24 hours, counts for no poster', async () => {
    const poster = await register({ kind: 'chapter', chapterId: 'waste' })
    expectOk(await cloud.as('bob').call('handbook', 'recordProgress', { chapterId: 'waste', sectionId: 'waste-kitchen' }))
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    cloud.clock.advance(ATTRIBUTION_WINDOW_MS + 1)
    expectOk(await cloud.as('alice').call('handbook', 'recordProgress', { chapterId: 'waste', sectionId: 'waste-kitchen' }))
    const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
    expect(stats.days[0].chapters).toBe(0)
  })

  test('reports and quizzes recorded by their areas count per kind, once per scan', async () => {
    const poster = await register({ kind: 'report' })
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    cloud.clock.advance(2 * HOUR)
    const ctx = { db: cloud.platform.db, clock: cloud.clock }
    expect(await recordFollowUp(ctx, 'alice', 'report')).toBe(true)
    expect(await recordFollowUp(ctx, 'alice', 'report')).toBe(false)
    expect(await recordFollowUp(ctx, 'alice', 'quiz')).toBe(true)
    expect(await recordFollowUp(ctx, 'bob', 'quiz')).toBe(false)
    const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
    expect(stats.days[0]).toMatchObject({ reports: 1, quizzes: 1, chapters: 0 })
  })

  test('concurrent follow-ups of one kind count once', async () => {
    const poster = await register({ kind: 'report' })
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
    const ctx = { db: cloud.platform.db, clock: cloud.clock }
    const counted = await Promise.all(Array.from({ length: 8 }, () => recordFollowUp(ctx, 'alice', 'report')))
    expect(counted.filter(Boolean)).toHaveLength(1)
  })

  test('the latest poster scanned gets the credit', async () => {
    const first = await register({ kind: 'report' }, '第一张')
    const second = await register({ kind: 'dailyQuiz' }, '第二张')
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: first.id }))
    expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: second.id }))
    await recordFollowUp({ db: cloud.platform.db, clock: cloud.clock }, 'alice', 'quiz')
    const a = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: first.id }))
    const b = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: second.id }))
    expect([a.days[0].quizzes, b.days[0].quizzes]).toEqual([0, 1])
  })
})

describe('office edits', () => {
  test('changing the target keeps the code and leaves no field of the old target behind', async () => {
    const poster = await register({ kind: 'chapter', chapterId: 'waste', sectionId: 'waste-kitchen' })
    const updated = expectOk(
      await cloud.as(TEST_ADMIN).call('entry', 'updatePoster', { posterId: poster.id, target: { kind: 'activity', activityId: 'act-1' } }),
    )
    expect(updated.target).toEqual({ kind: 'activity', activityId: 'act-1' })
    expect(updated.scene).toBe(poster.scene)
    expect(updated.codeFileID).toBe(poster.codeFileID)
  })

  test('posterCode regenerates a missing code', async () => {
    const poster = await register({ kind: 'report' })
    await cloud.platform.db.collection('posters').doc(poster.id).update({ data: { codeFileID: null } })
    const view = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterCode', { posterId: poster.id }))
    expect(view.codeUrl).toMatch(/posters\//)
  })
})
