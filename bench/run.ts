/** `npm run bench`: figures, not pass/fail — database ops/s, action latency, weapp sizes. */
import fs from 'node:fs'
import path from 'node:path'
import { runActionBench } from './actions'
import { runDatabaseBench } from './database'
import { runHandbookBench } from './handbook'
import { runQuizBench } from './quiz'
import { runReportBench } from './report'
import { runVolunteerBench } from './volunteer'
import { kb, measureWeapp } from './weapp-size'

async function main(): Promise<void> {
  console.log('## local database')
  console.table(await runDatabaseBench())
  console.log('## actions (100k people)')
  console.table(await runActionBench())
  console.log('## 随手拍 (100k reports)')
  console.table(await runReportBench())
  console.log('## 创文答题 (100k people, 1M answers)')
  console.table(await runQuizBench())
  console.log('## 志愿服务 (100k service records)')
  console.table(await runVolunteerBench())
  console.log('## 市民文明手册 and poster entry (100k readers)')
  console.table(await runHandbookBench())
  console.log('## weapp build (dist/)')
  if (!fs.existsSync(path.resolve(__dirname, '..', 'dist', 'app.json'))) {
    console.log('dist/ not built: run `npm run build:weapp` first')
    return
  }
  const sizes = measureWeapp()
  console.table({
    'main package': kb(sizes.mainBytes),
    total: kb(sizes.totalBytes),
    ...Object.fromEntries(Object.entries(sizes.subpackages).map(([root, bytes]) => [root, kb(bytes)])),
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
