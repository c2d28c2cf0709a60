import { CONTRACT } from '@/shared/contract'
import {
  listPosters,
  posterCode,
  posterStats,
  publicPoster,
  registerPoster,
  setPosterStatus,
  updatePoster,
} from '../../domain/entry/posters'
import { scanPoster } from '../../domain/entry/scan'
import { defineFunction } from '../../runtime/define-function'

/** 扫码入口: poster scans and, for the office, posters, their 小程序码 and their stats. */
export const entryFunction = defineFunction(
  'entry',
  CONTRACT.entry,
  {
    scan: (input, ctx) => scanPoster(input, ctx),
    poster: (input, ctx) => publicPoster(input, ctx),
    registerPoster: (input, ctx) => registerPoster(input, ctx),
    updatePoster: (input, ctx) => updatePoster(input, ctx),
    setPosterStatus: (input, ctx) => setPosterStatus(input, ctx),
    posters: (input, ctx) => listPosters(input, ctx),
    posterStats: (input, ctx) => posterStats(input, ctx),
    posterCode: (input, ctx) => posterCode(input, ctx),
  },
  ['security.msgSecCheck', 'wxacode.getUnlimited'],
)

export default entryFunction
