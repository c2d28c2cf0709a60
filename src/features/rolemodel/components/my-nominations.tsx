import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { listPlaceholder } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { NOMINATION_STATUS_LABEL, ROLEMODEL_LIMITS, type MyNominationView, type NominationStatus } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { dateText, rolemodelUrl } from '../labels'
import { Done, Photos, Problem, ResidentNav, Tag, categoryLabel, placeText, type TagTone } from './common'
import '../rolemodel.scss'

export const STATUS_TONE: Record<NominationStatus, TagTone> = {
  pending: 'plain',
  needsMore: 'warn',
  accepted: 'ok',
  declined: 'red',
  merged: 'plain',
  honoured: 'gold',
}

/** What each state means for the nominator, in a sentence. */
const STATUS_NEXT: Record<NominationStatus, string> = {
  pending: '文明办正在核实事迹，可能会打电话向您了解情况。',
  needsMore: '文明办需要您补充一些情况，请看下面的说明，补充后重新提交。',
  accepted: '事迹已核实。征得本人同意后，将列入身边好人评选公示。',
  declined: '这次没有采纳，理由见下。谢谢您的推荐，欢迎继续推荐身边的好人好事。',
  merged: '其他市民也推荐了这位，文明办已把推荐合并在一起审核，您的事迹描述一并保留。',
  honoured: '这位已获得本级或更高级别的称号，不再重复列入评选。',
}

const NOTE_LABEL: Partial<Record<NominationStatus, string>> = {
  needsMore: '文明办请您补充',
  declined: '未采纳的理由',
  honoured: '已获称号',
}

/** 我的推荐: each nomination with its state, what it means, and what the office asked. */
export function MyNominations() {
  const [items, setItems] = useState<MyNominationView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const list = useLoad(async () => {
    const result = await callCloud('rolemodel', 'myNominations', {})
    if (result.ok) {
      setItems(result.data.items)
      setCursor(result.data.nextCursor)
    }
    return result
  }, [])
  const more = async () => {
    if (!cursor) return
    const result = await callCloud('rolemodel', 'myNominations', { cursor })
    if (!result.ok) return
    setItems((prev) => [...prev, ...result.data.items])
    setCursor(result.data.nextCursor)
  }
  return (
    <View className='wm-rm' id='wm-rm-mine'>
      <ResidentNav current='mine' />
      {listPlaceholder({
        error: list.error,
        loading: list.loading,
        count: items.length,
        what: '我的推荐',
        onRetry: list.reload,
        empty: {
          glyph: '荐',
          title: '您还没有推荐过',
          description: '身边有人助人为乐、见义勇为、诚实守信、敬业奉献或孝老爱亲吗？把他/她的事迹推荐给文明办。',
          actionText: '我要推荐',
          onAction: () => openPage(rolemodelUrl('nominate')),
        },
      })}
      {items.map((n) => (
        <NominationCard key={n.id} nomination={n} onChange={(next) => setItems((prev) => prev.map((x) => (x.id === next.id ? next : x)))} />
      ))}
      {cursor ? (
        <Button block fill='outline' type='primary' onClick={() => void more()}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}

function NominationCard({ nomination: n, onChange }: { nomination: MyNominationView; onChange: (n: MyNominationView) => void }) {
  const noteLabel = NOTE_LABEL[n.status]
  return (
    <View className='wm-card' id={`wm-rm-my-${n.id}`} data-status={n.status}>
      <View className='wm-rm-row'>
        <View className='wm-rm-col'>
          <Text className='wm-rm-title'>{n.name}</Text>
          <Text className='wm-text-secondary'>
            {categoryLabel(n.categoryId)} · {placeText(n.place)}
          </Text>
        </View>
        <Tag text={NOMINATION_STATUS_LABEL[n.status]} tone={STATUS_TONE[n.status]} id={`wm-rm-my-status-${n.id}`} />
      </View>
      <Text className='wm-text-secondary wm-rm-gap'>{STATUS_NEXT[n.status]}</Text>
      {noteLabel && n.officeNote ? (
        <View className='wm-rm-asked' id={`wm-rm-my-note-${n.id}`}>
          <Text className='wm-rm-asked__tag'>{noteLabel}</Text>
          <Text className='wm-rm-private__text'>{n.officeNote}</Text>
        </View>
      ) : null}
      <Text className='wm-rm-story'>{n.account}</Text>
      <Photos urls={n.photos} label={n.name} />
      <Text className='wm-text-tertiary wm-rm-gap'>
        {dateText(n.createdAt)}推荐{n.updatedAt > n.createdAt + 60_000 ? ` · ${dateText(n.updatedAt)}更新` : ''}
      </Text>
      {n.status === 'needsMore' ? <AmendForm nomination={n} onAmended={onChange} /> : null}
    </View>
  )
}

/** 补充材料: the account rewritten with what the office asked for; it goes back to 待审核. */
function AmendForm({ nomination, onAmended }: { nomination: MyNominationView; onAmended: (n: MyNominationView) => void }) {
  const [account, setAccount] = useState(nomination.account)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const length = account.trim().length
  const submit = async () => {
    if (account.trim() === nomination.account.trim()) return setProblem('请先按文明办的要求补充事迹简述')
    if (length < ROLEMODEL_LIMITS.accountMin || length > ROLEMODEL_LIMITS.accountMax) return setProblem(`事迹简述应为 ${ROLEMODEL_LIMITS.accountMin}–${ROLEMODEL_LIMITS.accountMax} 字`)
    setBusy(true)
    const result = await callCloud('rolemodel', 'amend', { nominationId: nomination.id, account: account.trim() })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    setDone('已补充，文明办会重新审核')
    onAmended(result.data)
  }
  return (
    <View className='wm-rm-gap'>
      <Text className='wm-field-label'>补充后的事迹简述</Text>
      <TextArea className='wm-rm-textarea' id={`wm-rm-amend-${nomination.id}`} value={account} maxlength={ROLEMODEL_LIMITS.accountMax} onInput={(v) => { setAccount(v); setProblem(null) }} />
      <Text className='wm-rm-counter'>
        {length}/{ROLEMODEL_LIMITS.accountMax} 字
      </Text>
      <Problem text={problem} />
      <Done text={done} />
      <Button block type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        提交补充材料
      </Button>
    </View>
  )
}
