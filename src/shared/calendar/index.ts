export * from './work-calendar'
export * from './official'
export * from './sheet'
