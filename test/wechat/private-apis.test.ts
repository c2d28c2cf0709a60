import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PRIVATE_INFO_APIS, checkPrivateApis, findPrivateApiUses, scanBuildForPrivateApis } from './checks/private-apis'
import { formatProblems } from './checks/problem'
import { buildCopies, requireBuild } from './support/build-copy'

const copies = buildCopies()
afterEach(() => copies.removeAll())

const apisIn = (source: string): string[] => findPrivateApiUses(source, 'probe.js').map((use) => use.api)

describe('the private-information API scan', () => {
  test('the real build calls only private-information APIs that app.json declares, with the location text', () => {
    expect(formatProblems(checkPrivateApis(requireBuild()))).toBe('')
  })

  test('it sees every API that app.json declares called somewhere in the build', () => {
    const appJson = JSON.parse(fs.readFileSync(path.join(requireBuild(), 'app.json'), 'utf8')) as { requiredPrivateInfos?: string[] }
    const called = new Set(scanBuildForPrivateApis(requireBuild()).map((use) => use.api))
    // a declared API nobody calls is one WeChat's review asks about; a scan that sees nothing would pass everything
    expect((appJson.requiredPrivateInfos ?? []).filter((api) => !called.has(api as (typeof PRIVATE_INFO_APIS)[number]))).toEqual([])
  })

  test("Taro's runtime table names private APIs as strings, which are not calls", () => {
    const taroRuntime = fs.readFileSync(path.join(requireBuild(), 'taro.js'), 'utf8')
    expect(taroRuntime).toContain('"getFuzzyLocation"')
    expect(taroRuntime).toContain('"getLocation"')
    expect(findPrivateApiUses(taroRuntime, 'taro.js')).toEqual([])
  })

  test('it knows exactly the APIs that WeChat’s own app.json schema accepts in requiredPrivateInfos', () => {
    // miniprogram-ci's copy of the schema DevTools checks app.json against
    const schema = createRequire(__filename)('miniprogram-ci/dist/schema/dist/app.js') as { properties: { requiredPrivateInfos: { items: { enum: string[] } } } }
    expect([...PRIVATE_INFO_APIS].sort()).toEqual([...schema.properties.requiredPrivateInfos.items.enum].sort())
  })

  test.each([
    ['a call through the Taro object', 'const e=await n().getFuzzyLocation({type:"wgs84"})', ['getFuzzyLocation']],
    ['a direct wx call', 'wx.chooseAddress({success(){}})', ['chooseAddress']],
    ['a computed member with the name as a string', 't["choosePoi"]({})', ['choosePoi']],
    ['optional chaining', 'a?.onLocationChange(cb)', ['onLocationChange']],
    ['a destructured API', 'const { startLocationUpdate: s } = Taro; s()', ['startLocationUpdate']],
    ['an API handed on uncalled', 'promisify(wx.startLocationUpdateBackground)', ['startLocationUpdateBackground']],
  ])('it finds %s', (_what, source, expected) => {
    expect(apisIn(source)).toEqual(expected)
  })

  test.each([
    ['a table of names', 'var apis=["getLocation","chooseLocation","getFuzzyLocation"]'],
    ['an object key', 'var o={getLocation:1,"chooseLocation":2}'],
    ['a polyfill that defines one', 'taro.getLocation=function(){}'],
    ['a name in a text', 'toast("wx.getLocation failed")'],
    ['a lookup by a variable name', 'apis.forEach(function(k){taro[k]=wx[k]})'],
  ])('it does not count %s as a call', (_what, source) => {
    expect(apisIn(source)).toEqual([])
  })

  test('without requiredPrivateInfos in app.json, the location calls of the build fail the scan', () => {
    const copy = copies.make()
    copy.editJson('app.json', (app) => {
      delete app.requiredPrivateInfos
    })
    const messages = checkPrivateApis(copy.dir).map((p) => p.message)
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^calls getLocation .*does not declare it$/), expect.stringMatching(/^calls chooseLocation .*does not declare it$/)]))
  })

  test('a page that calls an undeclared private API fails the scan, naming the page', () => {
    const copy = copies.make()
    copy.append('pages/mine/index.js', '\n;wx.chooseAddress({success:function(a){console.log(a.userName)}});\n')
    expect(checkPrivateApis(copy.dir)).toEqual([
      { check: 'private-apis', file: 'pages/mine/index.js', message: expect.stringMatching(/^calls chooseAddress \(at pages\/mine\/index\.js:\d+:\d+\) but app\.json requiredPrivateInfos does not declare it$/) },
    ])
  })

  test('a subpackage page that calls one through Taro with the name as a string fails the scan', () => {
    const copy = copies.make()
    copy.append('packages/quiz/pages/index/index.js', '\n;n()["startLocationUpdate"]({});\n')
    expect(checkPrivateApis(copy.dir).map((p) => p.file)).toEqual(['packages/quiz/pages/index/index.js'])
  })

  test('a location API without a permission text fails the scan', () => {
    const copy = copies.make()
    copy.editJson('app.json', (app) => {
      app.permission = { 'scope.userLocation': { desc: '  ' } }
    })
    expect(checkPrivateApis(copy.dir).map((p) => p.message)).toEqual([expect.stringContaining('permission["scope.userLocation"].desc is not a non-empty text')])
  })

  test('getFuzzyLocation declared beside getLocation fails the scan', () => {
    const copy = copies.make()
    copy.editJson('app.json', (app) => {
      app.requiredPrivateInfos = ['getLocation', 'chooseLocation', 'getFuzzyLocation']
    })
    expect(checkPrivateApis(copy.dir).map((p) => p.message)).toEqual([expect.stringContaining('declares getFuzzyLocation together with getLocation')])
  })
})
