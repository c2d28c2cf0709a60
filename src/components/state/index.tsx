import type { ReactNode } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

/** Grey blocks in the shape of the content that is on its way; better than a spinner on a blank page. */
export function Skeleton({ rows = 3, title = true }: { rows?: number; title?: boolean }) {
  return (
    <View className='wm-skeleton' aria-busy='true' aria-label='正在加载'>
      {title ? <View className='wm-skeleton__line wm-skeleton__line--title' /> : null}
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className={`wm-skeleton__line${index === rows - 1 ? ' wm-skeleton__line--short' : ''}`} />
      ))}
    </View>
  )
}

export interface EmptyStateProps {
  /** one character drawn in the badge, e.g. 题 for quizzes */
  glyph: string
  title: string
  /** what will be here, and what to do next */
  description: ReactNode
  actionText?: string
  onAction?: () => void
}

export function EmptyState({ glyph, title, description, actionText, onAction }: EmptyStateProps) {
  return (
    <View className='wm-state'>
      <View className='wm-state__glyph' aria-hidden='true'>
        <Text>{glyph}</Text>
      </View>
      <Text className='wm-state__title'>{title}</Text>
      <View className='wm-state__description'>{description}</View>
      {actionText && onAction ? (
        <Button className='wm-state__action' type='primary' fill='outline' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

export interface ErrorStateProps {
  message: string
  onRetry: () => void
  /** what failed to load, e.g. 个人资料 */
  what?: string
  /** the failure's code: one that means “this id points at nothing” (*.NOT_FOUND, INPUT.INVALID) says so instead */
  code?: string
}

/** the codes of a load whose id points at nothing (any more), or is not even well-formed: a retry cannot help */
export const isGoneCode = (code: string | undefined): boolean => !!code && (code === 'INPUT.INVALID' || code.endsWith('NOT_FOUND'))

/** what the server says for an id that is not even well-formed (COMMON_ERRORS['INPUT.INVALID']) */
const VALIDATION_MESSAGE = '提交的内容不符合要求'

export function ErrorState({ message, onRetry, what, code }: ErrorStateProps) {
  // a page that could not load because its link carries no id, a malformed one or a stale one: the
  // link points at nothing, and a retry cannot help. Say so, with a way home — never the validation words.
  if (message === VALIDATION_MESSAGE || isGoneCode(code)) return <GoneState />
  return (
    <View className='wm-state wm-state--error' role='alert'>
      <View className='wm-state__glyph wm-state__glyph--error' aria-hidden='true'>
        <Text>!</Text>
      </View>
      <Text className='wm-state__title'>{what ? `${what}加载失败` : '加载失败'}</Text>
      <View className='wm-state__description'>{message}</View>
      <Button className='wm-state__action' type='primary' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

/**
 * A link to something that is not there (any more): 「内容不存在或已下线」 and a way home.
 * `description` may name what was asked for (「找不到这条随手拍…」); never an id.
 */
export function GoneState({ description = '链接可能已过期，或这条内容已被撤下。回到首页看看现在的事项。' }: { description?: string } = {}) {
  return (
    <View className='wm-state' id='wm-gone'>
      <View className='wm-state__glyph' aria-hidden='true'>
        <Text>无</Text>
      </View>
      <Text className='wm-state__title'>内容不存在或已下线</Text>
      <View className='wm-state__description'>{description}</View>
      <Button className='wm-state__action' type='primary' fill='outline' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
        回到首页
      </Button>
    </View>
  )
}

/** A gentle message at the top of a page, with a word on what it is (not only a colour). */
export function InlineNotice({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <View className='wm-notice' role='status' id='wm-notice'>
      <Text className='wm-notice__tag'>提示</Text>
      <Text className='wm-notice__text'>{message}</Text>
      <View className='wm-notice__close' role='button' aria-label='知道了，关闭提示' onClick={onClose}>
        <Text>知道了</Text>
      </View>
    </View>
  )
}

export interface ListPlaceholderProps {
  error: { message: string; code?: string } | null
  loading: boolean
  /** rows already on screen: with any, the list shows them and no placeholder */
  count: number
  /** what failed to load, e.g. 志愿记录 */
  what: string
  onRetry: () => void
  empty: EmptyStateProps
  skeletonRows?: number
}

/**
 * What a list shows instead of rows: the error with a retry, a skeleton while the first page
 * loads, or the empty state. Null once there are rows (later errors show beside the rows).
 */
export function listPlaceholder({ error, loading, count, what, onRetry, empty, skeletonRows = 3 }: ListPlaceholderProps): ReactNode {
  if (count > 0) return null
  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what={what} message={error.message} code={error.code} onRetry={onRetry} />
      </View>
    )
  }
  return (
    <View className='wm-card'>{loading ? <Skeleton rows={skeletonRows} /> : <EmptyState {...empty} />}</View>
  )
}
