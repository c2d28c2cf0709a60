import path from 'node:path'
import { FUNCTIONS } from '../functions'
import { createLocalPlatform, parseAdminOpenids, stderrLogger } from '../platform/local'
import { deliverMediaChecks } from './media-push'
import { seedDemoData } from './seed'
import { createLocalHost } from './server'

/**
 * `npm start` / `npm run serve`: the H5 build and every cloud function on one port, over the
 * embedded database in DATA_DIR, seeded with demo data.
 *   PORT (8787) · DATA_DIR (.data/) · DEV_IDENTITIES (1; 0 turns off X-Dev-Openid) · ADMIN_OPENIDS
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787)
  const devIdentities = process.env.DEV_IDENTITIES !== '0'
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
  // With demo identities on and no configured admins, the demo office account is the first admin.
  const configured = parseAdminOpenids(process.env.ADMIN_OPENIDS)
  const adminOpenids = configured.length > 0 ? configured : devIdentities ? ['demo-admin'] : []
  const platform = createLocalPlatform({ dataDir, adminOpenids })
  await seedDemoData(platform)
  // the demo's reports are stored directly, as if from before the counters: count them now, not at
  // the backfill timer's first tick ten minutes in (a later start finds the job done and skips)
  await FUNCTIONS.stats.invoke({ Type: 'Timer', TriggerName: 'backfillCounters' }, platform, null)
  // and what is late among them now, and today's snapshot, so the dashboard's 超时未办 is right from the start
  await FUNCTIONS.report.invoke({ Type: 'Timer', TriggerName: 'markOverdue' }, platform, null)
  await FUNCTIONS.stats.invoke({ Type: 'Timer', TriggerName: 'snapshotCity' }, platform, null)
  const server = createLocalHost({
    platform,
    functions: FUNCTIONS,
    staticDir: path.resolve(process.env.STATIC_DIR ?? 'dist-h5'),
    devIdentities,
  })
  // what WeChat's timer triggers do in the cloud: the same event, with no caller
  for (const fn of Object.values(FUNCTIONS)) {
    for (const [TriggerName, timer] of Object.entries(fn.timers)) {
      setInterval(() => void fn.invoke({ Type: 'Timer', TriggerName }, platform, null), timer.everyMs).unref()
    }
  }
  // WeChat's media-check verdicts arrive as message pushes some time after the request: here 10 s,
  // long enough to see a video 审核中 (the cloud's take seconds to 30 minutes)
  setInterval(() => void deliverMediaChecks(platform, FUNCTIONS, 10_000), 1_000).unref()
  server.listen(port, '127.0.0.1', () => {
    stderrLogger.info('文明通 local host ready', { url: `http://localhost:${port}`, devIdentities })
  })
  const stop = () => {
    server.close()
    platform.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  stderrLogger.error('local host failed to start', { error: error instanceof Error ? error.message : 'unknown' })
  process.exit(1)
})
