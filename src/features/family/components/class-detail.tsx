import { alt } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { ClassBoard } from '@/shared/contract/family'
import { Missing } from '@/components/guard'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import { useLoad } from '../api'
import { FAMILY_PAGES, dateText, weekRange, withQuery } from '../labels'
import { Progress } from './family-home'
import { RoleRefusal } from './teacher-workbench'
import '../family.scss'

/**
 * One class: its code and QR (for its teacher), the class board, and the teacher's actions —
 * the week plan, 提醒未完成家庭 and 学期结束归档. A school admin or the office sees the board only.
 */
export function ClassDetail({ classId }: { classId: string }) {
  const board = useLoad(() => callCloud('family', 'board', { classId }), [classId])
  const code = useLoad(() => callCloud('family', 'classCode', { classId }), [classId])
  const [busy, setBusy] = useState<'remind' | 'archive' | null>(null)
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) board.reload()
    setShown(true)
  })

  if (board.error?.code === 'AUTH.FORBIDDEN' || board.error?.code === 'FAMILY.NOT_YOUR_SCHOOL') {
    return <RoleRefusal glyph='班' title='这个班级看板只给老师和学校看' text='班级看板由班主任、本校学校管理员和文明办查看。家长请在「小手拉大手」里查看自己家庭的任务和进度。' />
  }
  if (board.error?.code === 'FAMILY.CLASS_NOT_FOUND' || (!classId && !board.data)) {
    return <Missing id='wm-fa-class-missing' description='没有找到这个班级：它可能已被删除。老师请从「小手拉大手」的教师工作台打开自己的班级。' />
  }
  if (!board.data) {
    return <View className='wm-card'>{board.error ? <ErrorState what='班级看板' message={board.error.message} onRetry={board.reload} /> : <Skeleton rows={8} />}</View>
  }
  const b = board.data
  const klass = b.classView
  const active = klass.status === 'active'
  // the class code answers only the class's own teacher: that is who gets the teacher's actions
  const isTeacher = code.data !== null
  const remindedThisWeek = b.remindedAt !== null && shanghaiTime(b.remindedAt, 'YYYY-MM-DD') >= b.thisWeek

  const remind = () => {
    void Taro.showModal({
      title: '提醒未完成家庭',
      content: '给本周还没完成家庭任务的家长发一条订阅消息提醒（每周只能提醒一次）。',
      confirmText: '发送提醒',
    }).then(async (answer) => {
      if (!answer.confirm) return
      setBusy('remind')
      const result = await callCloud('family', 'remind', { classId })
      setBusy(null)
      if (!result.ok) return void Taro.showModal({ title: '没有发送', content: result.message, showCancel: false, confirmText: '知道了' })
      void Taro.showModal({
        title: '已提醒',
        content: result.data.reminded > 0 ? `已提醒 ${result.data.reminded} 个家庭。` : '没有可以提醒的家庭：要么都完成了，要么家长没有订阅提醒。',
        showCancel: false,
        confirmText: '知道了',
      })
      board.reload()
    })
  }

  const archive = () => {
    void Taro.showModal({
      title: '学期结束归档',
      content: `归档后：${klass.title}的孩子名单（昵称和年级）将被删除，邀请码和班级码失效，家长不能再加入；各家庭保留自己的完成记录、徽章和承诺书。归档不能撤销。`,
      confirmText: '归档',
      confirmColor: '#c8102e',
    }).then(async (answer) => {
      if (!answer.confirm) return
      setBusy('archive')
      const result = await callCloud('family', 'archive', { classId })
      setBusy(null)
      if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
      void Taro.showToast({ icon: 'success', title: '已归档' })
      board.reload()
      code.reload()
    })
  }

  return (
    <View className='wm-fa' id='wm-fa-class'>
      <View className='wm-card'>
        <View className='wm-fa-row'>
          <Text className='wm-fa-family__title'>{klass.title}</Text>
          <Text className={`wm-fa-tag${active ? ' wm-fa-tag--ok' : ''}`}>{active ? '进行中' : '已归档'}</Text>
        </View>
        <Text className='wm-text-tertiary'>
          {klass.teacherName ? `班主任：${klass.teacherName} · ` : ''}学期至 {dateText(klass.termEndsAt)}
        </Text>
        {!active ? <Text className='wm-text-secondary wm-fa-gap'>本班已归档：孩子名单已删除，邀请码已失效。下面是归档前的参与情况。</Text> : null}
      </View>

      {isTeacher && active && code.data ? (
        <View className='wm-card wm-fa-code' id='wm-fa-class-code'>
          <Text className='wm-text-secondary'>家长用微信扫班级码，或在「小手拉大手」输入邀请码加入</Text>
          <Text className='wm-fa-code__text' id='wm-fa-class-join-code'>
            {code.data.joinCode}
          </Text>
          {code.data.imageUrl ? <Image className='wm-fa-code__qr' src={code.data.imageUrl} mode='scaleToFill' {...alt('班级码')} /> : null}
          <Button block type='primary' id='wm-fa-open-notice' onClick={() => openPage(withQuery(FAMILY_PAGES.notice, { classId }))}>
            打印《致家长的一封信》
          </Button>
        </View>
      ) : null}

      {isTeacher && active ? (
        <>
          <Text className='wm-section-title'>老师的操作</Text>
          <View className='wm-card'>
            <View className='wm-fa-tool' role='link' id='wm-fa-open-plan' onClick={() => openPage(withQuery(FAMILY_PAGES.plan, { classId }))}>
              <View className='wm-fa-col'>
                <Text className='wm-fa-tool__title'>每周家庭任务</Text>
                <Text className='wm-text-tertiary'>设置本周和以后各周的任务，或采用默认计划</Text>
              </View>
              <Text className='wm-fa-tool__go'>进入 ›</Text>
            </View>
            <View className='wm-fa-tool'>
              <View className='wm-fa-col'>
                <Text className='wm-fa-tool__title'>提醒未完成家庭</Text>
                <Text className='wm-text-tertiary'>
                  {remindedThisWeek && b.remindedAt ? `本周已于 ${shanghaiTime(b.remindedAt, 'M月D日 HH:mm')} 提醒过，下周可再提醒` : '每周可提醒一次'}
                </Text>
              </View>
              <Button className='wm-fa-action' type='primary' fill='outline' loading={busy === 'remind'} disabled={remindedThisWeek || busy !== null} id='wm-fa-remind' onClick={remind}>
                {remindedThisWeek ? '本周已提醒' : '提醒'}
              </Button>
            </View>
            <View className='wm-fa-tool'>
              <View className='wm-fa-col'>
                <Text className='wm-fa-tool__title'>学期结束归档</Text>
                <Text className='wm-text-tertiary'>删除孩子名单、邀请码失效；家庭保留自己的记录</Text>
              </View>
              <Button className='wm-fa-action' type='primary' fill='outline' loading={busy === 'archive'} disabled={busy !== null} id='wm-fa-archive' onClick={archive}>
                归档
              </Button>
            </View>
          </View>
        </>
      ) : null}

      <Text className='wm-section-title'>班级看板</Text>
      <BoardFigures board={b} />

    </View>
  )
}

/** The board's figures: counts in words and numbers, per-week completions as a bar list with the number beside each bar. */
export function BoardFigures({ board }: { board: ClassBoard }) {
  const size = board.classView.size
  // weeks so far, the newest first (the plan's later weeks have nothing to count yet)
  const weeks = board.weeks.filter((w) => w.week <= board.thisWeek).reverse()
  const max = Math.max(1, ...weeks.map((w) => w.completions))
  return (
    <>
      <View className='wm-card' id='wm-fa-board'>
        <View className='wm-fa-figures'>
          <Figure value={`${board.families}/${size}`} label='已加入家庭/班级人数' />
          <Figure value={String(board.children)} label='孩子' />
          <Figure value={`${board.receipts}/${board.families}`} label='回执已交' />
          <Figure value={board.quizAverage === null ? '—' : `${Math.round(board.quizAverage)}`} label={board.quizAverage === null ? '家庭答题均分（还没有人答）' : '家庭答题均分'} />
        </View>
      </View>
      <Text className='wm-section-title'>每周完成情况</Text>
      <View className='wm-card' id='wm-fa-board-weeks'>
        {weeks.length === 0 ? (
          <Text className='wm-text-secondary'>还没有布置过家庭任务。布置后，每周完成了几项、几个家庭全部完成会显示在这里。</Text>
        ) : (
          weeks.map((w) => (
            <View key={w.week} className='wm-fa-bar'>
              <Text className='wm-fa-bar__label'>
                {weekRange(w.week)}
                {w.week === board.thisWeek ? '（本周）' : ''}
              </Text>
              <View className='wm-fa-bar__track' aria-hidden='true'>
                {w.completions > 0 ? <View className='wm-fa-bar__fill' style={{ width: `${Math.round((w.completions / max) * 100)}%` }} /> : null}
              </View>
              <Text className='wm-fa-bar__value'>
                完成 {w.completions} 项 · {w.familiesDone} 家全部完成 · 共 {w.tasks} 项任务
              </Text>
            </View>
          ))
        )}
      </View>
      <Text className='wm-section-title'>各家庭本周进度</Text>
      <View className='wm-card' id='wm-fa-board-families'>
        <Text className='wm-text-tertiary'>只显示孩子的昵称</Text>
        {board.familyRows.length === 0 ? (
          <Text className='wm-text-secondary wm-fa-gap'>还没有家庭加入。把邀请码或打印的《致家长的一封信》发给家长，家长扫码即可加入。</Text>
        ) : (
          board.familyRows.map((f, i) => (
            <View key={`${f.nicknames.join('、')}-${i}`} className='wm-fa-family-row'>
              <View className='wm-fa-row'>
                <Text className='wm-fa-tool__title'>{f.nicknames.join('、') || '（孩子已移除）'}</Text>
                <Text className={`wm-fa-tag${f.receipt ? ' wm-fa-tag--ok' : ''}`}>{f.receipt ? '回执已交' : '回执未交'}</Text>
              </View>
              <Progress done={f.doneThisWeek} total={f.tasksThisWeek} />
            </View>
          ))
        )}
      </View>
    </>
  )
}

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <View className='wm-fa-figure'>
      <Text className='wm-fa-figure__value'>{value}</Text>
      <Text className='wm-text-tertiary'>{label}</Text>
    </View>
  )
}
