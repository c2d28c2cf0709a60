/**
 * Preload for every miniprogram-ci process: the settings it would fetch from WeChat's servers are
 * supplied from its own built-in defaults, so no call is attempted.
 *
 * - `getWhiteExtList()` (utils/white_ext_list.js) GETs the file extensions a package may contain on
 *   every compile, and falls back to the lists in the same file when the request fails. Its callers
 *   read it off the module's exports at call time, so replacing the export before anything loads
 *   it answers them all with those lists.
 * - the project attributes (`getProjectAttr`: code size limits, tabBar counts; signed with the upload
 *   key) are `DefaultProjectAttr` through `OfflineProject#attr` in run.ts.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

interface WhiteExtListModule {
  MiniProgramWhiteList: string[]
  GameWhiteList: string[]
  getWhiteExtList: () => Promise<{ MiniProgramWhiteList: Set<string>; GameWhiteList: Set<string> }>
}

const ciRoot = path.dirname(require.resolve('miniprogram-ci/package.json'))
const whiteExtList = createRequire(__filename)(path.join(ciRoot, 'dist', 'utils', 'white_ext_list.js')) as WhiteExtListModule
whiteExtList.getWhiteExtList = async () => ({
  MiniProgramWhiteList: new Set(whiteExtList.MiniProgramWhiteList),
  GameWhiteList: new Set(whiteExtList.GameWhiteList),
})
