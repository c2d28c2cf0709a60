import { useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import {
  EVIDENCE_STATUS_LABEL,
  INSPECT_LEVEL_LABEL,
  ORDER_STATUS_LABEL,
  SEVERITY_LABEL,
  inspectUrl,
  type EvidenceStatus,
  type InspectLevel,
  type InspectViewName,
  type OrderStatus,
  type Severity,
} from '@/shared/inspect'
import type { Fail, Result } from '@/shared/errors'
import { useLoad } from '../api'
import '../inspect.scss'

// ---- words ----

export const dateText = (ms: number) => shanghaiTime(ms, 'YYYY年M月D日')
export const dayText = (ms: number) => shanghaiTime(ms, 'M月D日')
export const timeText = (ms: number) => shanghaiTime(ms, 'M月D日 HH:mm')

/** 4 → 「★★★★ 4 星」: the stars are written as a number too, never only as symbols; 0 → 「未评星」 */
export function starText(stars: number): string {
  if (stars <= 0) return '未评星'
  return `${'★'.repeat(stars)} ${stars} 星`
}

/** only the words: 「4 星」 / 「未评星」, for tight table cells */
export const starWords = (stars: number) => (stars <= 0 ? '未评星' : `${stars} 星`)

/** 2026-11-30 (a week by its Monday) → 「11月30日那周」; 2026-11 → 「2026年11月」 */
export function periodLabel(key: string): string {
  const week = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  if (week) return `${Number(week[2])}月${Number(week[3])}日那周`
  const month = /^(\d{4})-(\d{2})$/.exec(key)
  if (month) return `${month[1]}年${Number(month[2])}月`
  return key
}

/** a score to one decimal at most: 97.5, 100 */
// to the hundredth the server keeps: 99.75 and 99.8 rank differently, so the page must not round them together
export const scoreText = (n: number) => String(Math.round(n * 100) / 100)

/** how long ago something was found, in days: 「3 天」 「不到 1 天」 */
export function ageText(since: number, now = Date.now()): string {
  const days = Math.floor((now - since) / 86_400_000)
  return days < 1 ? '不到 1 天' : `${days} 天`
}

/** a phone number with its middle hidden, for anyone who is not the office or the site's unit */
export const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p)

export const goInspect = (view: InspectViewName, params: Record<string, string> = {}) => openPage(inspectUrl(view, params))
export const goHome = () => {
  void Taro.redirectTo({ url: inspectUrl('home') }).catch(() => openPage(inspectUrl('home')))
}

// ---- tags ----

export type TagTone = 'plain' | 'ok' | 'warn' | 'red' | 'gold'

/** A word in a frame; the tone only repeats what the word says. */
export function Tag({ text, tone = 'plain', id }: { text: string; tone?: TagTone; id?: string }) {
  return (
    <Text className={`wm-in-tag${tone === 'plain' ? '' : ` wm-in-tag--${tone}`}`} id={id}>
      {text}
    </Text>
  )
}

const ORDER_TONE: Record<OrderStatus, TagTone> = { open: 'red', answered: 'warn', closed: 'ok' }
export const OrderStatusTag = ({ status, overdue }: { status: OrderStatus; overdue?: boolean }) => (
  <Tag text={overdue && status !== 'closed' ? `${ORDER_STATUS_LABEL[status]} · 已逾期` : ORDER_STATUS_LABEL[status]} tone={ORDER_TONE[status]} />
)

const SEVERITY_TONE: Record<Severity, TagTone> = { minor: 'plain', normal: 'warn', serious: 'red' }
export const SeverityTag = ({ severity }: { severity: Severity }) => <Tag text={SEVERITY_LABEL[severity]} tone={SEVERITY_TONE[severity]} />

export const LevelTag = ({ level }: { level: InspectLevel }) => <Tag text={INSPECT_LEVEL_LABEL[level]} />

const EVIDENCE_TONE: Record<EvidenceStatus, TagTone> = { none: 'plain', submitted: 'warn', accepted: 'ok', returned: 'red' }
export const EvidenceTag = ({ status }: { status: EvidenceStatus }) => <Tag text={`材料${EVIDENCE_STATUS_LABEL[status]}`} tone={EVIDENCE_TONE[status]} />

export const RepeatTag = () => <Tag text='重复发现' tone='red' />

// ---- messages ----

/** A problem with what was typed or tapped, said in words next to the button. */
export function Problem({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-in-problem' role='alert' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

export function Done({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-in-done' role='status' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

/** A figure with its label in words. */
export function Figure({ value, label, id, onClick }: { value: number | string; label: string; id?: string; onClick?: () => void }) {
  return (
    <View className={`wm-in-figure${onClick ? ' wm-in-figure--link' : ''}`} id={id} role={onClick ? 'link' : undefined} onClick={onClick}>
      <Text className='wm-in-figure__value'>{value}</Text>
      <Text className='wm-text-tertiary'>{label}</Text>
    </View>
  )
}

/** A tile leading to a view: a title and one line on what it is for. */
export function Tile({ title, text, id, onClick }: { title: string; text: string; id?: string; onClick: () => void }) {
  return (
    <View className='wm-in-tile' role='link' id={id} onClick={onClick}>
      <Text className='wm-in-tile__title'>{title}</Text>
      <Text className='wm-text-tertiary'>{text}</Text>
    </View>
  )
}

// ---- refusals ----

export type Audience = 'office' | 'liaison' | 'inspector' | 'staff'

const AUDIENCE: Record<Audience, { who: string; tell: string }> = {
  office: { who: '文明办', tell: '测评标准导入、任务分解、材料审核、点位登记和评定发布都由市文明办负责。' },
  liaison: { who: '单位联络员', tell: '各责任单位的联络员在这里查看本单位的任务清单、提交佐证材料、答复督办单。' },
  inspector: { who: '督查员', tell: '督查组的督查员在这里实地督查点位、回头看整改情况。' },
  staff: { who: '文明办、单位联络员和督查员', tell: '创文督查是文明办与各责任单位、督查组之间的工作台。' },
}

/**
 * What someone who opens a view that is not for them is told (`staff`: a 联络员 or 督查员, sent
 * back to their own home instead of the public board) (the server answered AUTH.FORBIDDEN
 * or INSPECT.NOT_YOUR_UNIT): whom it is for, and a way on — the public 红黑榜 is open to everyone.
 */
export function Refusal({ what, audience = 'office', id = 'wm-inspect-forbidden', staff: told }: { what: string; audience?: Audience; id?: string; staff?: boolean }) {
  const a = AUDIENCE[audience]
  // not told: ask once whether this is staff (home answers 联络员 and 督查员; a resident is refused)
  const home = useLoad(() => (told === undefined ? callCloud('inspect', 'home', {}) : Promise.resolve({ ok: false as const, code: 'SKIP', message: '' })), [told])
  const staff = told ?? !!home.data
  return (
    <View className='wm-card' id={id}>
      <EmptyState
        glyph='督'
        title={`此页面仅限${a.who}使用`}
        description={`您打开的是「${what}」。${a.tell}${staff ? '您可以回到创文督查首页，看看您能做的事。' : '您可以看看已公布的整改率红黑榜。'}`}
        actionText={staff ? '回到创文督查' : '去看红黑榜'}
        onAction={staff ? goHome : () => goInspect('board')}
      />
    </View>
  )
}

/** A link to something that is gone (or never was): no validation words, a way home. */
export function Missing({ what = '内容', id = 'wm-inspect-missing' }: { what?: string; id?: string }) {
  return (
    <View className='wm-card' id={id}>
      <EmptyState glyph='无' title={`${what}不存在或已下线`} description='链接可能已过期，或这条内容已被文明办撤销。回到创文督查首页看看现在的事项。' actionText='回到创文督查' onAction={goHome} />
    </View>
  )
}

/** the error codes that mean “this id points at nothing” */
const MISSING_CODES = new Set([
  'INSPECT.STANDARD_NOT_FOUND',
  'INSPECT.TASK_NOT_FOUND',
  'INSPECT.EVIDENCE_NOT_FOUND',
  'INSPECT.SITE_NOT_FOUND',
  'INSPECT.SITE_TYPE_NOT_FOUND',
  'INSPECT.ORDER_NOT_FOUND',
  'INSPECT.UNIT_NOT_FOUND',
  'INSPECT.TEAM_NOT_FOUND',
  // a link whose id is not even well-formed points at nothing too: never a validation message
  'INPUT.INVALID',
])
export const isMissing = (error: Fail | null) => !!error && (MISSING_CODES.has(error.code) || error.code.endsWith('NOT_FOUND'))
export const isForbidden = (error: Fail | null) => !!error && (error.code === 'AUTH.FORBIDDEN' || error.code === 'INSPECT.NOT_YOUR_UNIT')

/**
 * The one place a view says loading / refused / gone / failed before its data: returns the node to
 * show, or null when the data is there. `what` names the screen in the refusal and the error.
 */
export function Gate({ error, loading, what, audience = 'office', rows = 6, reload }: { error: Fail | null; loading: boolean; what: string; audience?: Audience; rows?: number; reload: () => void }): ReactNode {
  if (isForbidden(error)) return <Refusal what={what} audience={audience} />
  if (isMissing(error)) return <Missing />
  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what={what} message={error.message} onRetry={reload} />
      </View>
    )
  }
  if (loading) {
    return (
      <View className='wm-card'>
        <Skeleton rows={rows} />
      </View>
    )
  }
  return null
}

/** 「加载更多」 under a paged list; says so when the end is reached. */
export function MoreButton({ more, busy, onMore, id }: { more: boolean; busy: boolean; onMore: () => void; id?: string }) {
  if (!more) return null
  return (
    <View className='wm-in-more' role='button' id={id} onClick={busy ? undefined : onMore}>
      <Text>{busy ? '正在加载…' : '加载更多'}</Text>
    </View>
  )
}

/** Choices drawn as chips: the chosen one says ✓ in its text, not only a colour. */
export function Chips<T extends string>({ value, options, onChange, idPrefix }: { value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; idPrefix?: string }) {
  return (
    <View className='wm-in-chips' role='radiogroup'>
      {options.map((o) => (
        <View
          key={o.value}
          role='radio'
          aria-checked={o.value === value}
          id={idPrefix ? `${idPrefix}-${o.value}` : undefined}
          className={`wm-in-chip${o.value === value ? ' wm-in-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.value === value ? `✓ ${o.label}` : o.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** A tick box drawn as a row: the whole row is the tap target, and ✓ is written in the box. */
export function CheckRow({ on, label, id, onToggle }: { on: boolean; label: ReactNode; id?: string; onToggle: () => void }) {
  return (
    <View className={`wm-in-check${on ? ' wm-in-check--on' : ''}`} id={id} role='checkbox' aria-checked={on} onClick={onToggle}>
      <Text className='wm-in-check__box'>{on ? '✓' : ''}</Text>
      <View className='wm-in-check__label'>{label}</View>
    </View>
  )
}

/** Opens a stored file: images in the viewer, documents in the browser (H5) or WeChat's reader. */
export function openFile(file: { url: string; kind: 'image' | 'document'; name?: string }, images: string[] = []): void {
  if (file.kind === 'image') {
    void Taro.previewImage({ urls: images.length ? images : [file.url], current: file.url })
    return
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(file.url, '_blank')
    return
  }
  void Taro.downloadFile({ url: file.url })
    .then((r) => Taro.openDocument({ filePath: r.tempFilePath, showMenu: true }))
    .catch(() => Taro.showToast({ icon: 'none', title: '文件打开失败，请稍后再试' }))
}

// ---- paging ----

export interface Paged<P extends { items: unknown[]; nextCursor: string | null }> {
  /** the first page as it came (its counts and totals), null until it arrives */
  first: P | null
  items: P['items']
  error: Fail | null
  loading: boolean
  more: boolean
  loadingMore: boolean
  loadMore: () => void
  reload: () => void
  /** a page's error on 加载更多 (the list stays as it was) */
  moreError: string | null
}

/**
 * A paged list: the first page through useLoad (skeleton, error, retry), further pages appended
 * by 「加载更多」; a change of `deps` starts again from the first page.
 */
export function usePaged<P extends { items: unknown[]; nextCursor: string | null }>(load: (cursor?: string) => Promise<Result<P>>, deps: readonly unknown[]): Paged<P> {
  const first = useLoad(() => load(undefined), deps)
  const [extra, setExtra] = useState<{ items: P['items']; cursor: string | null } | null>(null)
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  useEffect(() => {
    setExtra(null)
    setMoreError(null)
  }, [first.data])
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null)
  const loadMore = () => {
    if (!cursor || busy) return
    setBusy(true)
    setMoreError(null)
    void load(cursor).then((r) => {
      setBusy(false)
      if (!r.ok) {
        setMoreError(r.message)
        return
      }
      setExtra((prev) => ({ items: [...(prev?.items ?? []), ...r.data.items], cursor: r.data.nextCursor }))
    })
  }
  return {
    first: first.data,
    items: [...(first.data?.items ?? []), ...(extra?.items ?? [])],
    error: first.error,
    loading: first.loading,
    more: cursor !== null,
    loadingMore: busy,
    loadMore,
    reload: first.reload,
    moreError,
  }
}
