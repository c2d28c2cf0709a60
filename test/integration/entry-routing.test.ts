import { decideEntry, posterRoute, sceneRoute, type Route } from '@/features/entry/decide'
import type { PosterTarget } from '@/shared/contract'
import { encodeScene } from '@/shared/scene'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

/**
 * The entry page's decisions against the real entry function: a scanned scene is decoded with the
 * shared codec, a poster scan goes through `entry.scan`, and the answer becomes a navigation.
 */
let cloud: TestCloud
beforeAll(() => {
  cloud = startTestCloud()
})
afterAll(() => cloud.close())

const PLACE = { address: '文明路 88 号', lat: 30.2765, lng: 120.1468 }
let seq = 0

/** What the entry page does with a raw `scene` from the launch options, as alice. */
async function scanAsAlice(rawScene: string | undefined): Promise<Route> {
  const decision = decideEntry(rawScene)
  if (!decision.scene) return { go: 'home', message: decision.message }
  if (decision.scene.kind !== 'poster') return sceneRoute(decision.scene)
  return posterRoute(await cloud.as('alice').call('entry', 'scan', { posterId: decision.scene.posterId }))
}

async function posterScene(target: PosterTarget): Promise<string> {
  seq += 1
  const poster = expectOk(
    await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', { title: '文明海报', place: PLACE, target, requestId: `routing-${seq}` }),
  )
  // WeChat hands the scene to the page URI-encoded
  return encodeURIComponent(poster.scene)
}

test.each<[string, PosterTarget, Route['go'], RegExp]>([
  ['the report form (a tab page: reLaunch keeps the query)', { kind: 'report' }, 'reLaunch', /^\/pages\/report\/index\?poster=\w+&lat=30\.2765&lng=120\.1468&address=/],
  ['a handbook section', { kind: 'chapter', chapterId: 'waste', sectionId: 'waste-kitchen' }, 'redirectTo', /^\/packages\/handbook\/pages\/index\/index\?chapter=waste&section=waste-kitchen$/],
  ['the daily quiz', { kind: 'dailyQuiz' }, 'redirectTo', /^\/packages\/quiz\/pages\/index\/index\?mode=daily$/],
  ['an activity', { kind: 'activity', activityId: 'act-7' }, 'redirectTo', /^\/packages\/volunteer\/pages\/activity\/index\?id=act-7$/],
])('a poster for %s opens it', async (_label, target, go, url) => {
  const route = await scanAsAlice(await posterScene(target))
  expect(route.go).toBe(go)
  expect(route.go !== 'home' && route.url).toMatch(url)
})

test('a shift check-in scene opens the check-in page with its token', async () => {
  expect(await scanAsAlice(encodeScene({ kind: 'checkIn', shiftId: 'S1a', token: '4f9k2Qx' }))).toEqual({
    go: 'redirectTo',
    url: '/packages/volunteer/pages/checkin/index?shiftId=S1a&token=4f9k2Qx',
  })
})

test('a class-join scene opens 小手拉大手 with the code', async () => {
  expect(await scanAsAlice('sK7P3QD')).toEqual({ go: 'redirectTo', url: '/packages/family/pages/index/index?joinCode=K7P3QD' })
})

test('an unknown poster goes home with the gentle message', async () => {
  expect(await scanAsAlice('pNOSUCH99')).toEqual({ go: 'home', message: '没有找到这张公益广告，已为您打开首页。您可以从首页进入各项服务。' })
})

test('a retired poster goes home with the gentle message', async () => {
  const scene = await posterScene({ kind: 'dailyQuiz' })
  const posterId = decodeURIComponent(scene).slice(1)
  expectOk(await cloud.as(TEST_ADMIN).call('entry', 'setPosterStatus', { posterId, status: 'retired' }))
  const route = await scanAsAlice(scene)
  expect(route).toMatchObject({ go: 'home', message: expect.stringContaining('活动已经结束') })
})

test.each([
  ['no scene', undefined, '没有读到二维码信息'],
  ['an unknown kind', 'x123', '暂不支持这种二维码'],
  ['a garbled encoding', '%E0%A4%A', '二维码内容不完整或已损坏'],
  ['characters WeChat never sends', 'p海报', '无法识别的字符'],
  ['a poster id too long', `p${'A'.repeat(40)}`, '二维码内容过长'],
])('%s goes home with a gentle message and records nothing', async (_label, scene, words) => {
  const before = await cloud.snapshot()
  const route = await scanAsAlice(scene)
  expect(route).toEqual({ go: 'home', message: expect.stringContaining(words) })
  expect(route.go === 'home' && route.message).toContain('已为您打开首页')
  expect(await cloud.snapshot()).toEqual(before)
})

test('an unreachable server still lands on home, saying so', () => {
  const route = posterRoute({ ok: false, code: 'NETWORK.OFFLINE', message: '网络不可用，请检查网络后重试' })
  expect(route).toEqual({ go: 'home', message: expect.stringContaining('网络不可用') })
})
