/**
 * Child process: WeChat DevTools' build (miniprogram-ci) on a weapp build, offline.
 * `run <distDir> <report.json>`, under the preloads net-guard.ts and offline-settings.ts (see
 * ../miniprogram-ci.ts: transpiled to CommonJS and run by plain node).
 *
 * Runs `getCompiledResult` (DevTools' compile for an upload: app.json, page and component json,
 * usingComponents, tabBar, subpackages, requiredPrivateInfos), `checkCodeQuality` (the code quality
 * panel) and the dependency analysis behind `analyseCode`, and writes what they said as a CiReport.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import * as ci from 'miniprogram-ci'
import type { AnalyseFailure, CiReport, QualityItem } from './report'

/** The project attributes WeChat's server would return for the appid: miniprogram-ci's own defaults. */
class OfflineProject extends ci.Project {
  async attr(): Promise<typeof ci.DefaultProjectAttr> {
    return ci.DefaultProjectAttr
  }
}

interface AnalyzerPlugin {
  name: string
  onDepResolveFailed?(dep: { request: string; originModule?: { path: string } }, error: Error): void
  onModuleBuildFailed?(module: { path: string }, cost: number, error: Error): void
}
interface Analyzer {
  analyse(): Promise<void>
  destroy(): void
}
type AnalyzerConstructor = new (options: { root: string; type: 'miniprogram'; plugins: AnalyzerPlugin[] }) => Analyzer

const seconds = (since: number): number => Math.round((Date.now() - since) / 10) / 100
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))

async function main(): Promise<void> {
  const [distDir, reportFile] = process.argv.slice(2)
  if (!distDir || !reportFile) throw new Error('usage: run.ts <distDir> <report.json>')

  // the key only signs uploads and previews; none happens here (TMPDIR is the check's own temp dir)
  const privateKeyPath = path.join(os.tmpdir(), 'placeholder-upload-key.pem')
  fs.writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder: nothing is uploaded\n-----END RSA PRIVATE KEY-----\n')
  const config = JSON.parse(fs.readFileSync(path.join(distDir, 'project.config.json'), 'utf8')) as { appid?: string }
  const project = new OfflineProject({ appid: config.appid ?? 'touristappid', type: 'miniProgram', projectPath: distDir, privateKeyPath, ignores: ['node_modules/**/*'] })

  let started = Date.now()
  let compile: CiReport['compile']
  try {
    // the project's own DevTools settings (project.config.json), as an upload would compile it
    const files = await ci.getCompiledResult({ project, version: '0.0.0-local-check', setting: { useProjectConfig: true } })
    compile = { ok: true, files: Object.keys(files).length }
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown'
    compile = { ok: false, code, message: errorText(error) }
  }
  const compileSeconds = seconds(started)

  started = Date.now()
  const quality: QualityItem[] = (await ci.checkCodeQuality(project)).map((item) => ({ name: String(item.name), success: item.success === true, text: item.text ?? '' }))
  const qualitySeconds = seconds(started)

  // analyseCode() only logs what it cannot resolve; its Analyzer with a plugin of ours collects it
  started = Date.now()
  const analyse: AnalyseFailure[] = []
  const ciRoot = path.dirname(require.resolve('miniprogram-ci/package.json'))
  const { Analyzer } = createRequire(__filename)(path.join(ciRoot, 'dist', 'common', 'code-analyse')) as { Analyzer: AnalyzerConstructor }
  const analyzer = new Analyzer({
    root: distDir,
    type: 'miniprogram',
    plugins: [
      {
        name: 'wm-collect-failures',
        onDepResolveFailed: (dep, error) => analyse.push({ file: dep.originModule?.path ?? dep.request, message: errorText(error) }),
        onModuleBuildFailed: (module, _cost, error) => analyse.push({ file: module.path, message: errorText(error) }),
      },
    ],
  })
  await analyzer.analyse()
  analyzer.destroy()
  const analyseSeconds = seconds(started)

  const report: CiReport = { compile, quality, analyse, seconds: { compile: compileSeconds, quality: qualitySeconds, analyse: analyseSeconds } }
  fs.writeFileSync(reportFile, JSON.stringify(report))
}

main().then(
  // miniprogram-ci leaves file watchers open: end the process once the report is written
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
