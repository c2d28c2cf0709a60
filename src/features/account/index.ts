export { loadMe, meStore, rolesOf, toggleLargeText, useMe, type MeState } from './api/me'
export { LargeTextSwitch } from './components/large-text-switch'
export { ProfileCard } from './components/profile-card'
