import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { EmptyState, Skeleton } from '@/components/state'
import type { TaskView, UnitTasksView } from '@/shared/contract'
import { EVIDENCE_STATUS_LABEL, TASK_ROLE_LABEL } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { inspectUrl, type InspectParams } from '../labels'
import { More, Tag, dateText, gate, type Tone } from './orders'
import '../field.scss'

type Filter = 'all' | 'overdue' | 'evidence'
const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'overdue', label: '逾期' },
  { key: 'evidence', label: '待补材料' },
]

const EVIDENCE_TONE: Record<TaskView['evidenceStatus'], Tone> = { none: 'plain', submitted: 'gold', accepted: 'ok', returned: 'red' }

/** A task's deadline in words: 逾期 is written out, not only coloured. */
function deadlineWords(t: TaskView): string {
  if (t.deadline === null) return '未定时限'
  return t.overdue ? `已逾期（时限 ${dateText(t.deadline)}）` : `时限 ${dateText(t.deadline)}`
}

export function TaskRow({ task }: { task: TaskView }) {
  return (
    <View className='wm-card wm-fd-item' id={`wm-inspect-task-${task.number}`} role='link' onClick={() => openPage(inspectUrl('task', { taskId: task.taskId }))}>
      <View className='wm-fd-row'>
        <Text className='wm-fd-code'>{task.number}</Text>
        <View className='wm-fd-tags'>
          <Tag text={TASK_ROLE_LABEL[task.role]} tone={task.role === 'lead' ? 'gold' : 'plain'} />
          {task.overdue ? <Tag text='逾期' tone='red' /> : null}
        </View>
      </View>
      <Text className='wm-fd-clamp2'>{task.text}</Text>
      <View className='wm-fd-tags wm-fd-tags--line'>
        <Text className={task.overdue ? 'wm-fd-late' : 'wm-text-secondary'}>{deadlineWords(task)}</Text>
        {task.needsEvidence || task.evidenceStatus !== 'none' ? <Tag text={`材料${EVIDENCE_STATUS_LABEL[task.evidenceStatus]}`} tone={EVIDENCE_TONE[task.evidenceStatus]} /> : null}
      </View>
    </View>
  )
}

/**
 * 任务清单: what the 测评体系 asks of one unit. Counts on top, the overdue and the missing 佐证材料
 * a tap away, the rest paged. The office opens any unit's list (?unitId=).
 */
export function UnitTasks({ params }: { params: InspectParams }) {
  const [filter, setFilter] = useState<Filter>('all')
  const [items, setItems] = useState<TaskView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [paging, setPaging] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const scope = params.unitId ? { unitId: params.unitId } : {}
  const load = useLoad(async () => {
    const r = await callCloud('inspect', 'myTasks', { ...scope, filter })
    if (r.ok) {
      setItems(r.data.items)
      setCursor(r.data.nextCursor)
    }
    return r
  }, [filter, params.unitId])
  const more = async () => {
    if (!cursor) return
    setPaging({ busy: true, error: null })
    const r = await callCloud('inspect', 'myTasks', { ...scope, filter, cursor })
    if (!r.ok) return setPaging({ busy: false, error: r.message })
    setItems((prev) => [...prev, ...r.data.items].slice(-200))
    setCursor(r.data.nextCursor)
    setPaging({ busy: false, error: null })
  }
  const data: UnitTasksView | null = load.data
  if (!data) return <>{gate(load, { audience: 'liaison', what: '任务清单', byId: Boolean(params.unitId) })}</>
  const c = data.counts
  return (
    <View className='wm-fd' id='wm-inspect-unit'>
      <View className='wm-fd-hero'>
        <Text className='wm-fd-hero__title'>{data.unit.name}</Text>
        <Text className='wm-fd-hero__text'>创建文明城市任务清单：按时限完成，材料审核项请上传佐证材料</Text>
      </View>
      <View className='wm-fd-figures wm-fd-figures--4'>
        <Figure value={c.total} label='总数' />
        <Figure value={c.overdue} label='逾期' tone={c.overdue > 0 ? 'red' : undefined} />
        <Figure value={c.needsEvidence} label='待补材料' tone={c.needsEvidence > 0 ? 'warn' : undefined} />
        <Figure value={c.accepted} label='已通过' />
      </View>
      <View className='wm-fd-tabs' role='tablist' aria-label='筛选任务'>
        {FILTERS.map((f) => (
          <View key={f.key} id={`wm-inspect-unit-filter-${f.key}`} role='tab' aria-selected={f.key === filter} className={`wm-fd-tab${f.key === filter ? ' wm-fd-tab--on' : ''}`} onClick={() => setFilter(f.key)}>
            <Text>
              {f.key === filter ? '✓ ' : ''}
              {f.label}
            </Text>
          </View>
        ))}
      </View>
      {load.loading && items.length === 0 ? (
        <View className='wm-card'>
          <Skeleton rows={4} />
        </View>
      ) : items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState
            glyph='任'
            title={filter === 'overdue' ? '没有逾期的任务' : filter === 'evidence' ? '没有待补材料的任务' : '还没有分给本单位的任务'}
            description={filter === 'all' ? '文明办把测评标准分解到本单位后，任务会出现在这里。' : '很好！可以切换到「全部」查看本单位的其他任务。'}
            {...(filter === 'all' ? {} : { actionText: '查看全部', onAction: () => setFilter('all') })}
          />
        </View>
      ) : (
        <View className='wm-fd-list'>
          {items.map((t) => (
            <TaskRow key={t.taskId} task={t} />
          ))}
        </View>
      )}
      <More cursor={cursor} busy={paging.busy} error={paging.error} onMore={() => void more()} id='wm-inspect-unit-more' />
    </View>
  )
}

export function Figure({ value, label, tone, id }: { value: number | string; label: string; tone?: 'red' | 'warn' | 'ok'; id?: string }) {
  return (
    <View className={`wm-fd-figure${tone ? ` wm-fd-figure--${tone}` : ''}`} id={id}>
      <Text className='wm-fd-figure__value'>{value}</Text>
      <Text className='wm-text-secondary'>{label}</Text>
    </View>
  )
}
