/**
 * WeChat's own WXML (`wcc`) and WXSS (`wcsc`) compilers, as shipped in miniprogram-compiler, on
 * every .wxml and .wxss file of the build.
 *
 * Each file is compiled on its own so that every rejected file is named (a wcc run stops at its
 * first error), with what it needs beside it: a .wxml file with the .wxs modules it loads (Taro's
 * `base.wxml` loads `utils.wxs`; `<import>`ed templates are resolved at run time, not by wcc), a
 * .wxss file with the files it `@import`s (a subpackage page imports `../../sub-vendors.wxss`, the
 * app imports `app-origin.wxss` and `common.wxss`). Then the whole build is compiled once the way
 * DevTools does it (miniprogram-compiler's src/wcc.js and src/wcsc.js), for what only shows there.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { isRecord, listBuildFiles, readBuildJson } from './dist-files'
import type { Problem } from './problem'

type Compiler = 'wcc' | 'wcsc'

const COMPILER_DIR = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux')
/** compiled output of the whole build is a few hundred KB; room for it to grow */
const MAX_OUTPUT = 64 * 1024 * 1024

/** The compiler binary, made executable as the package's own wrapper does (npm unpacks it without the bit). */
function compilerPath(compiler: Compiler): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`miniprogram-compiler ships ${compiler} for Linux x64 here; this is ${process.platform} ${process.arch}`)
  }
  const binary = path.join(COMPILER_DIR, compiler)
  try {
    fs.accessSync(binary, fs.constants.X_OK)
  } catch {
    fs.chmodSync(binary, 0o755)
  }
  return binary
}

interface CompileResult {
  ok: boolean
  /** what the compiler said, one error a line */
  errors: string[]
}

function run(compiler: Compiler, args: string[], cwd: string): CompileResult {
  const result = spawnSync(compilerPath(compiler), args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8' })
  if (result.error) throw result.error
  const errors = `${result.stderr}`
    .split('\n')
    .map((line) => line.replace(/^ERR: /, '').trim())
    .filter((line) => line !== '' && !/^error file count: \d+$/.test(line))
  if (result.status !== 0 && errors.length === 0) errors.push(`${compiler} exited with ${result.status ?? result.signal}`)
  return { ok: result.status === 0, errors }
}

/** `pages/a/index.wxml:1:15: expect end-tag…` / `pages/a/index.wxss(2:1): unexpected…` name the file first. */
function fileNamedIn(message: string, fallback: string): string {
  const match = /^(?:path `[^`]+` not found from `([^`]+)`|([^\s:()`]+\.(?:wxml|wxss|wxs))[:(])/.exec(message)
  return match?.[1] ?? match?.[2] ?? fallback
}

function addProblems(problems: Problem[], check: Compiler, fallbackFile: string, errors: readonly string[]): void {
  for (const message of errors) {
    const file = fileNamedIn(message, fallbackFile)
    // one broken shared file (utils.wxs, sub-vendors.wxss) fails every file that needs it: say it once
    if (!problems.some((p) => p.file === file && p.message === message)) problems.push({ check, file, message })
  }
}

/** `usingComponents` of each .wxml's json, in wcc's `-cc` form: count, then `page.wxml n name…` per file. */
function componentArgs(distDir: string, wxmlFiles: readonly string[]): string {
  const entries: string[] = []
  let count = 0
  for (const file of wxmlFiles) {
    const json = readBuildJson(distDir, file.replace(/\.wxml$/, '.json'))
    if (!isRecord(json) || !isRecord(json.usingComponents)) continue
    const names = Object.keys(json.usingComponents)
    entries.push(file, String(names.length), ...names)
    count += 1
  }
  return [String(count), ...entries].join(' ')
}

/**
 * The files `file` needs beside it, found by `pattern` (its first group is the path), directly or
 * through each other; only those that exist: the compiler names the missing ones itself.
 */
function dependencyClosure(distDir: string, file: string, pattern: RegExp): string[] {
  const seen = new Set<string>([file])
  const queue = [file]
  while (queue.length > 0) {
    const current = queue.shift() as string
    const source = fs.readFileSync(path.join(distDir, current), 'utf8')
    for (const match of source.matchAll(pattern)) {
      const request = match[1]
      const target = path.posix.normalize(request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(current), request))
      if (!seen.has(target) && fs.existsSync(path.join(distDir, target))) {
        seen.add(target)
        queue.push(target)
      }
    }
  }
  return [...seen].slice(1)
}

/** `<wxs src="…">` in WXML, `require("….wxs")` inside a .wxs module */
const WXS_DEPENDENCY = /(?:<wxs\b[^>]*\bsrc\s*=\s*|\brequire\(\s*)["']([^"']+\.wxs)["']/g
/** `@import "…";` / `@import url("…");` */
const WXSS_IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']/g

export function checkWxml(distDir: string): Problem[] {
  const wxml = listBuildFiles(distDir, '.wxml')
  const wxs = listBuildFiles(distDir, '.wxs')
  const problems: Problem[] = []
  for (const file of wxml) {
    const result = run('wcc', ['-d', file, ...dependencyClosure(distDir, file, WXS_DEPENDENCY)], distDir)
    if (!result.ok) addProblems(problems, 'wcc', file, result.errors)
  }
  const whole = run('wcc', ['-d', '-cc', componentArgs(distDir, wxml), ...wxml, ...wxs, '-gn', '$gwx'], distDir)
  if (!whole.ok) addProblems(problems, 'wcc', '(whole build)', whole.errors)
  return problems
}

export function checkWxss(distDir: string): Problem[] {
  const wxss = listBuildFiles(distDir, '.wxss')
  const problems: Problem[] = []
  for (const file of wxss) {
    const result = run('wcsc', ['-db', '-pc', '1', file, ...dependencyClosure(distDir, file, WXSS_IMPORT)], distDir)
    if (!result.ok) addProblems(problems, 'wcsc', file, result.errors)
  }
  // DevTools' order: the style of every page or component (it has a .json) first, counted by -pc
  const hasJson = (file: string): boolean => fs.existsSync(path.join(distDir, file.replace(/\.wxss$/, '.json')))
  const own = wxss.filter(hasJson)
  const whole = run('wcsc', ['-db', '-pc', String(own.length), ...own, ...wxss.filter((f) => !hasJson(f))], distDir)
  if (!whole.ok) addProblems(problems, 'wcsc', '(whole build)', whole.errors)
  return problems
}
