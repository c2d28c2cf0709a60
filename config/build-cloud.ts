/**
 * `npm run build:cloud`: one deployable folder per cloud function under dist-cloud/<name>/:
 * index.js (esbuild bundle: the function's table of actions + the wx platform adapter),
 * package.json (depends on wx-server-sdk, which the cloud installs), config.json (the open APIs
 * it may call). Prints each bundle's size and the collections + indexes to create in the console.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { COLLECTIONS } from '../src/cloud/platform/collections'
import { FUNCTIONS } from '../src/cloud/functions'

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'dist-cloud')
const WX_SERVER_SDK = '4.0.2'
const BUNDLE_BUDGET = 1024 * 1024

async function main(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true })
  let overBudget = false
  for (const fn of Object.values(FUNCTIONS)) {
    const dir = path.join(OUT, fn.name)
    const entry = [
      `import fn from ${JSON.stringify(path.join(ROOT, 'src/cloud/functions', fn.name))}`,
      `import { wxMain } from ${JSON.stringify(path.join(ROOT, 'src/cloud/platform/wx'))}`,
      'export const main = wxMain(fn)',
    ].join('\n')
    await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: `${fn.name}-entry.ts` },
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      outfile: path.join(dir, 'index.js'),
      external: ['wx-server-sdk'],
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      minify: true,
      keepNames: true,
      legalComments: 'none',
      logLevel: 'warning',
    })
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: fn.name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK } }, null, 2) + '\n',
    )
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify(
        {
          permissions: { openapi: fn.openApiPermissions },
          triggers: Object.entries(fn.timers).map(([timer, spec]) => ({ name: timer, type: 'timer', config: spec.cron })),
        },
        null,
        2,
      ) + '\n',
    )
    const size = fs.statSync(path.join(dir, 'index.js')).size
    overBudget ||= size > BUNDLE_BUDGET
    process.stdout.write(`${fn.name.padEnd(12)} ${(size / 1024).toFixed(1).padStart(8)} KB  openapi: ${fn.openApiPermissions.join(', ') || '—'}\n`)
  }
  process.stdout.write('\nCollections and indexes to create in the cloud console:\n')
  for (const c of COLLECTIONS) {
    process.stdout.write(`- ${c.name}: ${c.purpose}\n`)
    for (const index of c.indexes) {
      const fields = index.fields.map((f) => `${f.path} ${f.order === 'asc' ? '升序' : '降序'}`).join(', ')
      process.stdout.write(`    ${index.name}${index.unique ? ' (唯一)' : ''}: ${fields}\n`)
    }
  }
  if (overBudget) {
    process.stderr.write('a cloud function bundle is over 1 MB\n')
    process.exit(1)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`build:cloud failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
