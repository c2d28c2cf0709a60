// the screen-read hook every subpackage area shares; re-exported so the 身边好人 screens keep one import path
export { useLoad, type Loaded } from '@/lib/use-load'

/** districts a 区文明办审核员 reviews: said on every review screen, and what decides which actions show */
export const districtsText = (districts: readonly string[]) => districts.join('、')
