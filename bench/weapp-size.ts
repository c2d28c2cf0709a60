/**
 * Sizes of the compiled mini-program in dist/ (or WM_WEAPP_DIST): the main package is everything
 * outside the subpackage roots listed in app.json. `tsx bench/weapp-size.ts --max-main-kb 450
 * --max-sub-kb 500` exits 1 when a package is over its limit (CI uses it). It also prints what a
 * resident downloads from each kind of QR code: the main package (the entry page lives there) plus
 * the subpackage of the page the code opens.
 */
import { FRONTAGE_PAGE } from '../src/shared/frontage-url'
import fs from 'node:fs'
import path from 'node:path'
import { targetUrl } from '../src/cloud/domain/entry/posters'
import { CLASS_JOIN_PATH, SHIFT_CHECK_IN_PATH } from '../src/features/entry/decide'

export interface WeappSizes {
  mainBytes: number
  totalBytes: number
  subpackages: Record<string, number>
}

function sizeOf(target: string): number {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.size
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0)
}

export const WEAPP_DIST = path.resolve(__dirname, '..', process.env.WM_WEAPP_DIST ?? 'dist')

export function measureWeapp(dist = WEAPP_DIST): WeappSizes {
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const subpackages = Object.fromEntries(roots.map((root) => [root, sizeOf(path.join(dist, root))]))
  const totalBytes = sizeOf(dist)
  const mainBytes = totalBytes - Object.values(subpackages).reduce((a, b) => a + b, 0)
  return { mainBytes, totalBytes, subpackages }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const place = { address: '文明路 1 号', lat: 30.27, lng: 120.15 }
/** Every kind of code on a poster or a screen, and the page it opens. */
const ENTRY_TARGETS: Array<{ code: string; url: string }> = [
  { code: '公益广告 → 随手拍', url: targetUrl({ _id: 'P1', place, target: { kind: 'report' } }) },
  { code: '公益广告 → 手册章节', url: targetUrl({ _id: 'P1', place, target: { kind: 'chapter', chapterId: 'c1' } }) },
  { code: '公益广告 → 每日答题', url: targetUrl({ _id: 'P1', place, target: { kind: 'dailyQuiz' } }) },
  { code: '公益广告 → 志愿活动', url: targetUrl({ _id: 'P1', place, target: { kind: 'activity', activityId: 'a1' } }) },
  { code: '班次签到码', url: SHIFT_CHECK_IN_PATH },
  { code: '班级邀请码', url: CLASS_JOIN_PATH },
  // 一店一码: a resident scanning a shop's door
  { code: '门店码', url: FRONTAGE_PAGE },
]

/** main + the subpackage holding the page, for each code */
export function entryDownloads(sizes: WeappSizes): Array<{ code: string; page: string; downloadKb: string }> {
  return ENTRY_TARGETS.map(({ code, url }) => {
    const page = url.split('?')[0].replace(/^\//, '')
    const root = Object.keys(sizes.subpackages).find((r) => page.startsWith(`${r}/`))
    return { code, page, downloadKb: kb(sizes.mainBytes + (root ? sizes.subpackages[root] : 0)) }
  })
}

function limitOf(flag: string): number | null {
  const at = process.argv.indexOf(flag)
  return at > 0 ? Number(process.argv[at + 1]) * 1024 : null
}

if (require.main === module) {
  const sizes = measureWeapp()
  console.log(`weapp main package ${kb(sizes.mainBytes)}, total ${kb(sizes.totalBytes)}`)
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`  subpackage ${root}: ${kb(bytes)}`)
  console.log("what a scan downloads (main + the target page's subpackage):")
  console.table(entryDownloads(sizes))
  const maxMain = limitOf('--max-main-kb')
  const maxSub = limitOf('--max-sub-kb')
  const over = [
    ...(maxMain !== null && sizes.mainBytes > maxMain ? [`main package ${kb(sizes.mainBytes)} is over ${kb(maxMain)}`] : []),
    ...Object.entries(sizes.subpackages)
      .filter(([, bytes]) => maxSub !== null && bytes > maxSub)
      .map(([root, bytes]) => `subpackage ${root} ${kb(bytes)} is over ${kb(maxSub ?? 0)}`),
  ]
  for (const line of over) console.error(line)
  if (over.length > 0) process.exit(1)
}
