/** Where the handbook's pages live, and the links into them other areas use. */
export const HANDBOOK_INDEX = '/packages/handbook/pages/index/index'
export const HANDBOOK_SEARCH = '/packages/handbook/pages/search/index'
export const HANDBOOK_BOOKMARKS = '/packages/handbook/pages/bookmarks/index'

export function chapterUrl(chapterId: string, sectionId?: string): string {
  const section = sectionId ? `&section=${encodeURIComponent(sectionId)}` : ''
  return `/packages/handbook/pages/chapter/index?chapter=${encodeURIComponent(chapterId)}${section}`
}

/** "测一测": practice questions of the chapter's topic (a topic id is its chapter id). */
export function quizUrl(chapterId: string): string {
  return `/packages/quiz/pages/index/index?topic=${encodeURIComponent(chapterId)}`
}

/** Reading Chinese at a relaxed pace: about 400 characters a minute. */
export function readMinutes(charCount: number): number {
  return Math.max(1, Math.round(charCount / 400))
}
