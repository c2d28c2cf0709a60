import { CONTRACT } from '@/shared/contract'
import { importGrids, listCategories, listGrids, listUnits, readAudit, saveUnit, setCategory } from '../../domain/settings'
import { defineFunction } from '../../runtime/define-function'

/** 文明办「设置」: categories (names, hints, step limits), units, grids from GeoJSON, and the audit of every change. */
export const settingsFunction = defineFunction('settings', CONTRACT.settings, {
  categories: (_input, ctx) => listCategories(ctx),
  setCategory: (input, ctx) => setCategory(input, ctx),
  units: (_input, ctx) => listUnits(ctx),
  saveUnit: (input, ctx) => saveUnit(input, ctx),
  grids: (_input, ctx) => listGrids(ctx),
  importGrids: (input, ctx) => importGrids(input, ctx),
  audit: (input, ctx) => readAudit(input, ctx),
})

export default settingsFunction
