import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'
import './index.scss'

const TOPICS = ['社会主义核心价值观', '文明交通', '垃圾分类', '文明养犬', '公共礼仪', '网络文明', '创文知识']

export default function QuizHomePage() {
  return (
    <PageShell>
      <View className='wm-card'>
        <EmptyState
          glyph='答'
          title='今日答题即将开始'
          description='每天一套创文知识题，提交后公布答案和解析，答对得文明积分，答错的题自动收进错题本。题库上线前，可以先读读《市民文明手册》。'
          actionText='去读文明手册'
          onAction={() => openPage('/packages/handbook/pages/index/index')}
        />
      </View>
      <Text className='wm-section-title'>专题练习</Text>
      <View className='wm-quiz-topics'>
        {TOPICS.map((topic) => (
          <View key={topic} className='wm-quiz-topic'>
            <Text className='wm-quiz-topic__name'>{topic}</Text>
            <Text className='wm-text-tertiary'>题库准备中</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
