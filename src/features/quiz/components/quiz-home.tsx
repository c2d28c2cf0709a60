import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { QuizHome } from '@/shared/contract'
import { openPage } from '@/lib/navigate'
import { paperUrl, QUIZ_MANAGE, QUIZ_POINTS, QUIZ_RANK, QUIZ_WRONG_BOOK, resultUrl } from '../api'
import './quiz-home.scss'

/** 每日一练 with today's state, the shortcuts (积分, 错题本, 排行榜) and the topics to practise. */
export function QuizHomeView({ home }: { home: QuizHome }) {
  const { daily } = home
  const minutes = Math.ceil((home.dailyQuestionCount * home.perQuestionSeconds) / 60)
  return (
    <View className='wm-quiz-home'>
      <View className='wm-card wm-quiz-daily' id='wm-quiz-daily'>
        <View className='wm-quiz-daily__text'>
          <Text className='wm-quiz-daily__title'>每日一练</Text>
          <Text className='wm-quiz-daily__detail'>
            {daily.status === 'submitted'
              ? `今天已完成：答对 ${daily.correctCount ?? 0}/${daily.total ?? 0} 题`
              : `${home.dailyQuestionCount} 道题，每题限时 ${home.perQuestionSeconds} 秒，约 ${minutes} 分钟。答对 1 题得 1 文明积分，每天计一次。`}
          </Text>
        </View>
        {daily.status === 'submitted' && daily.attemptId ? (
          <Button type='primary' fill='outline' id='wm-quiz-daily-result' onClick={() => daily.attemptId && openPage(resultUrl(daily.attemptId))}>
            查看解析
          </Button>
        ) : (
          <Button type='primary' id='wm-quiz-daily-start' onClick={() => openPage(paperUrl('daily'))}>
            {daily.status === 'started' ? '继续答题' : '开始答题'}
          </Button>
        )}
      </View>

      <View className='wm-quiz-shortcuts'>
        <View className='wm-card wm-quiz-shortcut' role='link' id='wm-quiz-points-link' onClick={() => openPage(QUIZ_POINTS)}>
          <Text className='wm-quiz-shortcut__value'>{home.points}</Text>
          <Text className='wm-quiz-shortcut__label'>文明积分</Text>
        </View>
        <View className='wm-card wm-quiz-shortcut' role='link' id='wm-quiz-wrong-link' onClick={() => openPage(QUIZ_WRONG_BOOK)}>
          <Text className='wm-quiz-shortcut__value'>{home.wrongCount}</Text>
          <Text className='wm-quiz-shortcut__label'>错题本</Text>
        </View>
        <View className='wm-card wm-quiz-shortcut' role='link' id='wm-quiz-rank-link' onClick={() => openPage(QUIZ_RANK)}>
          <Text className='wm-quiz-shortcut__value'>榜</Text>
          <Text className='wm-quiz-shortcut__label'>排行榜</Text>
        </View>
      </View>

      {home.canManage ? (
        <View className='wm-card wm-quiz-manage' role='link' id='wm-quiz-manage-link' onClick={() => openPage(QUIZ_MANAGE)}>
          <Text className='wm-quiz-manage__title'>题库管理（文明办）</Text>
          <Text className='wm-text-tertiary'>新增、修改、下架题目，无需发版，立即生效 ›</Text>
        </View>
      ) : null}

      <Text className='wm-section-title'>专题练习</Text>
      <Text className='wm-text-tertiary wm-quiz-home__note'>按专题练习，不限次数，不计积分；提交后看答案和解析。</Text>
      <View className='wm-quiz-topics'>
        {home.topics.map((topic) => (
          <View
            key={topic.id}
            className={`wm-quiz-topic${topic.count === 0 ? ' wm-quiz-topic--empty' : ''}`}
            role='link'
            aria-disabled={topic.count === 0}
            data-topic={topic.id}
            onClick={topic.count > 0 ? () => openPage(paperUrl('practice', topic.id)) : undefined}
          >
            <Text className='wm-quiz-topic__name'>{topic.label}</Text>
            <Text className='wm-text-tertiary'>{topic.count > 0 ? `${topic.count} 题` : '题目准备中'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
