export * from './categories'
export * from './state-machine'
export * from './geo'
