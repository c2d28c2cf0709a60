export * from './categories'
export * from './state-machine'
export * from './due-time'
export * from './geo'
