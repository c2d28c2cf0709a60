import type { PointsOutcome, QuestionType } from '@/shared/contract'

/** The quiz's words on screen. */
export const QUESTION_TYPE_HINT: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题 · 选出全部正确答案',
  'true-false': '判断题',
}

export function pointsOutcomeText(outcome: PointsOutcome, points: number): string {
  switch (outcome) {
    case 'awarded':
      return `获得文明积分 +${points}`
    case 'already':
      return '今天的每日一练积分已经计入过了'
    case 'practice':
      return '练习不计积分，答错的题已收进错题本'
    case 'none':
      return '这次没有答对的题，看看解析，明天再来'
  }
}
