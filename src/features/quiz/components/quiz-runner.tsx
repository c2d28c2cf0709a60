import { useCallback, useEffect, useRef, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { QuizPaper, QuizResult } from '@/shared/contract'
import { QUESTION_TYPE_HINT } from '../labels'
import { submitPaper } from '../api'
import { secondsLeft, useServerClock } from '../hooks/use-server-clock'
import { OptionList } from './option-list'
import './quiz-runner.scss'

export interface QuizRunnerProps {
  paper: QuizPaper
  onSubmitted: (result: QuizResult) => void
  /** the paper can no longer be submitted (its time ran out): offer a fresh one */
  onExpired: () => void
}

/**
 * One paper, one question at a time, each with its own countdown; the paper's deadline (the
 * server's) caps them all. When a question's time is up the runner moves on, and when the last
 * one is done or the paper's time is up it hands the answers in. 交卷 waits for the shortest time
 * a careful reader needs, which the server enforces anyway.
 */
export function QuizRunner({ paper, onSubmitted, onExpired }: QuizRunnerProps) {
  const now = useServerClock(paper.serverNow)
  const total = paper.questions.length
  const [index, setIndex] = useState(0)
  const [answers, setAnswers] = useState<number[][]>(() => paper.questions.map(() => []))
  const [shownAt, setShownAt] = useState(() => Math.max(paper.serverNow, paper.startedAt))
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const handedIn = useRef(false)

  const earliestSubmit = paper.startedAt + total * paper.minSecondsPerQuestion * 1000
  const questionDeadline = Math.min(shownAt + paper.perQuestionSeconds * 1000, paper.deadlineAt)
  const questionLeft = secondsLeft(questionDeadline, now)
  const paperLeft = secondsLeft(paper.deadlineAt, now)
  const question = paper.questions[index]
  const last = index === total - 1

  const handIn = useCallback(
    async (finalAnswers: number[][]) => {
      if (handedIn.current) return
      handedIn.current = true
      setSubmitting(true)
      setProblem(null)
      const result = await submitPaper(paper.attemptId, finalAnswers)
      if (result.ok) {
        onSubmitted(result.data)
        return
      }
      handedIn.current = false
      setSubmitting(false)
      if (result.code === 'QUIZ.LATE') {
        onExpired()
        return
      }
      setProblem(result.message)
    },
    [paper.attemptId, onSubmitted, onExpired],
  )

  const next = useCallback(() => {
    if (last) {
      void handIn(answers)
      return
    }
    setIndex((i) => Math.min(i + 1, total - 1))
    setShownAt(now)
  }, [last, answers, total, now, handIn])

  // a question's time is up: move on (or hand in after the last); the paper's time: hand in
  useEffect(() => {
    if (submitting || handedIn.current) return
    if (paperLeft === 0) void handIn(answers)
    else if (questionLeft === 0) next()
  }, [questionLeft, paperLeft])

  const toggle = (position: number) => {
    setAnswers((prev) =>
      prev.map((chosen, i) => {
        if (i !== index) return chosen
        if (question.type !== 'multiple') return [position]
        return chosen.includes(position) ? chosen.filter((p) => p !== position) : [...chosen, position].sort((a, b) => a - b)
      }),
    )
  }

  const waitMore = last && now < earliestSubmit
  const submitLabel = waitMore ? `交卷（请再读 ${secondsLeft(earliestSubmit, now)} 秒）` : '交卷'
  const urgent = questionLeft <= 5

  return (
    <View className='wm-quiz-runner' id='wm-quiz-runner'>
      <View className='wm-quiz-runner__bar'>
        <Text className='wm-quiz-runner__progress'>
          第 {index + 1} / {total} 题
        </Text>
        <View
          className={`wm-quiz-runner__timer${urgent ? ' wm-quiz-runner__timer--urgent' : ''}`}
          role='timer'
          aria-live='off'
          aria-label={`本题剩余 ${questionLeft} 秒`}
          id='wm-quiz-timer'
        >
          <Text>剩余 {questionLeft} 秒</Text>
        </View>
      </View>
      <View className='wm-quiz-runner__track' aria-hidden='true'>
        <View className='wm-quiz-runner__fill' style={{ width: `${((index + 1) / total) * 100}%` }} />
      </View>

      <View className='wm-card wm-quiz-runner__card'>
        <View className='wm-quiz-runner__meta'>
          <Text className='wm-quiz-runner__type'>{QUESTION_TYPE_HINT[question.type]}</Text>
          <Text className='wm-text-tertiary'>{question.topicLabel}</Text>
        </View>
        <Text className='wm-quiz-runner__stem' id='wm-quiz-stem'>
          {question.stem}
        </Text>
        <OptionList type={question.type} options={question.options} chosen={answers[index]} onToggle={submitting ? undefined : toggle} />
      </View>

      {problem ? (
        <View className='wm-quiz-runner__problem' role='alert'>
          <Text>{problem}</Text>
        </View>
      ) : null}

      <Button
        className='wm-quiz-runner__next'
        id='wm-quiz-next'
        type='primary'
        block
        loading={submitting}
        disabled={submitting || waitMore}
        onClick={() => {
          if (answers[index].length === 0 && !last) {
            void Taro.showModal({ title: '还没有作答', content: '跳过这道题吗？跳过算答错。', confirmText: '跳过' }).then((r) => r.confirm && next())
            return
          }
          next()
        }}
      >
        {last ? submitLabel : '下一题'}
      </Button>
      <Text className='wm-text-tertiary wm-quiz-runner__foot'>整卷剩余 {Math.floor(paperLeft / 60)} 分 {paperLeft % 60} 秒 · 每题限时 {paper.perQuestionSeconds} 秒</Text>
    </View>
  )
}
