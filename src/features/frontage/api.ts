// the screen-read hook every subpackage area shares; re-exported so the 门前三包 screens keep one import path
export { useLoad, type Loaded } from '@/lib/use-load'
