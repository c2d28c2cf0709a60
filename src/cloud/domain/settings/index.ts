export { listCategories, setCategory } from './categories'
export { listUnits, saveUnit } from './units'
export { importGrids, listGrids } from './grids'
export { readAudit } from './audit'
