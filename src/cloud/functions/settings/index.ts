import { CONTRACT } from '@/shared/contract'
import {
  handbookVersions,
  importGrids,
  importQuestions,
  listCategories,
  listGrids,
  listUnits,
  overview,
  questionTemplate,
  readAudit,
  saveUnit,
  setCategory,
  setPointsRule,
  setReportLimits,
  setVolunteerTimes,
} from '../../domain/settings'
import { defineFunction } from '../../runtime/define-function'

/** 文明办「设置」: the index of every setting, categories, units, grids, report limits, volunteer times, points rules, handbook versions, the question-bank import, and the audit of every change. */
export const settingsFunction = defineFunction('settings', CONTRACT.settings, {
  overview: (_input, ctx) => overview(ctx),
  setReportLimits: (input, ctx) => setReportLimits(input, ctx),
  setVolunteerTimes: (input, ctx) => setVolunteerTimes(input, ctx),
  setPointsRule: (input, ctx) => setPointsRule(input, ctx),
  handbookVersions: (input, ctx) => handbookVersions(input, ctx),
  importQuestions: (input, ctx) => importQuestions(input, ctx),
  questionTemplate: (_input, ctx) => questionTemplate(ctx),
  categories: (_input, ctx) => listCategories(ctx),
  setCategory: (input, ctx) => setCategory(input, ctx),
  units: (_input, ctx) => listUnits(ctx),
  saveUnit: (input, ctx) => saveUnit(input, ctx),
  grids: (_input, ctx) => listGrids(ctx),
  importGrids: (input, ctx) => importGrids(input, ctx),
  audit: (input, ctx) => readAudit(input, ctx),
})

export default settingsFunction
