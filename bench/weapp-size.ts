/**
 * Sizes of the compiled mini-program in dist/: the main package is everything outside the
 * subpackage roots listed in app.json. `tsx bench/weapp-size.ts --max-main-kb 1536` exits 1 when
 * the main package is over the limit (CI uses it).
 */
import fs from 'node:fs'
import path from 'node:path'

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

export function measureWeapp(dist = path.resolve(__dirname, '..', 'dist')): WeappSizes {
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

if (require.main === module) {
  const sizes = measureWeapp()
  console.log(`weapp main package ${kb(sizes.mainBytes)}, total ${kb(sizes.totalBytes)}`)
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`  subpackage ${root}: ${kb(bytes)}`)
  const flag = process.argv.indexOf('--max-main-kb')
  if (flag > 0) {
    const limit = Number(process.argv[flag + 1]) * 1024
    if (sizes.mainBytes > limit) {
      console.error(`main package ${kb(sizes.mainBytes)} is over ${kb(limit)}`)
      process.exit(1)
    }
  }
}
