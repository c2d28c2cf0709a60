export { decideEntry, ENTRY_MESSAGES, posterRoute, routeTo, sceneRoute, type EntryDecision, type Route } from './decide'
export { goHome, openScene } from './routes'
