import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import type { StepLimit } from '@/shared/report/categories'
import type { AuditEntryView, AuditPageView, AuditValue } from '@/shared/contract'
import { Chips, Gate, STEP_WORD, limitText, timeText } from './common'
import { NOTIFY_PURPOSE_LABEL, type NotifyPurpose } from '@/shared/notify'
import { EXPORT_FORMAT_WORD, EXPORT_KIND_WORD } from './words'

type Subject = 'all' | 'reportCategory' | 'reportUnit' | 'reportGrid' | 'reportSettings' | 'volunteer_settings' | 'pointsRule' | 'notify_template' | 'quiz_question' | 'export'
const SUBJECTS: Array<{ value: Subject; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'reportCategory', label: '类别与时限' },
  { value: 'reportUnit', label: '责任单位' },
  { value: 'reportGrid', label: '网格' },
  { value: 'reportSettings', label: '随手拍限额' },
  { value: 'volunteer_settings', label: '志愿时限' },
  { value: 'pointsRule', label: '积分规则' },
  { value: 'notify_template', label: '通知模板' },
  { value: 'quiz_question', label: '题库' },
  { value: 'export', label: '数据导出' },
]

const ACTION_WORD: Record<string, string> = {
  setCategory: '修改类别',
  addUnit: '新增责任单位',
  renameUnit: '责任单位改名',
  addGrid: '新增网格',
  replaceGrid: '更新网格',
  setDailyLimit: '修改随手拍每日上限',
  updateSettings: '修改设置',
  setVolunteerTimes: '修改志愿时限',
  setPointsRule: '修改积分规则',
  importQuestions: '导入题库',
  addQuestion: '新增题目',
  editQuestion: '修改题目',
  retireQuestion: '停用题目',
  restoreQuestion: '恢复题目',
  setTemplate: '设定通知模板',
  exportStart: '开始导出',
  exportDone: '导出完成',
}

const FIELD_WORD: Record<string, string> = {
  name: '名称',
  hint: '说明',
  district: '街道',
  vertexCount: '顶点数',
  bbox: '范围',
  dailyLimit: '每人每天上限（条）',
  cancelDeadlineMinutes: '开始前截止取消（分钟）',
  autoCloseGraceMinutes: '结束后自动签退（分钟）',
  points: '分值',
  dailyCap: '每日上限（分）',
  templateId: '模板 ID',
}

/** 积分规则 subjects are rule codes; the office reads the rule's name */
const RULE_WORD: Record<string, string> = {
  'report.accepted': '随手拍被受理',
  'praise.approved': '文明点赞被采纳',
  'volunteer.hours': '志愿服务时长',
  'handbook.chapter': '读完手册一章',
  'quiz.daily': '每日一练',
}

const isObj = (v: AuditValue): v is { [key: string]: AuditValue } => typeof v === 'object' && v !== null && !Array.isArray(v)
const isLimit = (v: AuditValue): boolean => isObj(v) && typeof v.amount === 'number' && typeof v.unit === 'string'

function valueText(v: AuditValue | undefined): string {
  if (v === undefined || v === null || v === '') return '（无）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (isLimit(v)) return limitText(v as unknown as StepLimit)
  if (isObj(v) || Array.isArray(v)) return '…'
  return String(v)
}

/** before → after in words, one line per field that changed (limits per step) */
export function changeLines(before: AuditValue, after: AuditValue): string[] {
  const b = isObj(before) ? before : {}
  const a = isObj(after) ? after : {}
  const lines: string[] = []
  for (const key of Object.keys({ ...b, ...a })) {
    if (key === 'gridId' || key === 'unitId' || key === 'bbox') continue
    if (key === 'limits') {
      const bl = isObj(b.limits ?? null) ? (b.limits as { [k: string]: AuditValue }) : {}
      const al = isObj(a.limits ?? null) ? (a.limits as { [k: string]: AuditValue }) : {}
      for (const step of ['accept', 'start', 'resolve'] as const) {
        const x = valueText(bl[step])
        const y = valueText(al[step])
        if (x !== y) lines.push(`${STEP_WORD[step]}时限：${x} → ${y}`)
      }
      continue
    }
    const x = valueText(b[key])
    const y = valueText(a[key])
    if (x !== y) lines.push(before === null ? `${FIELD_WORD[key] ?? key}：${y}` : `${FIELD_WORD[key] ?? key}：${x} → ${y}`)
  }
  return lines
}

function subjectName(e: AuditEntryView): string {
  if (e.subjectType === 'pointsRule') return RULE_WORD[e.subjectId] ?? ''
  if (e.subjectType === 'notify_template') return NOTIFY_PURPOSE_LABEL[e.subjectId as NotifyPurpose] ?? ''
  const pick = (v: AuditValue) => (isObj(v) && typeof v.name === 'string' ? v.name : null)
  return pick(e.after) ?? pick(e.before) ?? ''
}

function detailLines(e: AuditEntryView): string[] {
  if (e.action === 'importQuestions') {
    const n = (k: string) => (typeof e.detail[k] === 'number' ? e.detail[k] : 0)
    return [`共 ${n('rows')} 道：新增 ${n('added')}、修改 ${n('changed')}、未变 ${n('unchanged')}`]
  }
  if (e.action === 'setTemplate') {
    const id = (v: unknown) => (typeof v === 'string' && v ? v : '（未设置）')
    return [`模板 ID：${id(e.detail.from)} → ${id(e.detail.to)}`]
  }
  if (e.subjectType !== 'export') return []
  const d = e.detail
  const kind = typeof d.kind === 'string' ? (EXPORT_KIND_WORD[d.kind] ?? '') : ''
  const format = typeof d.format === 'string' ? (EXPORT_FORMAT_WORD[d.format] ?? '') : ''
  const lines = [`${kind}（${format}）`]
  if (typeof d.filter === 'string' && d.filter) lines.push(`筛选：${d.filter}`)
  if (typeof d.rows === 'number') lines.push(`共 ${d.rows} 行`)
  else if (typeof d.expected === 'number') lines.push(`预计 ${d.expected} 行`)
  return lines
}

/** 修改记录: every settings change, newest first, paged, by subject. */
export function AuditView() {
  const [subject, setSubject] = useState<Subject>('all')
  const load = useLoad(() => callCloud('settings', 'audit', subject === 'all' ? {} : { subjectType: subject }), [subject])
  const [extra, setExtra] = useState<AuditPageView | null>(null)
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  useEffect(() => {
    setExtra(null)
    setMoreError(null)
  }, [load.data])
  const cursor = extra ? extra.next : (load.data?.next ?? null)
  const more = () => {
    if (!cursor || busy) return
    setBusy(true)
    setMoreError(null)
    void callCloud('settings', 'audit', subject === 'all' ? { cursor } : { subjectType: subject, cursor }).then((r) => {
      setBusy(false)
      if (!r.ok) setMoreError(r.message)
      else setExtra((prev) => ({ items: [...(prev?.items ?? []), ...r.data.items], next: r.data.next }))
    })
  }
  const gate = Gate({ ...load, what: '修改记录' })
  const items = [...(load.data?.items ?? []), ...(extra?.items ?? [])]
  return (
    <View className='wm-oc' id='wm-oc-audit'>
      <Chips value={subject} options={SUBJECTS} onChange={setSubject} idPrefix='wm-oc-audit-filter' />
      {load.data ? null : gate}
      {load.data && items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='记' title='还没有修改记录' description='修改任何一项设置或导出数据后，会在这里留下记录。' />
        </View>
      ) : null}
      {load.data && items.length ? (
        <View className='wm-oc-list wm-oc-cols'>
          {items.map((e, i) => {
            const name = subjectName(e)
            const lines = [...changeLines(e.before, e.after), ...detailLines(e)]
            return (
              <View key={e.id} className='wm-card wm-oc-item' id={`wm-oc-audit-${i}`} data-subject={e.subjectType}>
                <Text className='wm-oc-item__title'>
                  {ACTION_WORD[e.action] ?? '修改设置'}
                  {name ? `「${name}」` : ''}
                </Text>
                <Text className='wm-text-tertiary'>
                  {e.who} · {timeText(e.at)}
                </Text>
                {lines.map((l) => (
                  <Text key={l} className='wm-oc-change'>
                    {l}
                  </Text>
                ))}
              </View>
            )
          })}
        </View>
      ) : null}
      {moreError ? <Text className='wm-oc-problem'>{moreError}</Text> : null}
      {load.data && cursor ? (
        <View className='wm-oc-more' role='button' id='wm-oc-audit-more' onClick={more}>
          <Text>{busy ? '正在加载…' : '加载更多'}</Text>
        </View>
      ) : null}
    </View>
  )
}
