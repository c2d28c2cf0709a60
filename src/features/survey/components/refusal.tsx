import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { surveyView } from '../labels'

/** A kind word instead of an error: a role that may not use the view, or a stale link. */
export function SurveyNotice({ id, glyph, title, text, actionText = '查看正在进行的问卷', onAction }: { id: string; glyph: string; title: string; text: string; actionText?: string; onAction?: () => void }) {
  return (
    <View className='wm-card' id={id}>
      <EmptyState glyph={glyph} title={title} description={text} actionText={actionText} onAction={onAction ?? (() => openPage(surveyView('list')))} />
    </View>
  )
}

/** What the office's views say to anyone else. */
export function OfficeOnly({ what }: { what: string }) {
  return (
    <SurveyNotice
      id='wm-sv-forbidden'
      glyph='办'
      title={`${what}由文明办查看`}
      text='民意调查的问卷设置和统计结果只有市文明办可以查看。您可以参加正在进行的问卷：回答不记名，只用于改进创建工作。'
    />
  )
}

/** What is stored, said before anything is asked. */
export function PrivacyNote() {
  return (
    <View className='wm-sv-privacy' id='wm-sv-privacy'>
      <Text className='wm-sv-privacy__tag'>匿名作答</Text>
      <Text className='wm-sv-privacy__text'>
        问卷不记名：只保存您选的社区、年龄段、各题回答和作答日期（不记具体时间），不保存您的微信身份、姓名或电话，答卷和您本人无法对应。为防止重复作答，系统只另存一个无法反推出您身份的标记。
      </Text>
    </View>
  )
}
