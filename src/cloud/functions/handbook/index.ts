import { CONTRACT } from '@/shared/contract'
import { discardDraft, getDraft, getDrafts, listVersions, publishDrafts, stageChapter } from '../../domain/handbook/publish'
import { getChapter, getToc, listBookmarks, myReading, recordProgress, searchHandbook, setBookmark } from '../../domain/handbook/reading'
import { defineFunction } from '../../runtime/define-function'

/** 市民文明手册: reading, search, bookmarks and progress; for the office, drafts and publishing. */
export const handbookFunction = defineFunction(
  'handbook',
  CONTRACT.handbook,
  {
    toc: (_input, ctx) => getToc(ctx),
    chapter: (input, ctx) => getChapter(input, ctx),
    search: (input, ctx) => searchHandbook(input, ctx),
    setBookmark: (input, ctx) => setBookmark(input, ctx),
    bookmarks: (input, ctx) => listBookmarks(input, ctx),
    recordProgress: (input, ctx) => recordProgress(input, ctx),
    myReading: (_input, ctx) => myReading(ctx),
    stageChapter: (input, ctx) => stageChapter(input, ctx),
    drafts: (_input, ctx) => getDrafts(ctx),
    draft: (input, ctx) => getDraft(input, ctx),
    discardDraft: (input, ctx) => discardDraft(input, ctx),
    publish: (input, ctx) => publishDrafts(input, ctx),
    versions: (input, ctx) => listVersions(input, ctx),
  },
  ['security.msgSecCheck'],
)

export default handbookFunction
