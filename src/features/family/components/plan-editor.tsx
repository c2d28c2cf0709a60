import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ClassWeekPlan, FamilyTaskSpec } from '@/shared/contract/family'
import type { HandbookToc } from '@/shared/handbook/types'
import {
  EXPLAIN_TOPICS,
  EXPLAIN_TOPIC_IDS,
  FAMILY_LIMITS,
  FAMILY_TASK_KINDS,
  FAMILY_TASK_KIND_LABEL,
  MICRO_ACTIONS,
  MICRO_ACTION_IDS,
  type FamilyTaskKind,
} from '@/shared/family'
import { Missing } from '@/components/guard'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { callCloud } from '@/lib/call-cloud'
import { inShanghai } from '@/lib/time'
import { useLoad, type Loaded } from '../api'
import { refLabel, weekRange } from '../labels'
import { Problem } from './child-fields'
import { RoleRefusal } from './teacher-workbench'
import '../family.scss'

interface TaskDraft {
  key: number
  kind: FamilyTaskKind
  title: string
  ref: string | null
  description: string
}

/** Monday of this week, Beijing time, as the plan names weeks (YYYY-MM-DD). */
function thisMonday(): string {
  const now = inShanghai(Date.now())
  const back = (now.day() + 6) % 7
  return now.subtract(back, 'day').format('YYYY-MM-DD')
}

const toDraft = (t: FamilyTaskSpec, i: number): TaskDraft => ({ key: i, kind: t.kind, title: t.title, ref: t.ref, description: t.description ?? '' })

/** 每周家庭任务: this week and the weeks to come, each edited whole; 采用默认计划 fills the empty ones. */
export function PlanEditor({ classId }: { classId: string }) {
  const plan = useLoad(() => callCloud('family', 'plan', { classId }), [classId])
  const toc = useLoad(() => callCloud('handbook', 'toc', {}), [])
  const chapterTitle = (id: string | null) => toc.data?.chapters.find((c) => c.id === id)?.title ?? null
  const itemOf = (t: FamilyTaskSpec) => (t.kind === 'chapter' ? chapterTitle(t.ref) : refLabel(t))
  const [editing, setEditing] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (plan.error?.code === 'AUTH.FORBIDDEN') {
    return <RoleRefusal glyph='周' title='每周任务由班主任设置' text='这里是老师布置班级家庭任务的地方。家长请在「小手拉大手」里查看本周任务。' />
  }
  if (plan.error?.code === 'FAMILY.CLASS_NOT_FOUND' || !classId) {
    return <Missing id='wm-fa-class-missing' description='没有找到这个班级：它可能已被删除。老师请从「小手拉大手」的教师工作台打开自己的班级。' />
  }
  if (!plan.data) {
    return <View className='wm-card'>{plan.error ? <ErrorState what='每周任务' message={plan.error.message} onRetry={plan.reload} /> : <Skeleton rows={8} />}</View>
  }
  const monday = thisMonday()
  const weeks = plan.data.filter((w) => w.week >= monday)
  const empty = weeks.filter((w) => w.tasks.length === 0).length

  const useDefault = () => {
    void Taro.showModal({
      title: '采用默认计划',
      content: `给还没有设置任务的 ${empty} 周填上默认任务（读手册、家庭答题、承诺书、微行动等），已设置的周不变。`,
      confirmText: '采用',
    }).then(async (answer) => {
      if (!answer.confirm) return
      setBusy(true)
      const result = await callCloud('family', 'useDefaultPlan', { classId })
      setBusy(false)
      if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
      plan.setData(result.data)
      void Taro.showToast({ icon: 'success', title: '已采用默认计划' })
    })
  }

  const saved = (week: ClassWeekPlan) => {
    plan.setData(plan.data!.map((w) => (w.week === week.week ? week : w)))
    setEditing(null)
  }

  return (
    <View className='wm-fa' id='wm-fa-plan'>
      <View className='wm-card'>
        <Text className='wm-text-secondary'>每周最多 {FAMILY_LIMITS.tasksPerWeek} 项任务，家长在「小手拉大手」里看到并完成。已过去的周不能再改。</Text>
        {empty > 0 ? (
          <Button block type='primary' fill='outline' className='wm-fa-gap' loading={busy} id='wm-fa-plan-default' onClick={useDefault}>
            采用默认计划（填上 {empty} 个空周）
          </Button>
        ) : null}
      </View>
      {weeks.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='周' title='本学期已经结束' description='学期内已没有可以设置的周。学期结束后请在班级页归档班级。' />
        </View>
      ) : null}
      {weeks.map((w) =>
        editing === w.week ? (
          <WeekForm key={w.week} classId={classId} week={w} toc={toc} onCancel={() => setEditing(null)} onSaved={saved} />
        ) : (
          <View key={w.week} className='wm-card' id={`wm-fa-week-${w.week}`}>
            <View className='wm-fa-row'>
              <Text className='wm-fa-tool__title'>
                {weekRange(w.week)}
                {w.week === monday ? '（本周）' : ''}
              </Text>
              <View className='wm-fa-link' role='button' onClick={() => setEditing(w.week)}>
                <Text>{w.tasks.length ? '修改' : '设置'}</Text>
              </View>
            </View>
            {w.tasks.length === 0 ? (
              <Text className='wm-text-tertiary'>还没有任务</Text>
            ) : (
              w.tasks.map((t, i) => (
                <Text key={t.id} className='wm-fa-plan-task'>
                  {i + 1}. {t.title}
                  {itemOf(t) && !t.title.includes(itemOf(t) ?? '') ? `：${itemOf(t)}` : ''}
                </Text>
              ))
            )}
          </View>
        ),
      )}
    </View>
  )
}

const readTitle = (chapter: string) => `一起读「${chapter}」`.slice(0, FAMILY_LIMITS.taskTitleMax)

const MICRO_NAMES = MICRO_ACTION_IDS.map((id) => MICRO_ACTIONS[id])
const EXPLAIN_NAMES = EXPLAIN_TOPIC_IDS.map((id) => EXPLAIN_TOPICS[id])

function WeekForm({
  classId,
  week,
  toc,
  onCancel,
  onSaved,
}: {
  classId: string
  week: ClassWeekPlan
  toc: Loaded<HandbookToc>
  onCancel: () => void
  onSaved: (w: ClassWeekPlan) => void
}) {
  const [tasks, setTasks] = useState<TaskDraft[]>(week.tasks.map(toDraft))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const chapters = toc.data?.chapters ?? []

  const add = (kind: FamilyTaskKind) => {
    const ref = kind === 'microAction' ? MICRO_ACTION_IDS[0] : kind === 'explain' ? EXPLAIN_TOPIC_IDS[0] : kind === 'chapter' ? chapters[0]?.id ?? null : null
    const first = kind === 'chapter' ? chapters[0] : undefined
    setTasks([...tasks, { key: Date.now(), kind, title: first ? readTitle(first.title) : FAMILY_TASK_KIND_LABEL[kind], ref, description: '' }])
  }
  const update = (key: number, patch: Partial<TaskDraft>) => setTasks(tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)))

  const save = async () => {
    if (tasks.length === 0) return setProblem('请至少添加一项任务')
    for (const t of tasks) {
      if (t.title.trim().length < 2) return setProblem('每项任务都要有名称（至少 2 个字）')
      if (t.kind === 'chapter' && !t.ref) return setProblem('请为「读手册」任务选一章')
      if (t.kind === 'free' && !t.description.trim()) return setProblem('自定任务请写清楚要做什么')
    }
    setProblem(null)
    setBusy(true)
    const result = await callCloud('family', 'setWeek', {
      classId,
      week: week.week,
      tasks: tasks.map((t) => ({ kind: t.kind, title: t.title.trim(), ref: t.ref, description: t.description.trim() || null })),
    })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ icon: 'success', title: '已保存' })
    onSaved(result.data)
  }

  return (
    <View className='wm-card' id='wm-fa-week-form'>
      <Text className='wm-fa-tool__title'>{weekRange(week.week)} 的任务</Text>
      {tasks.map((t, i) => (
        <View key={t.key} className='wm-fa-task-form'>
          <View className='wm-fa-row'>
            <Text className='wm-fa-tag'>{FAMILY_TASK_KIND_LABEL[t.kind]}</Text>
            <View className='wm-fa-link' role='button' onClick={() => setTasks(tasks.filter((x) => x.key !== t.key))}>
              <Text>删去</Text>
            </View>
          </View>
          <Text className='wm-field-label'>任务 {i + 1} 名称</Text>
          <Input className='wm-field-input' value={t.title} maxlength={FAMILY_LIMITS.taskTitleMax} onInput={(e) => update(t.key, { title: e.detail.value })} />
          {t.kind === 'chapter' ? (
            <>
              <Text className='wm-field-label'>读哪一章</Text>
              {chapters.length ? (
                <Picker mode='selector' range={chapters.map((c) => c.title)} value={Math.max(0, chapters.findIndex((c) => c.id === t.ref))} onChange={(e) => {
                    const c = chapters[Number(e.detail.value)]
                    if (!c) return
                    // a title that only named the old chapter follows the new one
                    const followed = t.title === FAMILY_TASK_KIND_LABEL.chapter || /^一起读「.*」$/.test(t.title)
                    update(t.key, { ref: c.id, ...(followed ? { title: readTitle(c.title) } : {}) })
                  }}>
                  <View className='wm-field-input wm-fa-picker'>
                    <Text>{chapters.find((c) => c.id === t.ref)?.title ?? '请选择'}</Text>
                    <Text className='wm-text-tertiary'>更改 ›</Text>
                  </View>
                </Picker>
              ) : (
                <Text className='wm-text-tertiary'>{toc.error ? `手册目录加载失败：${toc.error.message}` : '正在加载手册目录…'}</Text>
              )}
            </>
          ) : null}
          {t.kind === 'microAction' || t.kind === 'explain' ? (
            <>
              <Text className='wm-field-label'>{t.kind === 'microAction' ? '哪一项微行动' : '讲哪个话题'}</Text>
              <Picker
                mode='selector'
                range={t.kind === 'microAction' ? MICRO_NAMES : EXPLAIN_NAMES}
                value={Math.max(0, (t.kind === 'microAction' ? (MICRO_ACTION_IDS as readonly string[]) : (EXPLAIN_TOPIC_IDS as readonly string[])).indexOf(t.ref ?? ''))}
                onChange={(e) => update(t.key, { ref: (t.kind === 'microAction' ? MICRO_ACTION_IDS : EXPLAIN_TOPIC_IDS)[Number(e.detail.value)] })}
              >
                <View className='wm-field-input wm-fa-picker'>
                  <Text className='wm-fa-picker__text'>{refLabel(t) ?? '请选择'}</Text>
                  <Text className='wm-text-tertiary'>更改 ›</Text>
                </View>
              </Picker>
            </>
          ) : null}
          <Text className='wm-field-label'>{t.kind === 'free' ? '要做什么（必填）' : '说明（选填）'}</Text>
          <TextArea className='wm-field-input wm-fa-textarea' value={t.description} maxlength={FAMILY_LIMITS.taskDescriptionMax} placeholder='写给家长的一句话' autoHeight onInput={(v) => update(t.key, { description: v })} />
        </View>
      ))}
      {tasks.length < FAMILY_LIMITS.tasksPerWeek ? (
        <>
          <Text className='wm-field-label'>添加任务（{tasks.length}/{FAMILY_LIMITS.tasksPerWeek}）</Text>
          <View className='wm-fa-chips'>
            {FAMILY_TASK_KINDS.map((k) => (
              <View key={k} className='wm-fa-chip' role='button' id={`wm-fa-add-${k}`} onClick={() => add(k)}>
                <Text>＋ {FAMILY_TASK_KIND_LABEL[k]}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      <Problem text={problem} />
      <View className='wm-fa-buttons'>
        <Button type='default' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' loading={busy} disabled={busy} id='wm-fa-week-save' onClick={() => void save()}>
          保存这一周
        </Button>
      </View>
    </View>
  )
}
