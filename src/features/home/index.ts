export { JOURNEY_ENTRIES, WORKBENCH_ENTRIES, workbenchesFor, type HomeEntry, type WorkbenchEntry } from './entries'
export { EntryGrid } from './components/entry-grid'
export { HomeHero } from './components/hero'
export { WorkbenchList } from './components/workbench-list'
