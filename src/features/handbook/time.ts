// Beijing-time formatting is shared by every feature: see src/lib/time.ts
export { shanghaiTime } from '@/lib/time'
