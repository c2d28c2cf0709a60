import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { handbookSectionUrl } from '@/shared/handbook/ids'
import { openPage } from '@/lib/navigate'
import { paperUrl, QUIZ_HOME, useWrongBook } from '../api'
import { QUESTION_TYPE_HINT } from '../labels'
import { marksFor, OptionList } from './option-list'
import './wrong-book-list.scss'

/** 错题本: each wrong question with the right answer and why; 重练 draws from the book. */
export function WrongBookList() {
  const book = useWrongBook()
  if (book.status === 'error' && book.items.length === 0) {
    return (
      <View className='wm-card'>
        <ErrorState what='错题本' message={book.error?.message ?? ''} onRetry={() => void book.reload()} />
      </View>
    )
  }
  if (book.status === 'loading' && book.items.length === 0) {
    return (
      <View className='wm-card'>
        <Skeleton rows={5} />
      </View>
    )
  }
  if (book.items.length === 0) {
    return (
      <View className='wm-card'>
        <EmptyState glyph='错' title='错题本是空的' description='答错的题会自动收进来；连续答对两次就会移出。' actionText='去答题' onAction={() => openPage(QUIZ_HOME)} />
      </View>
    )
  }
  return (
    <View className='wm-wrong' id='wm-wrong-book'>
      <View className='wm-card wm-wrong__head'>
        <Text className='wm-text-secondary'>共 {book.total ?? book.items.length} 道错题，连续答对两次即移出错题本</Text>
        <Button type='primary' id='wm-wrong-review' onClick={() => openPage(paperUrl('review', undefined, Math.min(10, book.total ?? 10)))}>
          错题重练
        </Button>
      </View>
      {book.items.map((item) => (
        <View key={item.questionId} className='wm-card'>
          <Text className='wm-text-tertiary'>
            {item.topicLabel} · {QUESTION_TYPE_HINT[item.type].split(' ')[0]} · 答错 {item.wrongCount} 次{item.correctStreak > 0 ? ` · 已连续答对 ${item.correctStreak} 次` : ''}
          </Text>
          <Text className='wm-wrong__stem'>{item.stem}</Text>
          <OptionList type={item.type} options={item.options} chosen={[]} marks={marksFor(item.type, item.options.length, [], item.correct)} />
          <Text className='wm-wrong__why'>解析：{item.explanation}</Text>
          <View className='wm-wrong__link' role='link' onClick={() => openPage(handbookSectionUrl(item.sectionId))}>
            <Text>去《市民文明手册》学习 ›</Text>
          </View>
        </View>
      ))}
      {book.hasMore ? (
        <Button fill='outline' type='primary' block loading={book.status === 'loading'} onClick={book.more}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
