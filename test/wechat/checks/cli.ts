/**
 * `npx tsx test/wechat/checks/cli.ts [check…] [--dist <dir>]`: WeChat's checks on a weapp build
 * (default WM_WEAPP_DIST or dist/), all of them or the ones named; exit 1 when any finds a problem.
 */
import fs from 'node:fs'
import path from 'node:path'
import { WEAPP_DIST } from '../../mp/harness'
import { CHECK_NAMES, CHECKS, isCheckName } from './index'
import { formatProblems } from './problem'

function main(argv: string[]): number {
  const named = [...argv]
  let distDir = WEAPP_DIST
  const distFlag = named.indexOf('--dist')
  if (distFlag >= 0) {
    distDir = path.resolve(named[distFlag + 1] ?? '')
    named.splice(distFlag, 2)
  }
  const unknown = named.filter((name) => !isCheckName(name))
  if (unknown.length > 0) {
    console.error(`unknown check ${unknown.join(', ')}; the checks are ${CHECK_NAMES.join(', ')}`)
    return 2
  }
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error(`${distDir} has no app.json: build it first (npm run build:weapp)`)
    return 2
  }
  let failed = false
  for (const name of named.length > 0 ? named.filter(isCheckName) : CHECK_NAMES) {
    const started = Date.now()
    const problems = CHECKS[name](distDir)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.info(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`)
    if (problems.length > 0) {
      failed = true
      console.info(formatProblems(problems))
    }
  }
  return failed ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
