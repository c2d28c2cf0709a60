export { decideEntry, ENTRY_MESSAGES, goHome, openScene, type EntryDecision } from './routes'
