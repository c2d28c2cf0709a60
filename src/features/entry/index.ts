export { ENTRY_MESSAGES, goHome, openSceneTarget } from './routes'
export { parseScene, type SceneTarget } from './scene'
