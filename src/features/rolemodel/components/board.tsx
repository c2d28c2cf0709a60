import { useState } from 'react'
import { Button as NutButton } from '@nutui/nutui-react-taro'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ErrorState, EmptyState, Skeleton } from '@/components/state'
import { ROLEMODEL_CATEGORY_IDS, type HonourView, type RolemodelCategoryId, type RoundSummary } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { dateText, rolemodelUrl } from '../labels'
import { Photos, ResidentNav, Tag, categoryLabel, placeText } from './common'
import '../rolemodel.scss'

/**
 * 身边好人榜: the people chosen in closed rounds, newest first, by category; each with the story
 * they agreed to show, a 点赞 (once per person) and a share. A shared link (?honourId=) opens
 * with that person at the top.
 */
export function Board({ honourId }: { honourId: string }) {
  const [category, setCategory] = useState<RolemodelCategoryId | null>(null)
  const [items, setItems] = useState<HonourView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const page = useLoad(async () => {
    const result = await callCloud('rolemodel', 'board', category ? { categoryId: category } : {})
    if (result.ok) {
      setItems(result.data.items)
      setCursor(result.data.nextCursor)
    }
    return result
  }, [category])
  const shared = useLoad(() => (honourId ? callCloud('rolemodel', 'honour', { honourId }) : Promise.resolve({ ok: true as const, data: null })), [honourId])
  const rounds = useLoad(() => callCloud('rolemodel', 'rounds', {}), [])
  const open = rounds.data?.find((r) => r.status === 'open') ?? null

  const loadMore = async () => {
    if (!cursor) return
    setMore({ busy: true, error: null })
    const result = await callCloud('rolemodel', 'board', { ...(category ? { categoryId: category } : {}), cursor })
    if (!result.ok) return setMore({ busy: false, error: result.message })
    setItems((prev) => [...prev, ...result.data.items])
    setCursor(result.data.nextCursor)
    setMore({ busy: false, error: null })
  }
  const onLiked = (h: HonourView) => setItems((prev) => prev.map((x) => (x.id === h.id ? h : x)))
  const top = shared.data ?? null

  return (
    <View className='wm-rm' id='wm-rm-board'>
      <View className='wm-rm-hero'>
        <Text className='wm-rm-hero__title'>身边好人榜</Text>
        <Text className='wm-rm-hero__text'>助人为乐、见义勇为、诚实守信、敬业奉献、孝老爱亲 —— 经市民推荐、本人同意、公示投票和评审产生</Text>
      </View>
      <ResidentNav current='board' />
      {open ? <OpenRoundBanner round={open} /> : null}
      {top ? (
        <>
          <Text className='wm-section-title'>分享给您的好人</Text>
          <HonourCard honour={top} onLiked={(h) => shared.setData(h)} />
        </>
      ) : null}
      <View className='wm-rm-chips wm-rm-board__filter' role='radiogroup' aria-label='按类别查看'>
        {[null, ...ROLEMODEL_CATEGORY_IDS].map((c) => (
          <View
            key={c ?? 'all'}
            id={`wm-rm-board-cat-${c ?? 'all'}`}
            role='radio'
            aria-checked={c === category}
            className={`wm-rm-chip${c === category ? ' wm-rm-chip--on' : ''}`}
            onClick={() => setCategory(c)}
          >
            <Text>
              {c === category ? '✓ ' : ''}
              {c ? categoryLabel(c) : '全部'}
            </Text>
          </View>
        ))}
      </View>
      <View className='wm-rm-gap' />
      {items.length === 0 ? (
        <View className='wm-card'>
          {page.error ? (
            <ErrorState what='好人榜' message={page.error.message} onRetry={page.reload} />
          ) : page.loading ? (
            <Skeleton rows={5} />
          ) : (
            <EmptyState
              glyph='好'
              title={category ? `还没有「${categoryLabel(category)}」的好人上榜` : '好人榜还没有人上榜'}
              description='每次评选结束、结果公布后，入选的身边好人会出现在这里。您身边有好人好事吗？推荐给文明办吧。'
              actionText='我要推荐'
              onAction={() => openPage(rolemodelUrl('nominate'))}
            />
          )}
        </View>
      ) : (
        items.filter((h) => h.id !== top?.id).map((h) => <HonourCard key={h.id} honour={h} onLiked={onLiked} />)
      )}
      {cursor ? (
        <NutButton block fill='outline' type='primary' loading={more.busy} disabled={more.busy} onClick={() => void loadMore()}>
          {more.error ? `加载失败（${more.error}），点此重试` : '加载更多'}
        </NutButton>
      ) : null}
    </View>
  )
}

function OpenRoundBanner({ round }: { round: RoundSummary }) {
  return (
    <View className='wm-card' id='wm-rm-open-round' role='link' onClick={() => openPage(rolemodelUrl('round', { roundId: round.id }))}>
      <View className='wm-rm-row'>
        <View className='wm-rm-col'>
          <Tag text='公示投票中' tone='red' />
          <Text className='wm-rm-title wm-rm-gap'>{round.title}</Text>
          <Text className='wm-text-secondary'>
            {round.candidateCount} 位候选人，{dateText(round.endAt)}截止
          </Text>
        </View>
        <Text className='wm-rm-link'>去投票 ›</Text>
      </View>
    </View>
  )
}

/** Where sharing happens: WeChat's own share button in the mini-program; the browser has none. */
function ShareButton({ honour }: { honour: HonourView }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className='wm-rm-share' openType='share' data-honour-id={honour.id} data-name={honour.name}>
        分享给朋友
      </Button>
    )
  }
  return (
    <View className='wm-rm-share' role='button' onClick={() => void Taro.showToast({ icon: 'none', title: '请在微信小程序中分享' })}>
      <Text>分享给朋友</Text>
    </View>
  )
}

export function HonourCard({ honour, onLiked }: { honour: HonourView; onLiked: (h: HonourView) => void }) {
  const [busy, setBusy] = useState(false)
  const like = async () => {
    if (honour.likedByMe || busy) return
    setBusy(true)
    const result = await callCloud('rolemodel', 'like', { honourId: honour.id })
    setBusy(false)
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    onLiked({ ...honour, likes: result.data.likes, likedByMe: true })
  }
  return (
    <View className='wm-card wm-rm-honour' id={`wm-rm-honour-${honour.id}`} data-name={honour.name}>
      <View className='wm-rm-row'>
        <Text className='wm-rm-title'>{honour.name}</Text>
        <Tag text={categoryLabel(honour.categoryId)} tone='gold' />
      </View>
      <Text className='wm-text-secondary'>{placeText(honour.place)}</Text>
      <Text className='wm-text-tertiary'>
        {honour.roundTitle} · {dateText(honour.honouredAt)}入选
      </Text>
      <Text className='wm-rm-story'>{honour.story}</Text>
      <Photos urls={honour.photos} label={honour.name} />
      <View className='wm-rm-actions'>
        <View
          className={`wm-rm-like${honour.likedByMe ? ' wm-rm-like--on' : ''}`}
          role='button'
          id={`wm-rm-like-${honour.id}`}
          aria-pressed={honour.likedByMe}
          onClick={() => void like()}
        >
          <Text>{honour.likedByMe ? `已点赞 · ${honour.likes}` : `点赞 · ${honour.likes}`}</Text>
        </View>
        <ShareButton honour={honour} />
      </View>
    </View>
  )
}
