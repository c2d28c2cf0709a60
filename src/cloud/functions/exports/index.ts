import { CONTRACT } from '@/shared/contract'
import { exportJob, startExport, stepExport } from '../../domain/exports'
import { defineFunction } from '../../runtime/define-function'

/** 文明办 exports as jobs: start, step until done (the file's link), and the job's status. */
export const exportsFunction = defineFunction('exports', CONTRACT.exports, {
  start: (input, ctx) => startExport(input, ctx),
  step: (input, ctx) => stepExport(input, ctx),
  job: (input, ctx) => exportJob(input, ctx),
})

export default exportsFunction
