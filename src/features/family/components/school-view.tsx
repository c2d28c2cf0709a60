import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SchoolView } from '@/shared/contract/family'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { FAMILY_PAGES, withQuery } from '../labels'
import { Problem } from './child-fields'
import { RoleRefusal } from './teacher-workbench'
import '../family.scss'

/** 学校管理: the school's classes and their participation, and the teacher role within the school. */
export function SchoolPage({ schoolId: linked }: { schoolId: string }) {
  const schools = useLoad(() => callCloud('family', 'schools', {}), [])
  const [picked, setPicked] = useState<string | null>(linked || null)

  if (schools.error?.code === 'AUTH.FORBIDDEN') {
    return <RoleRefusal glyph='校' title='这是学校管理员的页面' text='学校管理员在这里查看本校各班的参与情况，并给本校老师授予「教师」角色。如需开通，请联系文明办。' />
  }
  if (!schools.data) {
    return <View className='wm-card'>{schools.error ? <ErrorState what='学校' message={schools.error.message} onRetry={schools.reload} /> : <Skeleton rows={6} />}</View>
  }
  const list = schools.data
  if (list.length === 0) {
    return (
      <View className='wm-card'>
        <EmptyState glyph='校' title='还没有登记的学校' description='文明办登记参与「小手拉大手」的学校后，学校管理员就能在这里看到本校各班。' />
      </View>
    )
  }
  const current = list.find((s) => s.id === picked) ?? list[0]
  return (
    <View className='wm-fa' id='wm-fa-school'>
      {list.length > 1 ? (
        <Picker mode='selector' range={list.map((s) => `${s.name}（${s.district}）`)} value={list.indexOf(current)} onChange={(e) => setPicked(list[Number(e.detail.value)]?.id ?? null)}>
          <View className='wm-field-input wm-fa-picker wm-fa-gap-bottom'>
            <Text>{current.name}</Text>
            <Text className='wm-text-tertiary'>换一所学校 ›</Text>
          </View>
        </Picker>
      ) : null}
      <SchoolClasses key={current.id} school={current} />
      <GrantTeacher school={current} />
    </View>
  )
}

function SchoolClasses({ school }: { school: SchoolView }) {
  const overview = useLoad(() => callCloud('family', 'school', { schoolId: school.id }), [school.id])
  if (overview.error?.code === 'AUTH.FORBIDDEN' || overview.error?.code === 'FAMILY.NOT_YOUR_SCHOOL') {
    return <RoleRefusal glyph='校' title='只能查看您负责的学校' text='学校管理员只能查看本校的班级。如果您负责的学校有变化，请联系文明办。' />
  }
  if (!overview.data) {
    return <View className='wm-card'>{overview.error ? <ErrorState what='本校班级' message={overview.error.message} onRetry={overview.reload} /> : <Skeleton rows={6} />}</View>
  }
  const o = overview.data
  const active = o.classes.filter((c) => c.status === 'active')
  return (
    <>
      <View className='wm-card'>
        <Text className='wm-fa-family__title'>{o.school.name}</Text>
        <Text className='wm-text-tertiary'>{o.school.district}</Text>
        <View className='wm-fa-figures wm-fa-figures--3 wm-fa-gap'>
          <View className='wm-fa-figure'>
            <Text className='wm-fa-figure__value'>{active.length}</Text>
            <Text className='wm-text-tertiary'>进行中的班级</Text>
          </View>
          <View className='wm-fa-figure'>
            <Text className='wm-fa-figure__value'>{o.families}</Text>
            <Text className='wm-text-tertiary'>已加入家庭</Text>
          </View>
          <View className='wm-fa-figure'>
            <Text className='wm-fa-figure__value'>{o.receipts}</Text>
            <Text className='wm-text-tertiary'>回执已交</Text>
          </View>
        </View>
      </View>
      <Text className='wm-section-title'>各班参与情况</Text>
      <View className='wm-card' id='wm-fa-school-classes'>
        {o.classes.length === 0 ? (
          <Text className='wm-text-secondary'>本校还没有班级。老师获得「教师」角色后，在教师工作台创建班级。</Text>
        ) : (
          o.classes.map((c) => (
            <View key={c.id} className='wm-fa-tool' role='link' onClick={() => openPage(withQuery(FAMILY_PAGES.klass, { classId: c.id }))}>
              <View className='wm-fa-col'>
                <View className='wm-fa-row'>
                  <Text className='wm-fa-tool__title'>{c.gradeLabel} {c.name}</Text>
                  <Text className={`wm-fa-tag${c.status === 'active' ? ' wm-fa-tag--ok' : ''}`}>{c.status === 'active' ? '进行中' : '已归档'}</Text>
                </View>
                <Text className='wm-text-tertiary'>
                  家庭 {c.families}/{c.size} · 回执 {c.receipts} · 本周全部完成 {c.doneThisWeek} 家{c.teacherName ? ` · ${c.teacherName}` : ''}
                </Text>
              </View>
              <Text className='wm-fa-tool__go'>›</Text>
            </View>
          ))
        )}
      </View>
    </>
  )
}

function GrantTeacher({ school }: { school: SchoolView }) {
  const [openid, setOpenid] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const run = (granted: boolean) => {
    const id = openid.trim()
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return setProblem('请填写老师的用户编号（在老师「我的」页面底部，由字母、数字组成）')
    setProblem(null)
    void Taro.showModal({
      title: granted ? '授予教师角色' : '收回教师角色',
      content: granted ? `授予后，这位老师可以在${school.name}创建班级、布置家庭任务。` : `收回后，这位老师不能再管理${school.name}的班级。`,
      confirmText: granted ? '授予' : '收回',
      confirmColor: granted ? '#c8102e' : '#9a5b00',
    }).then(async (answer) => {
      if (!answer.confirm) return
      setBusy(true)
      const result = await callCloud('family', 'grantTeacher', { schoolId: school.id, openid: id, granted })
      setBusy(false)
      if (!result.ok) return setProblem(result.message)
      setDone(result.data.granted ? `已授予教师角色（${school.name}）` : '已收回教师角色')
      setOpenid('')
    })
  }

  return (
    <>
      <Text className='wm-section-title'>教师授权</Text>
      <View className='wm-card' id='wm-fa-grant'>
        <Text className='wm-text-secondary'>请老师打开「我的」，把页面底部的用户编号发给您，在这里授予或收回本校的教师角色（会记入审计）。</Text>
        <Text className='wm-field-label'>老师的用户编号</Text>
        <Input className='wm-field-input' id='wm-fa-grant-openid' value={openid} maxlength={64} placeholder='如：o6_bmjrPTlm6_2sgVt7hMZOPfL2M' onInput={(e) => setOpenid(e.detail.value)} />
        <Problem text={problem} />
        {done ? (
          <View className='wm-fa-done' role='status'>
            <Text>✓ {done}</Text>
          </View>
        ) : null}
        <View className='wm-fa-buttons'>
          <Button type='default' disabled={busy} onClick={() => run(false)}>
            收回
          </Button>
          <Button type='primary' loading={busy} disabled={busy} id='wm-fa-grant-submit' onClick={() => run(true)}>
            授予教师角色
          </Button>
        </View>
      </View>
    </>
  )
}
