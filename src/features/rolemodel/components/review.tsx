import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ErrorState, Skeleton, listPlaceholder } from '@/components/state'
import { TextArea } from '@/components/text-area'
import {
  CONSENT_STATUS_LABEL,
  HONOUR_LEVELS,
  HONOUR_LEVEL_LABEL,
  NOMINATION_STATUSES,
  NOMINATION_STATUS_LABEL,
  ROLEMODEL_LIMITS,
  type ConsentCodeView,
  type HonourLevel,
  type NominationListItem,
  type NominationOfficeView,
  type NominationStatus,
  type ReviewScopeView,
} from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { districtsText, useLoad } from '../api'
import { ROLEMODEL_PAGE, dateText, rolemodelUrl, timeText } from '../labels'
import { Done, OfficeRefusal, Photos, Problem, Tag, categoryLabel, placeText } from './common'
import { STATUS_TONE } from './my-nominations'
import '../rolemodel.scss'

/** The history's actions in words; one the client does not know yet reads 处理. */
const HISTORY_LABEL: Record<string, string> = {
  nominate: '市民推荐',
  amend: '推荐人补充材料',
  accept: '采纳，生成同意码',
  askMore: '要求补充材料',
  decline: '不予采纳',
  merge: '并入另一条推荐',
  mergedFrom: '并入了一条推荐',
  markHonoured: '标记已获评称号',
  honoured: '标记已获评称号',
  consentCode: '重新生成同意码',
  consent: '本人确认',
}

/** 推荐审核: the queue by state, or one nomination (?id=) with every decision the office can take. */
export function Review({ nominationId }: { nominationId: string }) {
  // the office reviews every district; a 区文明办审核员 only theirs, and only accept / ask more / decline
  const scope = useLoad(() => callCloud('rolemodel', 'reviewScope', {}), [])
  if (scope.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='推荐审核' />
  if (!scope.data) return <View className='wm-card'>{scope.error ? <ErrorState what='推荐审核' message={scope.error.message} onRetry={scope.reload} /> : <Skeleton rows={8} />}</View>
  return nominationId ? <NominationDetail nominationId={nominationId} scope={scope.data} /> : <Queue scope={scope.data} />
}

function Queue({ scope }: { scope: ReviewScopeView }) {
  const [status, setStatus] = useState<NominationStatus>('pending')
  const [items, setItems] = useState<NominationListItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const list = useLoad(async () => {
    setItems([])
    const result = await callCloud('rolemodel', 'queue', { status })
    if (result.ok) {
      setItems(result.data.items)
      setCursor(result.data.nextCursor)
    }
    return result
  }, [status])
  if (list.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='推荐审核' />
  const more = async () => {
    if (!cursor) return
    const result = await callCloud('rolemodel', 'queue', { status, cursor })
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    setItems((prev) => [...prev, ...result.data.items])
    setCursor(result.data.nextCursor)
  }
  return (
    <View className='wm-rm wm-rm-wide' id='wm-rm-queue'>
      {scope.office ? null : (
        <View className='wm-card' id='wm-rm-queue-districts'>
          <Text className='wm-rm-title'>{scope.districts.length ? `您审核：${districtsText(scope.districts)}的推荐` : '文明办还没有授权您审核哪个区'}</Text>
          <Text className='wm-text-secondary'>其他区的推荐由市文明办或该区的审核员处理。</Text>
        </View>
      )}
      <View className='wm-rm-chips' role='tablist'>
        {NOMINATION_STATUSES.map((s) => (
          <View key={s} role='tab' aria-selected={s === status} id={`wm-rm-queue-${s}`} className={`wm-rm-chip${s === status ? ' wm-rm-chip--on' : ''}`} onClick={() => setStatus(s)}>
            <Text>
              {s === status ? '✓ ' : ''}
              {NOMINATION_STATUS_LABEL[s]}
            </Text>
          </View>
        ))}
      </View>
      <View className='wm-rm-gap' />
      {listPlaceholder({
        error: list.error,
        loading: list.loading,
        count: items.length,
        what: '审核队列',
        onRetry: list.reload,
        empty: { glyph: '审', title: `没有「${NOMINATION_STATUS_LABEL[status]}」的推荐`, description: status === 'pending' ? '市民提交的推荐会按时间先后排在这里，最早的在前。' : '换一个状态看看。' },
      })}
      {items.length > 0 ? (
        <View className='wm-card'>
          {items.map((n) => (
            <View key={n.id} className='wm-rm-item' role='link' id={`wm-rm-queue-item-${n.id}`} data-name={n.name} onClick={() => openPage(rolemodelUrl('review', { id: n.id }))}>
              <View className='wm-rm-row'>
                <Text className='wm-rm-title'>{n.name}</Text>
                <Tag text={NOMINATION_STATUS_LABEL[n.status]} tone={STATUS_TONE[n.status]} />
              </View>
              <Text className='wm-text-secondary'>
                {categoryLabel(n.categoryId)} · {placeText(n.place)} · {dateText(n.createdAt)}
              </Text>
              <Text className='wm-text-secondary'>{n.excerpt}</Text>
              <View className='wm-rm-tags'>
                {n.photoCount > 0 ? <Tag text={`${n.photoCount} 张照片`} /> : null}
                {n.possibleDuplicates > 0 ? <Tag text={`疑似重复 ${n.possibleDuplicates} 条`} tone='warn' /> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {cursor ? (
        <Button block fill='outline' type='primary' onClick={() => void more()}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}

type Decision = 'accept' | 'askMore' | 'decline' | 'honoured' | null

function NominationDetail({ nominationId, scope }: { nominationId: string; scope: ReviewScopeView }) {
  const got = useLoad(() => callCloud('rolemodel', 'get', { nominationId }), [nominationId])
  const [decision, setDecision] = useState<Decision>(null)
  const [code, setCode] = useState<ConsentCodeView | null>(null)
  if (got.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='推荐审核' />
  if (!got.data) return <View className='wm-card'>{got.error ? <ErrorState what='这条推荐' message={got.error.message} code={got.error.code} onRetry={got.reload} /> : <Skeleton rows={10} />}</View>
  const n = got.data
  const open = n.status === 'pending' || n.status === 'needsMore'
  const update = (next: NominationOfficeView) => {
    got.setData(next)
    setDecision(null)
  }
  return (
    <View className='wm-rm wm-rm-wide' id='wm-rm-review' data-status={n.status}>
      <View className='wm-rm-cols'>
        <View className='wm-rm-col'>
          <View className='wm-card'>
            <View className='wm-rm-row'>
              <Text className='wm-rm-title'>{n.name}</Text>
              <Tag text={NOMINATION_STATUS_LABEL[n.status]} tone={STATUS_TONE[n.status]} id='wm-rm-review-status' />
            </View>
            <Text className='wm-text-secondary'>
              {categoryLabel(n.categoryId)} · {placeText(n.place)}
            </Text>
            <Text className='wm-text-tertiary'>{timeText(n.createdAt)}推荐</Text>
            <Text className='wm-rm-story'>{n.account}</Text>
            <Photos urls={n.photoChecks.filter((p) => p.state !== 'rejected').map((p) => p.url)} label={n.name} />
            {n.photoChecks.some((p) => p.state !== 'pass') ? (
              <Text className='wm-text-tertiary'>
                内容检测：{n.photoChecks.filter((p) => p.state === 'pending').length} 张待检测，{n.photoChecks.filter((p) => p.state === 'rejected').length} 张未通过（未通过的不显示、不公开）
              </Text>
            ) : null}
            {n.honour ? <Text className='wm-text-secondary wm-rm-gap'>已获称号：{HONOUR_LEVEL_LABEL[n.honour.level]} {n.honour.title}（{n.honour.year} 年）</Text> : null}
            {n.officeNote ? <Text className='wm-text-secondary wm-rm-gap'>给推荐人的说明：{n.officeNote}</Text> : null}
            <View className='wm-rm-private'>
              <Text className='wm-rm-private__tag'>推荐人电话 · 仅文明办可见</Text>
              <Text className='wm-rm-private__text' id='wm-rm-review-phone'>
                {n.nominatorPhone}（核实事迹时联系，不得告知被推荐人或公开）
              </Text>
            </View>
          </View>
          {n.merged.length > 0 ? (
            <>
              <Text className='wm-section-title'>已并入的推荐（{n.merged.length}）</Text>
              <View className='wm-card'>
                {n.merged.map((m) => (
                  <View key={m.id} className='wm-rm-item'>
                    <Text className='wm-text-tertiary'>{timeText(m.createdAt)}</Text>
                    <Text className='wm-text-secondary'>{m.account}</Text>
                  </View>
                ))}
              </View>
            </>
          ) : null}
        </View>
        <View className='wm-rm-col'>
          {code ? <ConsentCodePanel code={code} /> : null}
          {n.nomineeId && !code && scope.office ? <NomineeConsent nomineeId={n.nomineeId} onCode={setCode} /> : null}
          {open ? (
            <>
              <Text className='wm-section-title'>审核</Text>
              <View className='wm-card'>
                <View className='wm-rm-buttons' role='radiogroup'>
                  {(
                    [
                      ['accept', '采纳'],
                      ['askMore', '要求补充'],
                      ['decline', '不予采纳'],
                      ['honoured', '已获评称号'],
                    ] as const
                  ).filter(([d]) => scope.office || d !== 'honoured').map(([d, label]) => (
                    <View key={d} role='radio' aria-checked={decision === d} id={`wm-rm-decide-${d}`} className={`wm-rm-chip${decision === d ? ' wm-rm-chip--on' : ''}`} onClick={() => setDecision(d)}>
                      <Text>
                        {decision === d ? '✓ ' : ''}
                        {label}
                      </Text>
                    </View>
                  ))}
                </View>
                {decision === 'accept' ? <AcceptForm n={n} onAccepted={(next, c) => { update(next); setCode(c) }} /> : null}
                {decision === 'askMore' || decision === 'decline' ? <NoteForm n={n} decision={decision} onDone={update} /> : null}
                {decision === 'honoured' ? <HonouredForm n={n} onDone={update} /> : null}
              </View>
            </>
          ) : null}
          {n.possibleDuplicates.length > 0 && (open || n.status === 'accepted') ? <Duplicates n={n} mayMerge={scope.office} onMerged={update} /> : null}
          <Text className='wm-section-title'>处理记录</Text>
          <View className='wm-card' id='wm-rm-review-history'>
            {n.history.map((h, i) => (
              <View key={i} className='wm-rm-item'>
                <Text className='wm-text-tertiary'>{timeText(h.at)}</Text>
                <Text className='wm-text-secondary'>
                  {HISTORY_LABEL[h.action] ?? '处理'}
                  {h.note ? `：${h.note}` : ''}
                </Text>
              </View>
            ))}
          </View>
        </View>
      </View>
    </View>
  )
}

function AcceptForm({ n, onAccepted }: { n: NominationOfficeView; onAccepted: (n: NominationOfficeView, code: ConsentCodeView) => void }) {
  const [story, setStory] = useState(n.account)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const length = story.trim().length
    if (length < ROLEMODEL_LIMITS.accountMin || length > ROLEMODEL_LIMITS.accountMax) return setProblem(`公示事迹应为 ${ROLEMODEL_LIMITS.accountMin}–${ROLEMODEL_LIMITS.accountMax} 字`)
    setBusy(true)
    const result = await callCloud('rolemodel', 'review', { nominationId: n.id, decision: 'accept', ...(story.trim() !== n.account.trim() ? { story: story.trim() } : {}) })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    if ('consent' in result.data) onAccepted(result.data.nomination, result.data.consent)
  }
  return (
    <View className='wm-rm-gap'>
      <Text className='wm-field-label'>公示的事迹（可修改措辞，删去不宜公开的隐私）</Text>
      <TextArea className='wm-rm-textarea' id='wm-rm-accept-story' value={story} maxlength={ROLEMODEL_LIMITS.accountMax} onInput={(v) => { setStory(v); setProblem(null) }} />
      <Text className='wm-rm-counter'>
        {story.trim().length}/{ROLEMODEL_LIMITS.accountMax} 字
      </Text>
      <Text className='wm-text-secondary'>采纳后生成一次性同意码，请交给被推荐人本人；本人同意前，任何内容都不公开。</Text>
      <Problem text={problem} />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-rm-accept-submit' onClick={() => void submit()}>
        采纳并生成同意码
      </Button>
    </View>
  )
}

function NoteForm({ n, decision, onDone }: { n: NominationOfficeView; decision: 'askMore' | 'decline'; onDone: (n: NominationOfficeView) => void }) {
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = decision === 'askMore' ? '需要推荐人补充什么（推荐人可见）' : '未采纳的理由（推荐人可见）'
  const submit = async () => {
    if (note.trim().length < 2) return setProblem(`请填写${decision === 'askMore' ? '需要补充的内容' : '未采纳的理由'}`)
    setBusy(true)
    const result = await callCloud('rolemodel', 'review', decision === 'askMore' ? { nominationId: n.id, decision, note: note.trim() } : { nominationId: n.id, decision, reason: note.trim() })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    if (!('consent' in result.data)) onDone(result.data)
  }
  return (
    <View className='wm-rm-gap'>
      <Text className='wm-field-label'>{label}</Text>
      <TextArea className='wm-rm-textarea wm-rm-textarea--short' id='wm-rm-review-note' value={note} maxlength={ROLEMODEL_LIMITS.noteMax} placeholder={decision === 'askMore' ? '如：请补充事情发生的大致时间和受助人的情况' : '如：事迹发生在五年以前，不在本次征集范围'} onInput={(v) => { setNote(v); setProblem(null) }} />
      <Text className='wm-rm-counter'>
        {note.trim().length}/{ROLEMODEL_LIMITS.noteMax} 字
      </Text>
      <Problem text={problem} />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-rm-review-note-submit' onClick={() => void submit()}>
        {decision === 'askMore' ? '请推荐人补充' : '不予采纳'}
      </Button>
    </View>
  )
}

function HonouredForm({ n, onDone }: { n: NominationOfficeView; onDone: (n: NominationOfficeView) => void }) {
  const [level, setLevel] = useState<HonourLevel>('province')
  const [title, setTitle] = useState('')
  const [year, setYear] = useState(String(new Date().getFullYear()))
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    if (title.trim().length < 2) return setProblem('请填写所获称号，如「湖南好人」')
    const y = Number(year)
    if (!Number.isInteger(y) || y < 1949 || y > 2100) return setProblem('请填写获评年份，如 2024')
    const result = await callCloud('rolemodel', 'markHonoured', { nominationId: n.id, level, title: title.trim(), year: y })
    if (!result.ok) return setProblem(result.message)
    onDone(result.data)
  }
  return (
    <View className='wm-rm-gap'>
      <Text className='wm-field-label'>已获称号的级别</Text>
      <View className='wm-rm-chips'>
        {HONOUR_LEVELS.map((l) => (
          <View key={l} role='radio' aria-checked={l === level} className={`wm-rm-chip${l === level ? ' wm-rm-chip--on' : ''}`} onClick={() => setLevel(l)}>
            <Text>
              {l === level ? '✓ ' : ''}
              {HONOUR_LEVEL_LABEL[l]}
            </Text>
          </View>
        ))}
      </View>
      <Text className='wm-field-label'>称号</Text>
      <Input className='wm-field-input' value={title} maxlength={ROLEMODEL_LIMITS.honourTitleMax} placeholder='如：省道德模范' onInput={(e) => setTitle(e.detail.value)} />
      <Text className='wm-field-label'>获评年份</Text>
      <Input className='wm-field-input' type='number' value={year} maxlength={4} onInput={(e) => setYear(e.detail.value)} />
      <Problem text={problem} />
      <Button block type='primary' className='wm-rm-gap' onClick={() => void submit()}>
        标记已获评，不再列入评选
      </Button>
    </View>
  )
}

function Duplicates({ n, mayMerge, onMerged }: { n: NominationOfficeView; mayMerge: boolean; onMerged: (n: NominationOfficeView) => void }) {
  const merge = async (into: NominationListItem) => {
    const sure = await Taro.showModal({ title: '确认是同一人？', content: `这条推荐将并入「${into.name}」那条（${NOMINATION_STATUS_LABEL[into.status]}），事迹和照片一并保留。`, confirmText: '合并' })
    if (!sure.confirm) return
    const result = await callCloud('rolemodel', 'merge', { nominationId: n.id, intoNominationId: into.id })
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    onMerged(result.data)
  }
  return (
    <>
      <Text className='wm-section-title'>疑似同一人（同区同名）</Text>
      <View className='wm-card' id='wm-rm-duplicates'>
        {mayMerge ? null : <Text className='wm-text-secondary'>是否同一人由市文明办确认合并；您可以先查看，审核时参考。</Text>}
        {n.possibleDuplicates.map((d) => (
          <View key={d.id} className='wm-rm-item'>
            <View className='wm-rm-row'>
              <Text className='wm-rm-title'>{d.name}</Text>
              <Tag text={NOMINATION_STATUS_LABEL[d.status]} tone={STATUS_TONE[d.status]} />
            </View>
            <Text className='wm-text-secondary'>
              {placeText(d.place)} · {dateText(d.createdAt)}
            </Text>
            <Text className='wm-text-secondary'>{d.excerpt}</Text>
            <View className='wm-rm-buttons'>
              <Button size='small' fill='outline' type='primary' onClick={() => openPage(rolemodelUrl('review', { id: d.id }))}>
                查看
              </Button>
              {mayMerge ? (
                <Button size='small' type='primary' id={`wm-rm-merge-${d.id}`} onClick={() => void merge(d)}>
                  并入这条
                </Button>
              ) : null}
            </View>
          </View>
        ))}
      </View>
    </>
  )
}

/** The accepted nominee's consent state, and a new code when the first was lost or expired. */
function NomineeConsent({ nomineeId, onCode }: { nomineeId: string; onCode: (c: ConsentCodeView) => void }) {
  const nominees = useLoad(() => callCloud('rolemodel', 'nominees', {}), [nomineeId])
  const nominee = nominees.data?.items.find((x) => x.id === nomineeId) ?? null
  const [problem, setProblem] = useState<string | null>(null)
  const reissue = async () => {
    const result = await callCloud('rolemodel', 'consentCode', { nomineeId })
    if (!result.ok) return setProblem(result.message)
    onCode(result.data)
  }
  return (
    <>
      <Text className='wm-section-title'>本人同意</Text>
      <View className='wm-card' id='wm-rm-nominee-consent'>
        {nominee ? (
          <>
            <Tag text={CONSENT_STATUS_LABEL[nominee.consent]} tone={nominee.consent === 'given' ? 'ok' : nominee.consent === 'refused' ? 'red' : 'warn'} />
            <Text className='wm-text-secondary wm-rm-gap'>
              {nominee.consent === 'given' && nominee.consentAt ? `${timeText(nominee.consentAt)}本人同意公开，可列为评选候选人。` : null}
              {nominee.consent === 'awaiting' ? (nominee.consentCodeExpiresAt ? `同意码 ${timeText(nominee.consentCodeExpiresAt)} 前有效。` : '同意码已失效，请重新生成。') : null}
              {nominee.consent === 'refused' ? '本人不同意公开，不能列入评选。' : null}
            </Text>
            {nominee.consent === 'awaiting' ? (
              <Button fill='outline' type='primary' className='wm-rm-gap' onClick={() => void reissue()}>
                重新生成同意码（原码作废）
              </Button>
            ) : null}
          </>
        ) : (
          <Text className='wm-text-secondary'>{nominees.error ? nominees.error.message : '正在读取本人同意情况…'}</Text>
        )}
        <Problem text={problem} />
      </View>
    </>
  )
}

/** The one-time code, shown once: read it out, send it by SMS, or copy the page link. */
function ConsentCodePanel({ code }: { code: ConsentCodeView }) {
  const [copied, setCopied] = useState<string | null>(null)
  // the server may hand the code out grouped (ABCD-EFGH-JKLM); dashes are ignored when it is typed
  const raw = code.code.replace(/-/g, '')
  const pretty = raw.replace(/(.{4})(?=.)/g, '$1-')
  const link = `${ROLEMODEL_PAGE}?view=consent&code=${raw}`
  return (
    <>
      <Text className='wm-section-title'>交给被推荐人本人的同意码</Text>
      <View className='wm-card' id='wm-rm-consent-code-panel' data-code={raw}>
        <Text className='wm-rm-code' id='wm-rm-consent-code-value'>
          {pretty}
        </Text>
        <Text className='wm-text-secondary'>只显示这一次，{timeText(code.expiresAt)} 前有效。请通过电话或短信交给被推荐人本人：在小程序「身边好人」里输入同意码，或打开下面的页面链接。</Text>
        <Text className='wm-text-tertiary wm-rm-break'>{link}</Text>
        <View className='wm-rm-buttons'>
          <Button
            type='primary'
            fill='outline'
            onClick={() =>
              void Taro.setClipboardData({ data: `【文明办】您被市民推荐为「身边好人」。请在微信小程序「文明通」的身边好人里输入同意码 ${pretty}，查看将公开的内容并确认是否同意。` }).then(() => setCopied('短信内容已复制'))
            }
          >
            复制短信内容
          </Button>
          <Button type='primary' fill='outline' onClick={() => void Taro.setClipboardData({ data: link }).then(() => setCopied('页面链接已复制'))}>
            复制页面链接
          </Button>
        </View>
        <Done text={copied} />
      </View>
    </>
  )
}
