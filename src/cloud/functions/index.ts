import type { CloudFunction } from '../runtime/define-function'
import { userFunction } from './user'
import { volunteerFunction } from './volunteer'
import { handbookFunction } from './handbook'
import { entryFunction } from './entry'
import { quizFunction } from './quiz'
import { reportFunction } from './report'
import { storageFunction } from './storage'
import { calendarFunction } from './calendar'
import { familyFunction } from './family'
import { surveyFunction } from './survey'
import { rolemodelFunction } from './rolemodel'
import { open311Function } from './open311'
import { rewardsFunction } from './rewards'
import { inspectFunction } from './inspect'
import { frontageFunction } from './frontage'
import { exportsFunction } from './exports'
import { settingsFunction } from './settings'
import { statsFunction } from './stats'
import { notifyFunction } from './notify'

/** Every cloud function, by name. The local host serves these; `build:cloud` bundles each. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  user: userFunction,
  volunteer: volunteerFunction,
  handbook: handbookFunction,
  entry: entryFunction,
  quiz: quizFunction,
  report: reportFunction,
  storage: storageFunction,
  calendar: calendarFunction,
  family: familyFunction,
  rolemodel: rolemodelFunction,
  survey: surveyFunction,
  open311: open311Function,
  rewards: rewardsFunction,
  inspect: inspectFunction,
  frontage: frontageFunction,
  exports: exportsFunction,
  settings: settingsFunction,
  stats: statsFunction,
  notify: notifyFunction,
}
