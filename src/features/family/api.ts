// the screen-read hook every subpackage area shares; re-exported so the family screens keep one import path
export { useLoad, type Loaded } from '@/lib/use-load'
