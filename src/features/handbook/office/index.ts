// Office-only screens; imported by the office subpackage directly.
export { PublishPanel, CHAPTER_EDITOR } from './publish-panel'
export { ChapterEditor } from './chapter-editor'
