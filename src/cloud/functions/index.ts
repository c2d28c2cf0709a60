import type { CloudFunction } from '../runtime/define-function'
import { userFunction } from './user'
import { reportFunction } from './report'

/** Every cloud function, by name. The local host serves these; `build:cloud` bundles each. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  user: userFunction,
  report: reportFunction,
}
