// the screen-read hook every subpackage area shares; re-exported so the 创文督查 screens keep one import path
export { useLoad, type Loaded } from '@/lib/use-load'
