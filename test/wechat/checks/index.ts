/** The WeChat checks of a compiled weapp build; each is `(distDir) => Problem[]` and runs on its own. */
import { checkMiniprogramCi } from './miniprogram-ci'
import { checkPrivateApis } from './private-apis'
import type { CheckName, Problem } from './problem'
import { checkWxml, checkWxss } from './wechat-compilers'

export type Check = (distDir: string) => Problem[]

export const CHECKS: Record<CheckName, Check> = {
  'miniprogram-ci': checkMiniprogramCi,
  wcc: checkWxml,
  wcsc: checkWxss,
  'private-apis': checkPrivateApis,
}

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[]
export const isCheckName = (name: string): name is CheckName => name in CHECKS
