import fs from 'node:fs'
import path from 'node:path'
import type { Plugin, Root } from 'postcss'

/**
 * NutUI ships CSS for everything it can draw; the main package (what a resident downloads after
 * scanning a poster) carries whatever of it the tab pages import. Two parts are dead weight for
 * this app and are cut at build time, each only while the source shows no use of it (the source is
 * read on every build, so starting to use one brings its CSS back):
 * - the theme's two digit fonts (JDZH-Regular/Bold, 16.7 KB of base64), drawn only by Badge,
 *   CountDown, Price and Rate;
 * - Button's colour variants (info/success/warning/danger, ~5 KB) when no Button asks for them.
 */
const DIGIT_FONT_COMPONENTS = ['Badge', 'CountDown', 'Price', 'Rate']
const BUTTON_COLOUR_TYPES = ['info', 'success', 'warning', 'danger']
const THEME_FILE = /@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/]/
const BUTTON_FILE = /@nutui[\\/]nutui-react-taro[\\/]dist[\\/]es[\\/]packages[\\/]button[\\/]style[\\/]/

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'cloud' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

export interface NutuiUsage {
  digitFonts: boolean
  /** every `type` value written in a file that uses NutUI's Button (more than Buttons: only ever keeps too much) */
  buttonTypes: Set<string>
}

export function nutuiUsage(srcDir: string): NutuiUsage {
  const digitImport = new RegExp(`import\\s*\\{[^}]*\\b(${DIGIT_FONT_COMPONENTS.join('|')})\\b[^}]*\\}\\s*from\\s*'@nutui/nutui-react-taro'`)
  const buttonImport = /import\s*\{[^}]*\bButton\b[^}]*\}\s*from\s*'@nutui\/nutui-react-taro'/
  const usage: NutuiUsage = { digitFonts: false, buttonTypes: new Set() }
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8')
    if (digitImport.test(text)) usage.digitFonts = true
    if (!buttonImport.test(text)) continue
    for (const [, literal, expression] of text.matchAll(/\btype=(?:['"](\w+)['"]|\{([^}]*)\})/g)) {
      if (literal) usage.buttonTypes.add(literal)
      for (const [, word] of (expression ?? '').matchAll(/['"](\w+)['"]/g)) usage.buttonTypes.add(word)
    }
  }
  return usage
}

export function nutuiTrimPlugin(usage: NutuiUsage): Plugin {
  const unusedColours = BUTTON_COLOUR_TYPES.filter((type) => !usage.buttonTypes.has(type))
  const unusedSelector = new RegExp(`\\.nut-button-(${unusedColours.join('|')})\\b`)
  return {
    postcssPlugin: 'wm-nutui-trim',
    Once(root: Root, { result }) {
      const from = result.opts.from ?? ''
      if (!usage.digitFonts && THEME_FILE.test(from)) {
        root.walkAtRules('font-face', (rule) => {
          if (rule.toString().includes('JDZH')) rule.remove()
        })
      }
      if (unusedColours.length > 0 && BUTTON_FILE.test(from)) {
        root.walkRules((rule) => {
          const kept = rule.selectors.filter((selector) => !unusedSelector.test(selector))
          if (kept.length === 0) rule.remove()
          else if (kept.length < rule.selectors.length) rule.selectors = kept
        })
      }
    },
  }
}

interface LoaderUse {
  loader?: string
  options?: { postcssOptions?: { plugins?: unknown[] } }
}
interface RuleLike {
  use?: unknown
  oneOf?: unknown
  rules?: unknown
}

/** Adds the plugin to every postcss-loader of the build (Taro's config has no hook for a plugin object). */
export class NutuiTrimWebpackPlugin {
  constructor(private readonly plugin: Plugin) {}

  apply(compiler: { options: { module: { rules: unknown[] } } }): void {
    const visit = (rules: unknown): void => {
      if (!Array.isArray(rules)) return
      for (const rule of rules as RuleLike[]) {
        if (!rule || typeof rule !== 'object') continue
        if (Array.isArray(rule.use)) {
          for (const use of rule.use as LoaderUse[]) {
            const plugins = use?.loader?.includes('postcss-loader') ? use.options?.postcssOptions?.plugins : undefined
            if (plugins && !plugins.includes(this.plugin)) plugins.push(this.plugin)
          }
        }
        visit(rule.oneOf)
        visit(rule.rules)
      }
    }
    visit(compiler.options.module.rules)
  }
}
