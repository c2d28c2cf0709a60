import fs from 'node:fs'
import path from 'node:path'

/** Every file of the build whose name ends with `ext` (e.g. `.wxml`), relative and posix, sorted. */
export function listBuildFiles(distDir: string, ext: string): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full)
      } else if (entry.name.endsWith(ext)) {
        found.push(path.relative(distDir, full).split(path.sep).join('/'))
      }
    }
  }
  walk(distDir)
  return found.sort()
}

/** A JSON file of the build, or undefined when it is missing or not JSON (other checks report that). */
export function readBuildJson(distDir: string, file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, file), 'utf8')) as unknown
  } catch {
    return undefined
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
