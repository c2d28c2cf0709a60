/** @jest-environment jsdom */
import fs from 'node:fs'
import path from 'node:path'
import { hasClass, respond } from './canned-cloud'
import { allPageRoutes, loadMiniProgram, payloadBytes, readAppJson, WEAPP_DIST, type MiniProgram, type TaroNode } from './harness'

const DIST = WEAPP_DIST
const REPORT = path.resolve(__dirname, '../../test-results/mp/setdata-bytes.json')
const FIRST_RENDER_LIMIT = 64 * 1024

const TAB_PAGES = ['pages/home/index', 'pages/report/index', 'pages/volunteer/index', 'pages/mine/index']
const SUBPACKAGE_ROOTS = ['packages/quiz', 'packages/handbook', 'packages/volunteer', 'packages/reports', 'packages/office']


describe('app.json of the compiled mini-program', () => {
  const appJson = readAppJson(DIST)

  test('turns on WeChat privacy checks', () => {
    expect(appJson.__usePrivacyCheck__).toBe(true)
  })

  test('has the four tab pages, in order, in the main package, each with an icon pair', () => {
    const tabs = appJson.tabBar?.list ?? []
    expect(tabs.map((tab) => tab.pagePath)).toEqual(TAB_PAGES)
    for (const tab of tabs) {
      expect(appJson.pages).toContain(tab.pagePath)
      expect(fs.existsSync(path.join(DIST, tab.iconPath ?? 'missing'))).toBe(true)
      expect(fs.existsSync(path.join(DIST, tab.selectedIconPath ?? 'missing'))).toBe(true)
    }
  })

  test('keeps the QR entry page in the main package', () => {
    expect(appJson.pages).toContain('pages/entry/index')
  })

  test('declares the journey subpackages', () => {
    const roots = (appJson.subPackages ?? []).map((pkg) => pkg.root)
    expect(roots).toEqual(expect.arrayContaining(SUBPACKAGE_ROOTS))
  })
})

const depthOf = (node: TaroNode | undefined): number => (node ? 1 + Math.max(0, ...(node.cn ?? []).map(depthOf)) : 0)

describe('every page of the compiled mini-program', () => {
  let mp: MiniProgram
  const firstRender: Record<string, { setDataCalls: number; bytes: number; largestCall: number; depth: number }> = {}

  beforeAll(() => {
    mp = loadMiniProgram(DIST, respond)
  })

  afterAll(() => {
    fs.mkdirSync(path.dirname(REPORT), { recursive: true })
    fs.writeFileSync(REPORT, JSON.stringify(firstRender, null, 2))
  })

  test.each(allPageRoutes(readAppJson(DIST)))('%s renders without errors, with content, in ≤ 64 KB of setData', async (route) => {
    const errorsBefore = mp.errors.length
    const page = mp.openPage(route)
    // the first render includes the answer to `user.me` (a stubbed callFunction, one tick away)
    await page.settle()
    const bytes = page.updates.reduce((sum, patch) => sum + payloadBytes(patch), 0)
    firstRender[route] = {
      setDataCalls: page.updates.length,
      bytes,
      largestCall: Math.max(0, ...page.updates.map(payloadBytes)),
      // nesting of the render tree: past app.json's template depth (config baseLevel) Taro renders
      // through its recursive `comp` component, which works but costs a component per subtree
      depth: depthOf(page.tree()),
    }
    expect(mp.errors.slice(errorsBefore)).toEqual([])
    expect(page.updates.length).toBeGreaterThan(0)
    expect(page.text().trim().length).toBeGreaterThan(0)
    expect(page.find(hasClass('wm-shell'))).not.toBeNull()
    expect(bytes).toBeLessThanOrEqual(FIRST_RENDER_LIMIT)
  })
})
