/**
 * `npm run bench`: figures, not pass/fail — database ops/s, action latency, the report timer jobs,
 * the 小手拉大手 class board, school view and office overview, 身边好人 votes and the daily snapshot,
 * weapp sizes and what a scan downloads, the H5 build's JavaScript per page, Lighthouse scores of
 * the resident pages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { runActionBench } from './actions'
import { runDatabaseBench } from './database'
import { runHandbookBench } from './handbook'
import { runFamilyBench } from './family'
import { runQuizBench } from './quiz'
import { runReportBench } from './report'
import { runRolemodelBench } from './rolemodel'
import { printRatingWindowBench, runRatingWindowBench } from './rating-window'
import { runCalendarBench } from './calendar'
import { runVolunteerBench } from './volunteer'
import { runSurveyBench } from './survey'
import { runH5DeliveryBench } from './h5-delivery'
import { runLighthouseBench } from './lighthouse'
import { H5_DIST } from './local-host'
import { entryDownloads, kb, measureWeapp, WEAPP_DIST } from './weapp-size'

async function main(): Promise<void> {
  console.log('## local database')
  console.table(await runDatabaseBench())
  console.log('## actions (100k people)')
  console.table(await runActionBench())
  console.log('## 随手拍 (100k reports)')
  console.table(await runReportBench())
  console.log('## 评价期与保留期任务 (100k resolved reports)')
  printRatingWindowBench(await runRatingWindowBench())
  console.log('## working-day due times (100k random instants in 2026)')
  console.table(runCalendarBench())
  console.log('## 创文答题 (100k people, 1M answers)')
  console.table(await runQuizBench())
  console.log('## 志愿服务 (100k service records)')
  console.table(await runVolunteerBench())
  console.log('## 市民文明手册 and poster entry (100k readers)')
  console.table(await runHandbookBench())
  console.log('## 小手拉大手 (500 schools × 40 classes × 45 families)')
  console.table(await runFamilyBench())
  console.log('## 身边好人 (100k votes in one day, 20 candidates)')
  console.table(await runRolemodelBench())
  console.log('## 创文民意调查 (50k answers, results from counters)')
  console.table(await runSurveyBench())
  console.log('## weapp build')
  if (fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) {
    const sizes = measureWeapp()
    console.table({
      'main package': kb(sizes.mainBytes),
      total: kb(sizes.totalBytes),
      ...Object.fromEntries(Object.entries(sizes.subpackages).map(([root, bytes]) => [root, kb(bytes)])),
    })
    console.log("## what a scan downloads (main + the target page's subpackage)")
    console.table(entryDownloads(sizes))
  } else {
    console.log('dist/ not built: run `npm run build:weapp` first')
  }
  console.log('## H5 build')
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) {
    console.log('dist-h5/ not built: run `npm run build:h5` first')
    return
  }
  const delivery = await runH5DeliveryBench()
  console.log('home page first load (JS)')
  console.table(delivery.home)
  console.log('opening each page after the home page (JS added)')
  console.table(delivery.pages)
  console.log('## Lighthouse, mobile profile (simulated slow 4G, 4× CPU), resident pages')
  console.table(await runLighthouseBench())
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
