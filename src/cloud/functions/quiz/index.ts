import { CONTRACT } from '@/shared/contract'
import { myPointsLedger } from '../../domain/points'
import { getResult, quizHome, startQuiz, submitQuiz } from '../../domain/quiz/attempts'
import { listQuestions, retireQuestion, saveQuestion } from '../../domain/quiz/bank-store'
import { getLeaderboard } from '../../domain/quiz/leaderboard'
import { wrongBookPage } from '../../domain/quiz/wrong-book'
import { defineFunction } from '../../runtime/define-function'

/** 创文答题: papers without answers, scoring on the server, 错题本, 文明积分 and leaderboards. */
export const quizFunction = defineFunction('quiz', CONTRACT.quiz, {
  home: (_input, ctx) => quizHome(ctx),
  start: (input, ctx) => startQuiz(input, ctx),
  submit: (input, ctx) => submitQuiz(input, ctx),
  result: (input, ctx) => getResult(input, ctx),
  wrongBook: (input, ctx) => wrongBookPage(ctx, input.offset ?? 0),
  leaderboard: (input, ctx) => getLeaderboard(input, ctx),
  myPoints: (input, ctx) => myPointsLedger(ctx, input.offset ?? 0),
  adminQuestions: (input, ctx) => listQuestions(input, ctx),
  adminSaveQuestion: (input, ctx) => saveQuestion(input, ctx),
  adminRetireQuestion: (input, ctx) => retireQuestion(input, ctx),
})

export default quizFunction
