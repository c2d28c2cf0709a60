import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { FamilyTaskView, FamilyView } from '@/shared/contract/family'
import { FAMILY_LIMITS } from '@/shared/family'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { askConsent } from '@/lib/subscribe'
import { CONSENT_MOMENTS } from '@/shared/notify'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { FAMILY_PAGES, dateText, refLabel, taskGo, weekRange, withQuery } from '../labels'
import { ChildFields, ChildPrivacyNote, Problem, childDraftProblem, type ChildDraft } from './child-fields'
import '../family.scss'

/** 我的家庭: each class the family joined, its children by nickname, this week's tasks, streak and badges. */
export function FamilyHome() {
  const home = useLoad(() => callCloud('family', 'home', {}), [])
  // back from the handbook, the quiz or the pledge: the task may be done now
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) home.reload()
    setShown(true)
  })

  const replace = (family: FamilyView) => {
    if (!home.data) return
    const families = home.data.families.map((f) => (f.id === family.id ? family : f))
    home.setData({ families: family.children.length === 0 ? families.filter((f) => f.id !== family.id) : families })
  }

  let body
  if (!home.data) {
    body = home.error ? (
      <View className='wm-card'>
        <ErrorState what='我的家庭' message={home.error.message} onRetry={home.reload} />
      </View>
    ) : (
      <View className='wm-card'>
        <Skeleton rows={5} />
      </View>
    )
  } else if (home.data.families.length === 0) {
    body = (
      <View className='wm-card' id='wm-fa-home-empty'>
        <EmptyState
          glyph='家'
          title='还没有加入班级'
          description='请向孩子的班主任要班级邀请码，或扫描《致家长的一封信》上的班级码，在下面输入邀请码加入。孩子只填昵称，不填真实姓名、不传照片。'
        />
      </View>
    )
  } else {
    body = home.data.families.map((family) => <FamilyCard key={family.id} family={family} onChange={replace} />)
  }

  return (
    <View className='wm-fa' id='wm-fa-home'>
      <View className='wm-fa-hero'>
        <Text className='wm-fa-hero__title'>小手拉大手，文明一起走</Text>
        <Text className='wm-fa-hero__text'>孩子和家长一起完成每周的家庭文明任务，班级能看到大家的参与情况。</Text>
      </View>
      {body}
      <JoinEntry joined={(home.data?.families.length ?? 0) > 0} />
    </View>
  )
}

function JoinEntry({ joined }: { joined: boolean }) {
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const go = () => {
    const clean = code.trim().toUpperCase()
    if (!/^[A-Z0-9]{4,12}$/.test(clean)) return setProblem('邀请码是 4–12 位字母或数字，请核对后重新输入')
    setProblem(null)
    openPage(withQuery(FAMILY_PAGES.join, { joinCode: clean }))
  }
  return (
    <>
      <Text className='wm-section-title'>{joined ? '加入另一个班级' : '加入班级'}</Text>
      <View className='wm-card' id='wm-fa-join-entry'>
        <Text className='wm-text-secondary'>输入老师给的班级邀请码（也可以用微信扫一扫班级码）</Text>
        <Input
          className='wm-field-input wm-fa-code-input'
          id='wm-fa-join-code'
          value={code}
          maxlength={12}
          placeholder='如：K7P3QD'
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={go}
        />
        <Problem text={problem} />
        <Button block type='primary' className='wm-fa-gap' onClick={go}>
          下一步：阅读致家长的一封信
        </Button>
      </View>
    </>
  )
}

function FamilyCard({ family, onChange }: { family: FamilyView; onChange: (family: FamilyView) => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [adding, setAdding] = useState<ChildDraft | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const done = family.tasks.filter((t) => t.done).length
  const total = family.tasks.length

  const complete = async (task: FamilyTaskView, confirm: boolean) => {
    setBusy(task.id)
    // each task done is a tap that may add one 家庭任务提醒 (one message per accepted consent); it never holds the task up
    void askConsent(CONSENT_MOMENTS.family)
    const result = await callCloud('family', 'complete', { familyId: family.id, taskId: task.id, ...(confirm ? { confirm: true } : {}) })
    setBusy(null)
    if (!result.ok) {
      void Taro.showModal({ title: '还不能记为完成', content: `${result.message}。${task.how}`, showCancel: false, confirmText: '知道了' })
      return
    }
    onChange(result.data)
    void Taro.showToast({ icon: 'success', title: '已完成' })
  }

  const start = (task: FamilyTaskView) => {
    // a pledge signed earlier (this term) counts for this week's pledge task: check it instead of signing again
    if (task.kind === 'pledge' && family.pledge) return void complete(task, false)
    const go = taskGo(task, family.id)
    if (go.kind === 'open') return openPage(go.url)
    void Taro.showModal({ title: task.title, content: go.question, confirmText: '确认完成', cancelText: '还没有' }).then((answer) => {
      if (answer.confirm) void complete(task, true)
    })
  }

  const remove = (childId: string, nickname: string) => {
    const last = family.children.length === 1
    void Taro.showModal({
      title: last ? `移除${nickname}并退出班级` : `移除${nickname}`,
      content: last
        ? `${nickname}是这个家庭在${family.classView.title}的最后一个孩子：移除后会删除${nickname}的昵称和年级，并退出这个班级。家庭自己的完成记录和承诺书会保留。`
        : `移除后会删除${nickname}的昵称和年级，班级里不再显示。`,
      confirmText: last ? '移除退出' : '移除',
      confirmColor: '#c8102e',
    }).then(async (answer) => {
      if (!answer.confirm) return
      setBusy(childId)
      const result = await callCloud('family', 'removeChild', { familyId: family.id, childId })
      setBusy(null)
      if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
      onChange(result.data)
      void Taro.showToast({ icon: 'success', title: last ? '已退出班级' : '已移除' })
    })
  }

  const add = async () => {
    if (!adding) return
    const why = childDraftProblem([adding])
    if (why) return setProblem(why)
    setProblem(null)
    setBusy('add')
    const result = await callCloud('family', 'addChild', { familyId: family.id, child: { nickname: adding.nickname.trim(), grade: adding.grade } })
    setBusy(null)
    if (!result.ok) return setProblem(result.message)
    setAdding(null)
    onChange(result.data)
  }

  return (
    <View className='wm-fa-family' id={`wm-fa-family-${family.id}`}>
      <View className='wm-card'>
        <View className='wm-fa-row'>
          <Text className='wm-fa-family__title'>{family.classView.title}</Text>
          {family.archived ? <Text className='wm-fa-tag'>已归档</Text> : null}
        </View>
        {family.classView.teacherName ? <Text className='wm-text-tertiary'>班主任：{family.classView.teacherName}</Text> : null}
        {family.archived ? (
          <Text className='wm-text-secondary wm-fa-gap'>本学期活动已结束，老师已归档班级。这里保留您家庭自己的完成记录、徽章和承诺书。</Text>
        ) : null}

        <Text className='wm-fa-subtitle'>孩子</Text>
        <View className='wm-fa-children'>
          {family.children.map((c) => (
            <View key={c.id} className='wm-fa-child'>
              <Text className='wm-fa-child__name'>{c.nickname}</Text>
              <Text className='wm-text-tertiary'>{c.gradeLabel}</Text>
              {family.archived ? null : (
                <View className='wm-fa-link' role='button' aria-label={`移除${c.nickname}`} onClick={() => busy === null && remove(c.id, c.nickname)}>
                  <Text>移除</Text>
                </View>
              )}
            </View>
          ))}
        </View>
        {family.archived ? null : adding ? (
          <View className='wm-fa-add'>
            <ChildPrivacyNote />
            <ChildFields child={adding} index={family.children.length} onChange={setAdding} />
            <Problem text={problem} />
            <View className='wm-fa-buttons'>
              <Button type='default' onClick={() => setAdding(null)}>
                取消
              </Button>
              <Button type='primary' loading={busy === 'add'} onClick={() => void add()}>
                添加
              </Button>
            </View>
          </View>
        ) : family.children.length < FAMILY_LIMITS.childrenPerFamily ? (
          <View className='wm-fa-link wm-fa-link--block' role='button' id='wm-fa-add-child' onClick={() => setAdding({ key: 0, nickname: '', grade: family.classView.grade })}>
            <Text>＋ 再添加一个孩子</Text>
          </View>
        ) : null}
      </View>

      {family.archived ? null : (
        <>
          <Text className='wm-section-title'>本周任务（{weekRange(family.week)}）</Text>
          <View className='wm-card' id='wm-fa-tasks'>
            {total === 0 ? (
              <Text className='wm-text-secondary'>老师还没有布置这周的家庭任务，布置后会显示在这里。</Text>
            ) : (
              <>
                <Progress done={done} total={total} />
                {family.tasks.map((task) => (
                  <TaskRow key={task.id} task={task} busy={busy === task.id} onStart={() => start(task)} onCheck={() => void complete(task, false)} />
                ))}
              </>
            )}
          </View>
        </>
      )}

      <Text className='wm-section-title'>我家的徽章</Text>
      <View className='wm-card' id='wm-fa-badges'>
        <Text className='wm-text-tertiary'>只有您的家庭能看到</Text>
        <View className='wm-fa-stats'>
          <View className='wm-fa-stat'>
            <Text className='wm-fa-stat__number'>{family.streak}</Text>
            <Text className='wm-text-tertiary'>连续完成周数</Text>
          </View>
          <View className='wm-fa-stat'>
            <Text className='wm-fa-stat__number'>{family.weeksDone}</Text>
            <Text className='wm-text-tertiary'>累计完成周数</Text>
          </View>
        </View>
        {family.badges.length === 0 ? (
          <Text className='wm-text-secondary'>完成一周的全部任务就能得到第一枚徽章；连续完成，徽章越多。</Text>
        ) : (
          family.badges.map((b) => (
            <View key={b.id} className='wm-fa-badge'>
              <Text className='wm-fa-badge__glyph' aria-hidden='true'>
                章
              </Text>
              <View className='wm-fa-col'>
                <Text className='wm-fa-badge__name'>{b.name}</Text>
                <Text className='wm-text-tertiary'>
                  {b.detail} · {dateText(b.at)}
                </Text>
              </View>
            </View>
          ))
        )}
        <View
          className='wm-fa-link wm-fa-link--block'
          role='link'
          id='wm-fa-open-pledge'
          onClick={() => openPage(withQuery(FAMILY_PAGES.pledge, { familyId: family.id }))}
        >
          <Text>{family.pledge ? `查看文明家庭承诺书（${dateText(family.pledge.signedAt)} 签署）›` : '签署文明家庭承诺书 ›'}</Text>
        </View>
      </View>
    </View>
  )
}

export function Progress({ done, total }: { done: number; total: number }) {
  const pct = total === 0 ? 0 : Math.round((done / total) * 100)
  return (
    <View className='wm-fa-progress'>
      <Text className='wm-fa-progress__text'>
        已完成 {done}/{total} 项{done === total && total > 0 ? '，本周全部完成！' : ''}
      </Text>
      <View className='wm-fa-progress__track' aria-hidden='true'>
        <View className='wm-fa-progress__bar' style={{ width: `${pct}%` }} />
      </View>
    </View>
  )
}

/** Open tasks checked against a record (chapter, quiz, shift) also offer 核对 for the way back. */
const CHECKED = new Set(['chapter', 'quiz', 'shift'])

function TaskRow({ task, busy, onStart, onCheck }: { task: FamilyTaskView; busy: boolean; onStart: () => void; onCheck: () => void }) {
  const item = refLabel(task)
  return (
    <View className={`wm-fa-task${task.done ? ' wm-fa-task--done' : ''}`} id={`wm-fa-task-${task.id}`}>
      <Text className={`wm-fa-task__mark${task.done ? ' wm-fa-task__mark--done' : ''}`}>{task.done ? '✓ 已完成' : '未完成'}</Text>
      <Text className='wm-fa-task__title'>{task.title}</Text>
      {item && item !== task.title ? <Text className='wm-text-secondary'>{item}</Text> : null}
      {task.description ? <Text className='wm-text-secondary'>{task.description}</Text> : null}
      {task.done ? (
        <Text className='wm-text-tertiary'>{task.evidence ?? '已完成'}{task.doneAt ? ` · ${dateText(task.doneAt)}` : ''}</Text>
      ) : (
        <>
          <Text className='wm-text-tertiary'>{task.how}</Text>
          <View className='wm-fa-buttons'>
            {CHECKED.has(task.kind) ? (
              <Button type='default' size='small' loading={busy} onClick={onCheck}>
                已做完，核对
              </Button>
            ) : null}
            <Button type='primary' size='small' loading={busy && !CHECKED.has(task.kind)} onClick={onStart}>
              去完成
            </Button>
          </View>
        </>
      )}
    </View>
  )
}
