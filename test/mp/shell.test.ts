/** @jest-environment jsdom */
import { hasClass, respond } from './canned-cloud'
import { loadMiniProgram, WEAPP_DIST, type MiniProgram } from './harness'

const DIST = WEAPP_DIST


describe('the shell at work', () => {
  let mp: MiniProgram

  beforeAll(() => {
    mp = loadMiniProgram(DIST, respond)
  })

  test('我的 shows the profile returned by the user cloud function', async () => {
    const page = mp.openPage('pages/mine/index')
    await page.until(() => page.text().includes('测试居民老李'), 'the profile')
    expect(mp.cloudCalls).toContainEqual({ name: 'user', action: 'me', data: {} })
    const text = page.text()
    expect(text).toContain('测试居民老李')
    expect(text).toContain('网格员')
    expect(text).toContain('36')
  })

  test('首页 shows the workbench of a grid worker and not the others', async () => {
    const page = mp.openPage('pages/home/index')
    await page.until(() => page.text().includes('网格员工作台'), 'the workbench')
    await page.settle()
    const text = page.text()
    expect(text).toContain('网格员工作台')
    expect(text).not.toContain('处置工作台')
    expect(text).not.toContain('文明办工作台')
    expect(text).not.toContain('教师工作台')
    // every resident journey has its tile, the two newest included
    for (const tile of ['随手拍', '小手拉大手', '身边好人', '民意调查']) expect(text).toContain(tile)
  })

  test('the large-text switch in 我的 scales the page and tells the server', async () => {
    const page = mp.openPage('pages/mine/index')
    await page.until(() => page.text().includes('测试居民老李'), 'the profile')
    expect(page.find(hasClass('wm-shell--large'))).toBeNull()
    page.tap('wm-large-text')
    await page.until(() => page.find(hasClass('wm-shell--large')) !== null, 'the large-text class')
    await page.until(() => mp.cloudCalls.some((c) => c.action === 'updateProfile'), 'the settings call')
    await page.settle()
    expect(page.find(hasClass('wm-shell--large'))).not.toBeNull()
    expect(mp.cloudCalls).toContainEqual({ name: 'user', action: 'updateProfile', data: { settings: { largeText: true } } })
    // the choice outlives the page: it is in storage for the next launch
    expect(mp.storage.get('wm:settings')).toEqual({ largeText: true, unsynced: false })
    page.tap('wm-large-text')
    await page.until(() => page.find(hasClass('wm-shell--large')) === null, 'the normal-text class')
  })

  test('a privacy request shows the popup with an agree button WeChat can check', async () => {
    const page = mp.openPage('pages/report/index')
    await page.settle()
    const answers = await mp.requestPrivacy('getLocation')
    await page.until(() => page.text().includes('隐私保护提示'), 'the privacy popup')
    expect(page.text()).toContain('隐私保护提示')
    const agree = page.find((node) => node.uid === 'wm-privacy-agree')
    expect(JSON.stringify(agree)).toContain('agreePrivacyAuthorization')
    expect(answers).toEqual([{ event: 'exposureAuthorization' }])
    page.fire('agreeprivacyauthorization', 'wm-privacy-agree')
    await page.until(() => answers.length === 2, 'the agree answer')
    await page.until(() => !page.text().includes('隐私保护提示'), 'the popup to close')
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'wm-privacy-agree' }])
    expect(page.text()).not.toContain('隐私保护提示')
  })

  test('a poster scene shows "正在打开…", then goes home with a gentle message', async () => {
    const page = mp.openPage('pages/entry/index', { scene: encodeURIComponent('p8kQ2') })
    await page.until(() => page.text().includes('正在打开'), 'the opening notice')
    await page.until(() => mp.navigations.at(-1)?.kind === 'switchTab', 'the switch to home')
    expect(mp.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/home/index' })
    const home = mp.openPage('pages/home/index')
    await home.until(() => home.text().includes('公益广告'), 'the poster notice')
  })

  test('a shift check-in scene opens the check-in page with the shift', async () => {
    // a page opened again is mounted on the next tick
    const before = mp.navigations.length
    const entry = mp.openPage('pages/entry/index', { scene: encodeURIComponent('cS1a.4f9k2Qx') })
    await entry.until(() => mp.navigations.length > before, 'a navigation')
    expect(mp.navigations.at(-1)).toEqual({
      kind: 'redirectTo',
      url: '/packages/volunteer/pages/checkin/index?shiftId=S1a&token=4f9k2Qx',
    })
  })

  test('a class-join scene opens 小手拉大手 with the join code', async () => {
    const before = mp.navigations.length
    const entry = mp.openPage('pages/entry/index', { scene: 'sK7P3QD' })
    await entry.until(() => mp.navigations.length > before, 'a navigation')
    expect(mp.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/packages/family/pages/index/index?joinCode=K7P3QD' })
  })

  test.each([['x123'], ['%E0%A4%A'], ['']])('an unknown or garbled scene %p goes home with a gentle message', async (scene) => {
    const before = mp.navigations.length
    const entry = mp.openPage('pages/entry/index', { scene })
    await entry.until(() => mp.navigations.length > before, 'a navigation')
    expect(mp.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/home/index' })
    const home = mp.openPage('pages/home/index')
    await home.until(() => home.text().includes('已为您打开首页'), 'the gentle message')
  })
})
