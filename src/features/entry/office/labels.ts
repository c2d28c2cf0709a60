import type { PosterTarget } from '@/shared/contract'

export const TARGET_LABEL: Record<PosterTarget['kind'], string> = {
  report: '随手拍（预填海报位置）',
  chapter: '文明手册',
  dailyQuiz: '每日答题',
  activity: '志愿活动',
  survey: '民意调查问卷',
}

/** What a resident gets when scanning, in a few words, for the office list and the print view. */
export function describeTarget(target: PosterTarget, chapterTitle?: string): string {
  switch (target.kind) {
    case 'report':
      return '扫码随手拍，位置已填好'
    case 'chapter':
      return `扫码阅读《市民文明手册》${chapterTitle ? `·${chapterTitle}` : ''}`
    case 'dailyQuiz':
      return '扫码参加每日创文答题'
    case 'activity':
      return '扫码报名志愿服务活动'
    case 'survey':
      return '扫码参加创文民意调查（匿名）'
  }
}
