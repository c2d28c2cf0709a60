import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { QuizResult, ResultItem } from '@/shared/contract'
import { chapterOfSection, handbookSectionUrl, HANDBOOK_CHAPTERS } from '@/shared/handbook/ids'
import { openPage } from '@/lib/navigate'
import { QUIZ_HOME, QUIZ_RANK, QUIZ_WRONG_BOOK } from '../api'
import { pointsOutcomeText, QUESTION_TYPE_HINT } from '../labels'
import { marksFor, OptionList } from './option-list'
import './result-view.scss'

const MODE_TITLE = { daily: '每日一练', practice: '专题练习', review: '错题重练' } as const

function chapterTitle(sectionId: ResultItem['sectionId']): string {
  const chapter = chapterOfSection(sectionId)
  return HANDBOOK_CHAPTERS.find((c) => c.id === chapter)?.title ?? '市民文明手册'
}

/** Score, points, then every question with the person's answer, the right one and why. */
export function ResultView({ result }: { result: QuizResult }) {
  const perfect = result.correct === result.total
  return (
    <View className='wm-quiz-result' id='wm-quiz-result'>
      <View className='wm-card wm-quiz-result__summary'>
        <Text className='wm-quiz-result__mode'>
          {MODE_TITLE[result.mode]} · {result.day}
        </Text>
        <View className='wm-quiz-result__score' aria-label={`答对 ${result.correct} 题，共 ${result.total} 题`}>
          <Text className='wm-quiz-result__big' id='wm-quiz-score'>
            {result.correct}
          </Text>
          <Text className='wm-quiz-result__of'>/ {result.total} 题答对</Text>
        </View>
        <Text className='wm-quiz-result__points' id='wm-quiz-points'>
          {pointsOutcomeText(result.points, result.pointsAwarded)}
        </Text>
        {perfect ? <Text className='wm-text-secondary'>全部答对，真棒！</Text> : null}
        <View className='wm-quiz-result__actions'>
          <Button className='wm-quiz-result__action' type='primary' id='wm-quiz-to-rank' onClick={() => openPage(QUIZ_RANK)}>
            看排行榜
          </Button>
          <Button className='wm-quiz-result__action' fill='outline' type='primary' onClick={() => openPage(QUIZ_WRONG_BOOK)}>
            错题本
          </Button>
          <Button className='wm-quiz-result__action' fill='outline' type='primary' onClick={() => openPage(QUIZ_HOME)}>
            答题首页
          </Button>
        </View>
      </View>

      <Text className='wm-section-title'>答案与解析</Text>
      {result.items.map((item) => (
        <View key={item.index} className='wm-card wm-quiz-result__item' id={`wm-quiz-item-${item.index}`}>
          <View className='wm-quiz-result__head'>
            <Text className={`wm-quiz-result__verdict wm-quiz-result__verdict--${item.isCorrect ? 'right' : 'wrong'}`}>
              {item.isCorrect ? '✓ 答对了' : item.chosen.length === 0 ? '✗ 未作答' : '✗ 答错了'}
            </Text>
            <Text className='wm-text-tertiary'>
              第 {item.index + 1} 题 · {QUESTION_TYPE_HINT[item.type].split(' ')[0]} · {item.topicLabel}
            </Text>
          </View>
          <Text className='wm-quiz-result__stem'>{item.stem}</Text>
          <OptionList type={item.type} options={item.options} chosen={item.chosen} marks={marksFor(item.type, item.options.length, item.chosen, item.correct)} />
          <View className='wm-quiz-result__why'>
            <Text className='wm-quiz-result__why-title'>解析</Text>
            <Text className='wm-quiz-result__why-text'>{item.explanation}</Text>
          </View>
          <View
            className='wm-quiz-result__link'
            role='link'
            data-section={item.sectionId}
            onClick={() => openPage(handbookSectionUrl(item.sectionId))}
          >
            <Text>去《市民文明手册》学习：{chapterTitle(item.sectionId)}</Text>
            <Text aria-hidden='true'>›</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
