import { formatProblems } from './checks/problem'
import { checkWxml, checkWxss } from './checks/wechat-compilers'
import { buildCopies, requireBuild } from './support/build-copy'

const copies = buildCopies()
afterEach(() => copies.removeAll())

describe("WeChat's WXML compiler (wcc)", () => {
  test('compiles every .wxml file of the real build', () => {
    expect(formatProblems(checkWxml(requireBuild()))).toBe('')
  })

  test('rejects a page whose WXML leaves a tag open, naming the page and the place', () => {
    const copy = copies.make()
    copy.write('pages/home/index.wxml', '<import src="../../base.wxml"/>\n<view><text>{{root.title}}</view>\n')
    expect(checkWxml(copy.dir)).toEqual([{ check: 'wcc', file: 'pages/home/index.wxml', message: expect.stringMatching(/^pages\/home\/index\.wxml:2:\d+: expect end-tag `text`/) }])
  })

  test('rejects a bad mustache in a subpackage page', () => {
    const copy = copies.make()
    copy.write('packages/quiz/pages/index/index.wxml', '<view>{{ root.a + }}</view>\n')
    expect(checkWxml(copy.dir)).toEqual([{ check: 'wcc', file: 'packages/quiz/pages/index/index.wxml', message: expect.stringContaining('Bad value') }])
  })

  test("rejects a broken utils.wxs once, though Taro's base.wxml loads it", () => {
    const copy = copies.make()
    copy.append('utils.wxs', '\nfunction broken( {\n')
    expect(checkWxml(copy.dir)).toEqual([{ check: 'wcc', file: 'utils.wxs', message: expect.stringMatching(/^utils\.wxs:\d+:\d+:/) }])
  })
})

describe("WeChat's WXSS compiler (wcsc)", () => {
  test('compiles every .wxss file of the real build with the files it imports', () => {
    expect(formatProblems(checkWxss(requireBuild()))).toBe('')
  })

  test('rejects a page style with an unclosed rule', () => {
    const copy = copies.make()
    copy.write('pages/home/index.wxss', '.wm-hero { color: #c8102e;\n')
    expect(checkWxss(copy.dir)).toEqual([{ check: 'wcsc', file: 'pages/home/index.wxss', message: expect.stringMatching(/^pages\/home\/index\.wxss\(\d+:\d+\): unexpected/) }])
  })

  test('rejects the universal selector, which WeChat does not support, in a subpackage’s shared style', () => {
    const copy = copies.make()
    copy.append('packages/quiz/sub-vendors.wxss', '\n* { box-sizing: border-box }\n')
    expect(checkWxss(copy.dir)).toEqual([{ check: 'wcsc', file: 'packages/quiz/sub-vendors.wxss', message: expect.stringContaining('unexpected token `*`') }])
  })

  test('rejects an @import of a file that is not in the build', () => {
    const copy = copies.make()
    copy.write('pages/mine/index.wxss', `@import "./gone.wxss";\n${copy.read('pages/mine/index.wxss')}`)
    expect(checkWxss(copy.dir)).toEqual([{ check: 'wcsc', file: 'pages/mine/index.wxss', message: 'path `./gone.wxss` not found from `pages/mine/index.wxss`.' }])
  })
})
