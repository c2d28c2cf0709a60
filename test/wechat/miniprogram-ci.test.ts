import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { advisoryNotes, problemsOfRun, runMiniprogramCi, runUnderNetGuard, type CiRun } from './checks/miniprogram-ci'
import { formatProblems } from './checks/problem'
import { buildCopies, requireBuild } from './support/build-copy'
import type { ProbeOutcomes } from './support/net-probe'

const copies = buildCopies()
afterAll(() => copies.removeAll())

describe('miniprogram-ci (DevTools’ build) on the real build, offline', () => {
  let run: CiRun
  beforeAll(() => {
    run = runMiniprogramCi(requireBuild())
    const { seconds } = run.report ?? {}
    console.info(
      `miniprogram-ci: ${run.seconds} s in all (getCompiledResult ${seconds?.compile} s, checkCodeQuality ${seconds?.quality} s, dependency analysis ${seconds?.analyse} s); ` +
        `network attempts: ${run.attempts.length === 0 ? 'none' : run.attempts.map((a) => `${a.kind} ${a.host}`).join(', ')}; ` +
        `not failed: ${advisoryNotes(run).join('; ') || 'nothing'}`,
    )
  })

  test('compiles it, passes the code quality checks and resolves every dependency', () => {
    expect(formatProblems(problemsOfRun(run))).toBe('')
    expect(run.report?.compile).toMatchObject({ ok: true })
  })

  test('tries to reach no host but loopback', () => {
    expect(run.attempts.filter((attempt) => !attempt.loopback)).toEqual([])
  })
})

describe('miniprogram-ci on a broken copy of the build', () => {
  test('fails a page json whose usingComponents entry points at a missing component', () => {
    const copy = copies.make()
    copy.editJson('pages/home/index.json', (page) => {
      page.usingComponents = { ...(page.usingComponents as Record<string, string>), 'wm-missing': '../../components/missing/index' }
    })
    const problems = problemsOfRun(runMiniprogramCi(copy.dir))
    expect(problems).toContainEqual({ check: 'miniprogram-ci', file: 'pages/home/index.json', message: expect.stringContaining('component not found in the path') })
  })

  test('fails a tabBar pagePath that is not a page of the app', () => {
    const copy = copies.make()
    copy.editJson('app.json', (app) => {
      const tabBar = app.tabBar as { list: { pagePath: string }[] }
      tabBar.list[1].pagePath = 'pages/nowhere/index'
    })
    const problems = problemsOfRun(runMiniprogramCi(copy.dir))
    expect(problems).toEqual([{ check: 'miniprogram-ci', file: 'app.json', message: expect.stringContaining('"pages/nowhere/index" need in ["pages"]') }])
  })

  test('fails a page that imports a template file the build does not have (dependency analysis)', () => {
    const copy = copies.make()
    copy.write('pages/mine/index.wxml', `<import src="./gone.wxml"/>\n${copy.read('pages/mine/index.wxml')}`)
    const problems = problemsOfRun(runMiniprogramCi(copy.dir))
    expect(problems).toEqual([{ check: 'miniprogram-ci', file: 'pages/mine/index.wxml', message: expect.stringContaining('Couldn\'t resolve the Wxml file "./gone.wxml"') }])
  })
})

describe('the net guard miniprogram-ci runs under', () => {
  const tmpDirs: string[] = []
  afterAll(() => {
    for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  test('records every way out, lets none connect, and the check fails naming the hosts', () => {
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-wechat-probe-'))
    tmpDirs.push(tmpDir)
    const probe = runUnderNetGuard(path.join(__dirname, 'support', 'net-probe.ts'), [], tmpDir)
    expect(probe.exitCode).toBe(0)
    const outcomes = JSON.parse(probe.output.trim().split('\n').pop() ?? '{}') as ProbeOutcomes
    expect(outcomes).toEqual({ https: 'ECONNREFUSED', fetch: 'ECONNREFUSED', tcp: 'ECONNREFUSED', resolve: 'ECONNREFUSED', udp: 'ECONNREFUSED' })
    expect(probe.attempts.map((a) => `${a.kind} ${a.host}${a.port === undefined ? '' : `:${a.port}`}`)).toEqual([
      'tcp servicewechat.com:443',
      'tcp servicewechat.com:443',
      'tcp 192.0.2.1:443',
      'dns wechat-check.invalid',
      'udp 192.0.2.1:53',
    ])
    const problems = problemsOfRun({ ...probe, report: undefined }).filter((p) => p.file === '(network)')
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^tried to reach servicewechat\.com:443 \(tcp\)/),
      expect.stringMatching(/^tried to reach servicewechat\.com:443 \(tcp\)/),
      expect.stringMatching(/^tried to reach 192\.0\.2\.1:443 \(tcp\)/),
      expect.stringMatching(/^tried to reach wechat-check\.invalid \(dns\)/),
      expect.stringMatching(/^tried to reach 192\.0\.2\.1:53 \(udp\)/),
    ])
  })
})
