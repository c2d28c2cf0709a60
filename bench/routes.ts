/**
 * Every page route of the app, read from `src/app.config.ts` itself (so a new page is measured
 * without touching the benches). The config calls Taro's global `defineAppConfig`, which only
 * returns its argument: give it that here.
 */
import path from 'node:path'

interface AppConfigShape {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
}

export function appConfig(): AppConfigShape {
  const holder = globalThis as { defineAppConfig?: (config: AppConfigShape) => AppConfigShape }
  holder.defineAppConfig ??= (config) => config
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is a module of side-effect-free data
  const loaded = require(path.resolve(__dirname, '..', 'src', 'app.config.ts')) as { default: AppConfigShape }
  return loaded.default
}

export function appRoutes(): string[] {
  const config = appConfig()
  return [...config.pages, ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}
