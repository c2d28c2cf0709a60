/**
 * WeChat DevTools' build (miniprogram-ci) on the weapp build, in a child process that cannot reach
 * the network: ci-child/run.ts under the preloads ci-child/net-guard.ts (records every connection,
 * DNS query and datagram, and sends any to a non-loopback host to a closed loopback port) and
 * ci-child/offline-settings.ts (the settings miniprogram-ci would fetch, from its own defaults).
 * Any attempt to reach a non-loopback host is a problem, named with the code that tried.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { transformSync } from 'esbuild'
import type { Problem } from './problem'
import type { CiReport, NetAttempt } from './ci-child/report'

const CHILD_DIR = path.join(__dirname, 'ci-child')
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')
/** a limit for a stuck child on a loaded machine; a run takes a few seconds */
const CHILD_TIMEOUT_MS = 180_000

/**
 * The code quality panel's compression items read project.config.json's upload switches (minified,
 * minifyWXML, minifyWXSS), not the build; Taro minifies the JS and WXSS itself. Shown, not failed.
 */
const ADVISORY_QUALITY_ITEMS = new Set(['JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN'])

export interface CiRun extends GuardedRun {
  /** undefined when the child failed before writing it (see `output`) */
  report?: CiReport
}

const PROXY_VARIABLES = /^(https?_proxy|all_proxy|no_proxy|npm_config_(https?_)?proxy|npm_config_noproxy)$/i
const PRELOADS = ['net-guard.ts', 'offline-settings.ts'].map((file) => path.join(CHILD_DIR, file))

/**
 * Our TypeScript for the child, as CommonJS in `outDir` (esbuild strips the types; nothing is
 * bundled). Plain node then runs it: no TypeScript loader in miniprogram-ci's processes, whose
 * cache would live in the temp directory and start cold on every run.
 */
function transpile(files: readonly string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true })
  return files.map((file) => {
    const { code } = transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', platform: 'node', target: 'node20', sourcefile: file })
    const out = path.join(outDir, path.basename(file).replace(/\.ts$/, '.js'))
    fs.writeFileSync(out, code)
    return out
  })
}

/** The child's environment: no proxy (a proxy would hide the host it wanted), temp files in `tmpDir`. */
function childEnv(tmpDir: string, netLog: string, preloads: readonly string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of Object.keys(env)) if (PROXY_VARIABLES.test(name)) delete env[name]
  // NODE_OPTIONS, not argv: every node process miniprogram-ci forks inherits it, with absolute paths
  const nodeOptions = preloads.map((file) => `--require ${JSON.stringify(file)}`).join(' ')
  return {
    ...env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' '),
    // the transpiled files live in tmpDir: they find miniprogram-ci in the project's node_modules
    NODE_PATH: [path.join(REPO_ROOT, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter),
    WM_NET_LOG: netLog,
    TMPDIR: tmpDir,
    TMP: tmpDir,
    TEMP: tmpDir,
    NO_PROXY: '*',
  }
}

function readAttempts(netLog: string): NetAttempt[] {
  if (!fs.existsSync(netLog)) return []
  return fs
    .readFileSync(netLog, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as NetAttempt)
}

export interface GuardedRun {
  /** every connection, DNS query and datagram the process and its own child processes attempted */
  attempts: NetAttempt[]
  /** wall-clock seconds of the whole process */
  seconds: number
  exitCode: number | null
  /** what it printed */
  output: string
}

/** Runs a TypeScript file (no imports of our own but types) in a node process, and its children, under the net guard; temp files go to `tmpDir`. */
export function runUnderNetGuard(script: string, args: readonly string[], tmpDir: string): GuardedRun {
  const netLog = path.join(tmpDir, 'net-attempts.jsonl')
  const [main, ...preloads] = transpile([script, ...PRELOADS], path.join(tmpDir, 'child'))
  const started = Date.now()
  const child = spawnSync(process.execPath, [main, ...args], {
    // miniprogram-ci leaves empty hash-named folders in its working directory: give it the temp one
    cwd: tmpDir,
    env: childEnv(tmpDir, netLog, preloads),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = Math.round((Date.now() - started) / 10) / 100
  const output = `${child.stdout ?? ''}${child.stderr ?? ''}${child.error ? `\n${child.error.message}` : ''}`
  return { attempts: readAttempts(netLog), seconds, exitCode: child.status, output }
}

/** Runs miniprogram-ci on `distDir` in its guarded child process; leaves nothing behind. */
export function runMiniprogramCi(distDir: string): CiRun {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-wechat-ci-'))
  try {
    const reportFile = path.join(tmpDir, 'report.json')
    const run = runUnderNetGuard(path.join(CHILD_DIR, 'run.ts'), [path.resolve(distDir), reportFile], tmpDir)
    const report = run.exitCode === 0 && fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as CiReport) : undefined
    return { ...run, report }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
}

/** `pages/a/index.json: ["usingComponents"]…` / `app.json: …`: WeChat names the file first */
const fileNamedIn = (message: string): string => /^([\w@./-]+\.json):/.exec(message)?.[1] ?? 'app.json'

/** What a run says is wrong with the build, and any attempt to leave the machine. */
export function problemsOfRun(run: CiRun): Problem[] {
  const problem = (file: string, message: string): Problem => ({ check: 'miniprogram-ci', file, message })
  const problems: Problem[] = run.attempts
    .filter((attempt) => !attempt.loopback)
    .map((attempt) => problem('(network)', `tried to reach ${attempt.host}${attempt.port === undefined ? '' : `:${attempt.port}`} (${attempt.kind}) from ${attempt.origin}`))
  const { report } = run
  if (!report) return [...problems, problem('(miniprogram-ci)', `the child process ended with ${run.exitCode} before reporting:\n${run.output.slice(-4000)}`)]
  if (!report.compile.ok) problems.push(problem(fileNamedIn(report.compile.message), `getCompiledResult (error ${report.compile.code}): ${report.compile.message}`))
  for (const item of report.quality) {
    if (!item.success && !ADVISORY_QUALITY_ITEMS.has(item.name)) problems.push(problem('(code quality)', `${item.name}: ${item.text}`))
  }
  for (const failure of report.analyse) problems.push(problem(failure.file, `dependency analysis: ${failure.message}`))
  return problems
}

export function checkMiniprogramCi(distDir: string): Problem[] {
  return problemsOfRun(runMiniprogramCi(distDir))
}

/** The quality items shown but not failed, for a report. */
export function advisoryNotes(run: CiRun): string[] {
  return (run.report?.quality ?? []).filter((item) => !item.success && ADVISORY_QUALITY_ITEMS.has(item.name)).map((item) => `${item.name}: ${item.text}`)
}
