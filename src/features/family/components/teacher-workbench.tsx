import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { ClassView, SchoolView } from '@/shared/contract/family'
import { FAMILY_LIMITS, GRADES, GRADE_LABEL } from '@/shared/family'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import { useLoad } from '../api'
import { FAMILY_PAGES, dateText, withQuery } from '../labels'
import { Problem } from './child-fields'
import '../family.scss'

export function RoleRefusal({ glyph, title, text }: { glyph: string; title: string; text: string }) {
  return (
    <View className='wm-card' id='wm-fa-forbidden'>
      <EmptyState glyph={glyph} title={title} description={text} actionText='打开小手拉大手' onAction={() => openPage(FAMILY_PAGES.home)} />
    </View>
  )
}

/** 教师工作台: the teacher's classes (active first), and a new class for this term. */
export function TeacherWorkbench() {
  const classes = useLoad(() => callCloud('family', 'myClasses', {}), [])
  const [creating, setCreating] = useState(false)
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) classes.reload()
    setShown(true)
  })

  if (classes.error?.code === 'AUTH.FORBIDDEN') {
    return (
      <RoleRefusal
        glyph='师'
        title='这是教师的工作台'
        text='班主任在这里创建班级、布置每周家庭任务、查看班级参与情况。如果您是老师，请联系学校管理员或文明办授予「教师」角色；家长请回到小手拉大手，用老师给的邀请码加入班级。'
      />
    )
  }
  if (!classes.data) {
    return <View className='wm-card'>{classes.error ? <ErrorState what='我的班级' message={classes.error.message} onRetry={classes.reload} /> : <Skeleton rows={5} />}</View>
  }
  const list = [...classes.data].sort((a, b) => (a.status === b.status ? b.createdAt - a.createdAt : a.status === 'active' ? -1 : 1))
  return (
    <View className='wm-fa' id='wm-fa-teacher'>
      <Text className='wm-section-title'>我的班级</Text>
      {list.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='班' title='还没有班级' description='先创建本学期的班级，得到邀请码和班级码，打印《致家长的一封信》发给家长。' />
        </View>
      ) : (
        list.map((c) => <ClassRow key={c.id} klass={c} />)
      )}
      {creating ? (
        <CreateClassForm
          onCancel={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false)
            classes.setData([c, ...classes.data!])
            openPage(withQuery(FAMILY_PAGES.klass, { classId: c.id }))
          }}
        />
      ) : (
        <Button block type='primary' id='wm-fa-create-open' onClick={() => setCreating(true)}>
          创建班级
        </Button>
      )}
    </View>
  )
}

function ClassRow({ klass }: { klass: ClassView }) {
  return (
    <View className='wm-card'>
    <View className='wm-fa-tool' role='link' id={`wm-fa-class-${klass.id}`} onClick={() => openPage(withQuery(FAMILY_PAGES.klass, { classId: klass.id }))}>
      <View className='wm-fa-col'>
        <View className='wm-fa-row'>
          <Text className='wm-fa-tool__title'>{klass.title}</Text>
          <Text className={`wm-fa-tag${klass.status === 'active' ? ' wm-fa-tag--ok' : ''}`}>{klass.status === 'active' ? '进行中' : '已归档'}</Text>
        </View>
        <Text className='wm-text-tertiary'>
          {klass.status === 'active' ? `邀请码 ${klass.joinCode ?? ''} · ` : ''}班级 {klass.size} 人 · 学期至 {dateText(klass.termEndsAt)}
        </Text>
      </View>
      <Text className='wm-fa-tool__go'>›</Text>
    </View>
    </View>
  )
}

const DAY = 86_400_000
const dayKey = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')
const GRADE_NAMES = GRADES.map((g) => GRADE_LABEL[g])

function CreateClassForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (c: ClassView) => void }) {
  const schools = useLoad(() => callCloud('family', 'schools', {}), [])
  const [schoolIndex, setSchoolIndex] = useState(0)
  const [grade, setGrade] = useState(3)
  const [name, setName] = useState('')
  const [size, setSize] = useState('')
  const [termEnd, setTermEnd] = useState(dayKey(Date.now() + 120 * DAY))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const list: SchoolView[] = schools.data ?? []

  const submit = async () => {
    const school = list[schoolIndex]
    if (!school) return setProblem('请选择学校')
    if (!name.trim()) return setProblem('请填写班级名称，如「3班」')
    const n = Number(size)
    if (!Number.isInteger(n) || n < 1 || n > FAMILY_LIMITS.classSizeMax) return setProblem(`请填写班级人数（1–${FAMILY_LIMITS.classSizeMax}）`)
    setProblem(null)
    setBusy(true)
    // the term ends at the end of the chosen day, Beijing time
    const termEndsAt = Date.parse(`${termEnd}T23:59:59+08:00`)
    const result = await callCloud('family', 'createClass', { schoolId: school.id, grade, name: name.trim(), size: n, termEndsAt })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ icon: 'success', title: '班级已创建' })
    onCreated(result.data)
  }

  return (
    <View className='wm-card' id='wm-fa-create'>
      <Text className='wm-fa-family__title'>创建班级</Text>
      <Text className='wm-field-label'>学校</Text>
      {schools.data ? (
        list.length === 0 ? (
          <Text className='wm-text-secondary'>还没有您可以建班的学校。请联系学校管理员或文明办登记学校并授予教师角色。</Text>
        ) : (
          <Picker mode='selector' range={list.map((s) => `${s.name}（${s.district}）`)} value={schoolIndex} onChange={(e) => setSchoolIndex(Number(e.detail.value))}>
            <View className='wm-field-input wm-fa-picker' id='wm-fa-create-school'>
              <Text>{list[schoolIndex]?.name}</Text>
              <Text className='wm-text-tertiary'>{list.length > 1 ? '更改 ›' : ''}</Text>
            </View>
          </Picker>
        )
      ) : schools.error ? (
        <ErrorState what='学校列表' message={schools.error.message} onRetry={schools.reload} />
      ) : (
        <Skeleton rows={1} title={false} />
      )}
      <Text className='wm-field-label'>年级</Text>
      <Picker mode='selector' range={GRADE_NAMES} value={grade} onChange={(e) => setGrade(Number(e.detail.value))}>
        <View className='wm-field-input wm-fa-picker' id='wm-fa-create-grade'>
          <Text>{GRADE_LABEL[grade]}</Text>
          <Text className='wm-text-tertiary'>更改 ›</Text>
        </View>
      </Picker>
      <Text className='wm-field-label'>班级名称</Text>
      <Input className='wm-field-input' id='wm-fa-create-name' value={name} maxlength={FAMILY_LIMITS.classNameMax} placeholder='如：3班' onInput={(e) => setName(e.detail.value)} />
      <Text className='wm-field-label'>班级人数（用来算家庭参与率）</Text>
      <Input className='wm-field-input' id='wm-fa-create-size' type='number' value={size} placeholder='如：45' onInput={(e) => setSize(e.detail.value)} />
      <Text className='wm-field-label'>学期结束日期</Text>
      <Picker mode='date' value={termEnd} start={dayKey(Date.now() + DAY)} end={dayKey(Date.now() + 182 * DAY)} onChange={(e) => setTermEnd(String(e.detail.value))}>
        <View className='wm-field-input wm-fa-picker' id='wm-fa-create-term'>
          <Text>{termEnd.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}</Text>
          <Text className='wm-text-tertiary'>更改 ›</Text>
        </View>
      </Picker>
      <Text className='wm-text-tertiary'>学期结束时归档班级：孩子名单删除，邀请码失效。</Text>
      <Problem text={problem} />
      <View className='wm-fa-buttons'>
        <Button type='default' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' loading={busy} disabled={busy || list.length === 0} id='wm-fa-create-submit' onClick={() => void submit()}>
          创建
        </Button>
      </View>
    </View>
  )
}
