/** The WeChat checks of the compiled weapp, by name: each is `(distDir) => Problem[]`. */
export type CheckName = 'miniprogram-ci' | 'wcc' | 'wcsc' | 'private-apis'

/** One thing WeChat's tools (or our scan of their rules) reject in a build. */
export interface Problem {
  check: CheckName
  /** the build file it is about, relative to the build folder (posix), or `app.json` */
  file: string
  message: string
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `[${p.check}] ${p.file}: ${p.message}`).join('\n')
}
