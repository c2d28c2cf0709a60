import { CONTRACT } from '@/shared/contract'
import { purgeLapsedReservations, reserveUploads } from '../../domain/upload/reservations'
import { defineFunction } from '../../runtime/define-function'

/** 上传: the server names every uploaded file (random, per file) and remembers whose it is until it is attached. */
export const storageFunction = defineFunction(
  'storage',
  CONTRACT.storage,
  {
    reserve: (input, ctx) => reserveUploads(input, ctx),
  },
  [],
  {
    // unattached reservations (and who made them) do not outlive their day
    purgeLapsedUploads: {
      cron: '0 0 * * * * *',
      everyMs: 60 * 60_000,
      run: async (ctx) => {
        await purgeLapsedReservations(ctx)
      },
    },
  },
)

export default storageFunction
