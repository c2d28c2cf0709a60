/**
 * Copies of the compiled weapp to break: each in a fresh folder under the OS temp directory,
 * all removed by `removeAll()` (call it in afterEach/afterAll).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WEAPP_DIST } from '../../mp/harness'
import { isRecord } from '../checks/dist-files'

export { WEAPP_DIST }

/** The build under test, or a failure that says how to make it. */
export function requireBuild(): string {
  if (!fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) {
    throw new Error(`${WEAPP_DIST} has no app.json: run \`npm run build:weapp\` first (WM_WEAPP_DIST picks another folder)`)
  }
  return WEAPP_DIST
}

export interface BuildCopy {
  dir: string
  read(file: string): string
  write(file: string, content: string): void
  append(file: string, content: string): void
  /** parse a JSON file, change it, write it back */
  editJson(file: string, edit: (json: Record<string, unknown>) => void): void
}

export function buildCopies(): { make(): BuildCopy; removeAll(): void } {
  const made: string[] = []
  return {
    make(): BuildCopy {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-wechat-build-'))
      made.push(dir)
      fs.cpSync(requireBuild(), dir, { recursive: true })
      const at = (file: string): string => path.join(dir, file)
      return {
        dir,
        read: (file) => fs.readFileSync(at(file), 'utf8'),
        write: (file, content) => fs.writeFileSync(at(file), content),
        append: (file, content) => fs.appendFileSync(at(file), content),
        editJson(file, edit) {
          const json: unknown = JSON.parse(fs.readFileSync(at(file), 'utf8'))
          if (!isRecord(json)) throw new Error(`${file} is not a JSON object`)
          edit(json)
          fs.writeFileSync(at(file), JSON.stringify(json))
        },
      }
    },
    removeAll(): void {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
