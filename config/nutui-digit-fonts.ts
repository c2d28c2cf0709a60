import fs from 'node:fs'
import path from 'node:path'
import type { Plugin, Root } from 'postcss'

/**
 * NutUI's theme file opens with two digit fonts (JDZH-Regular, JDZH-Bold) as base64: 16.7 KB of
 * the main package, i.e. of what a resident downloads after scanning a poster. Only NutUI's
 * Badge, CountDown, Price and Rate draw with them, and the app uses none of these: drop the two
 * @font-face rules from the theme. Should the app start using one of them, the fonts stay (the
 * check below reads the source on every build).
 */
const DIGIT_FONT_COMPONENTS = ['Badge', 'CountDown', 'Price', 'Rate']
const THEME_FILE = /@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/]/

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'cloud' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

export function appUsesDigitFonts(srcDir: string): boolean {
  const imports = new RegExp(`import\\s*\\{[^}]*\\b(${DIGIT_FONT_COMPONENTS.join('|')})\\b[^}]*\\}\\s*from\\s*'@nutui/nutui-react-taro'`)
  return sourceFiles(srcDir).some((file) => imports.test(fs.readFileSync(file, 'utf8')))
}

export const dropNutuiDigitFonts: Plugin = {
  postcssPlugin: 'wm-drop-nutui-digit-fonts',
  Once(root: Root, { result }) {
    if (!THEME_FILE.test(result.opts.from ?? '')) return
    root.walkAtRules('font-face', (rule) => {
      if (rule.toString().includes('JDZH')) rule.remove()
    })
  },
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
export class NutuiDigitFontsWebpackPlugin {
  apply(compiler: { options: { module: { rules: unknown[] } } }): void {
    const visit = (rules: unknown): void => {
      if (!Array.isArray(rules)) return
      for (const rule of rules as RuleLike[]) {
        if (!rule || typeof rule !== 'object') continue
        if (Array.isArray(rule.use)) {
          for (const use of rule.use as LoaderUse[]) {
            const plugins = use?.loader?.includes('postcss-loader') ? use.options?.postcssOptions?.plugins : undefined
            if (plugins && !plugins.includes(dropNutuiDigitFonts)) plugins.push(dropNutuiDigitFonts)
          }
        }
        visit(rule.oneOf)
        visit(rule.rules)
      }
    }
    visit(compiler.options.module.rules)
  }
}
