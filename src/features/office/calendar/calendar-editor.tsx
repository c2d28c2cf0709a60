import { useCallback, useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CalendarYearView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { inShanghai, shanghaiTime } from '@/lib/time'
import { exampleSheet, groupSchedule, monthDayWeekday, runText } from './schedule'
import './calendar-editor.scss'

/** the server's limits (CALENDAR_SHEET_LIMITS, calendar contract); repeated so zod stays out of the bundle */
const SHEET_MAX_CHARS = 8000
const NOTE_MAX = 60

const SOURCE_LABEL: Record<CalendarYearView['source'], string> = {
  seeded: '已预置',
  office: '文明办导入',
  missing: '未导入',
}

const SOURCE_DETAIL: Record<CalendarYearView['source'], string> = {
  seeded: '随程序预置，来自国务院办公厅的节假日安排通知',
  office: '文明办导入的安排',
  missing: '工作日时限暂按周一至周五计算',
}

/**
 * The server's message names the first bad rows in brackets (「…重新导入（第 3 行：…）」) for callers
 * that show only the message; this page lists every row below it, so the bracket would say it twice.
 */
function withoutNamedRows(message: string, lines: string[]): string {
  const bracket = lines.length ? message.indexOf(`（${lines[0]}`) : -1
  return bracket > 0 ? message.slice(0, bracket) : message
}

interface Outcome {
  kind: 'error' | 'done'
  message: string
  /** each bad row as 「第 3 行：…」 */
  lines: string[]
}

/**
 * 节假日与工作日: the office reads this year's and next year's official schedule, which the
 * working-day time limits of every report are counted on, and replaces a year from a pasted
 * sheet. A stale link (a year no longer offered) and a person who is not the office get a word
 * on what this page is, not an error with a retry that cannot help.
 */
export function CalendarEditor({ linkYear }: { linkYear?: string }) {
  const thisYear = inShanghai(Date.now()).year()
  const years = [thisYear, thisYear + 1]
  const asked = linkYear === undefined || linkYear === '' ? null : Number(linkYear)
  const [stale, setStale] = useState(asked !== null && !years.includes(asked))
  const [year, setYear] = useState(asked !== null && years.includes(asked) ? asked : thisYear)
  const [view, setView] = useState<CalendarYearView | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [csv, setCsv] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const load = useCallback(async (which: number) => {
    setError(null)
    setView(null)
    const result = await callCloud('calendar', 'get', { year: which })
    if (!result.ok) return setError(result)
    setView(result.data)
  }, [])
  useEffect(() => {
    if (!stale) void load(year)
  }, [load, year, stale])

  if (stale) {
    return (
      <View className='wm-card' id='wm-calendar-stale'>
        <EmptyState
          glyph='历'
          title='这个链接已过期'
          description={`链接里的年份（${linkYear ?? ''}）已不在可设置的范围内：这里只能查看和导入 ${thisYear} 年、${thisYear + 1} 年的安排。`}
          actionText={`查看 ${thisYear} 年安排`}
          onAction={() => {
            setYear(thisYear)
            setStale(false)
          }}
        />
      </View>
    )
  }
  if (error?.code === 'AUTH.FORBIDDEN') {
    return (
      <View className='wm-card' id='wm-calendar-forbidden'>
        <EmptyState
          glyph='历'
          title='这是文明办的设置页面'
          description='节假日与调休安排由文明办维护，随手拍的办理时限按它计算。如果您是文明办工作人员，请联系管理员授予「文明办」角色。'
          actionText='返回首页'
          onAction={() => openPage('/pages/home/index')}
        />
      </View>
    )
  }

  const pickYear = (next: number) => {
    if (next === year) return
    setYear(next)
    setOutcome(null)
  }

  const confirmImport = () => {
    if (!csv.trim()) return setOutcome({ kind: 'error', message: '请先粘贴表格内容（每行：日期,类型,名称）', lines: [] })
    void Taro.showModal({
      title: `替换 ${year} 年安排`,
      content: `导入后，${year} 年原有的节假日与调休安排将被整体替换，未到期的工作日时限按新安排重新计算。确定导入？`,
      confirmText: '导入',
      confirmColor: '#c8102e',
    }).then((answer) => {
      if (answer.confirm) void runImport()
    })
  }

  const runImport = async () => {
    setBusy(true)
    setOutcome(null)
    const trimmedNote = note.trim()
    const result = await callCloud('calendar', 'replace', { year, csv, ...(trimmedNote ? { note: trimmedNote } : {}) })
    setBusy(false)
    if (!result.ok) {
      // INPUT.INVALID names schema fields (csv, note), which mean nothing to the office: only their messages
      const lines = (result.issues ?? []).map((i) => (result.code === 'INPUT.INVALID' ? i.message : `${i.path}：${i.message}`))
      return setOutcome({ kind: 'error', message: withoutNamedRows(result.message, lines), lines })
    }
    const { days, recomputed } = result.data
    const off = days.filter((d) => d.type === 'holiday').length
    const on = days.length - off
    setView(result.data)
    setCsv('')
    setNote('')
    setOutcome({
      kind: 'done',
      message: `已导入 ${year} 年安排：休 ${off} 天，调休上班 ${on} 天。${recomputed > 0 ? `${recomputed} 条未办结的随手拍已按新安排重新计算时限。` : '没有需要重新计算时限的未办结随手拍。'}`,
      lines: [],
    })
    void Taro.showToast({ icon: 'success', title: '已导入' })
  }

  const groups = view ? groupSchedule(view.days) : []

  return (
    <View className='wm-calendar' id='wm-calendar'>
      <View className='wm-calendar__years' role='tablist'>
        {years.map((y) => (
          <View
            key={y}
            id={`wm-calendar-year-${y}`}
            className={`wm-calendar__year${y === year ? ' wm-calendar__year--on' : ''}`}
            role='tab'
            aria-selected={y === year}
            onClick={() => pickYear(y)}
          >
            <Text>{y === thisYear ? `今年（${y}）` : `明年（${y}）`}</Text>
          </View>
        ))}
      </View>

      {error ? (
        <View className='wm-card'>
          <ErrorState what={`${year} 年安排`} message={error.message} onRetry={() => void load(year)} />
        </View>
      ) : !view ? (
        <View className='wm-card'>
          <Skeleton rows={5} />
        </View>
      ) : (
        <>
          <View className='wm-card' id='wm-calendar-source'>
            <View className='wm-calendar__source-head'>
              <Text className='wm-calendar__title'>{view.year} 年安排</Text>
              <Text className={`wm-calendar__tag wm-calendar__tag--${view.source}`}>{SOURCE_LABEL[view.source]}</Text>
            </View>
            <Text className='wm-text-secondary wm-calendar__line'>{SOURCE_DETAIL[view.source]}</Text>
            <Text className='wm-calendar__note'>{view.note}</Text>
            {/* a seeded year's time is when the host wrote it, not a change anyone made: only an import says when */}
            {view.source === 'office' && view.updatedAt ? <Text className='wm-text-tertiary wm-calendar__line'>更新于 {shanghaiTime(view.updatedAt, 'YYYY-MM-DD HH:mm')}</Text> : null}
          </View>

          <View className='wm-card' id='wm-calendar-days'>
            <Text className='wm-calendar__title'>放假与调休</Text>
            {groups.length === 0 ? (
              <Text className='wm-text-secondary wm-calendar__line'>还没有这一年的安排。国务院办公厅发布通知后，在下方粘贴表格导入。</Text>
            ) : (
              groups.map((g) => (
                <View key={g.name} className='wm-calendar__festival'>
                  <Text className='wm-calendar__festival-name'>{g.name}</Text>
                  <View className='wm-calendar__festival-days'>
                    {g.runs.map((r) => (
                      <Text key={r.from} className='wm-calendar__off'>
                        {runText(r)}
                      </Text>
                    ))}
                    {g.workdays.length ? (
                      // each date stays whole on one line, and 上班 stays with the last date
                      <View className='wm-calendar__on'>
                        {g.workdays.map((d, i) => (
                          <Text key={d} className='wm-calendar__on-day'>
                            {i < g.workdays.length - 1 ? `${monthDayWeekday(d)}、` : `${monthDayWeekday(d)} 上班`}
                          </Text>
                        ))}
                      </View>
                    ) : null}
                  </View>
                </View>
              ))
            )}
            <Text className='wm-text-tertiary wm-calendar__line'>其余日期按周一至周五上班、周六周日休息计算。</Text>
          </View>
        </>
      )}

      <View className='wm-card' id='wm-calendar-import'>
        <Text className='wm-calendar__title'>导入 {year} 年安排</Text>
        <Text className='wm-text-secondary wm-calendar__line'>
          从表格复制后粘贴，每行一天：日期,类型,名称。类型写「休」或「班」；「班」只能是周六或周日。导入会整体替换这一年的安排。
        </Text>
        <Text className='wm-field-label'>示例</Text>
        <Text className='wm-calendar__example' id='wm-calendar-example' userSelect>
          {exampleSheet(year)}
        </Text>
        <Text className='wm-field-label'>表格内容</Text>
        <TextArea
          className='wm-calendar__sheet'
          id='wm-calendar-csv'
          value={csv}
          maxlength={SHEET_MAX_CHARS}
          placeholder={`${year}-01-01,休,元旦`}
          onInput={(value) => setCsv(value)}
        />
        <Text className='wm-field-label'>来源说明（选填）</Text>
        <Input
          id='wm-calendar-note'
          className='wm-field-input'
          value={note}
          maxlength={NOTE_MAX}
          placeholder='例如：国务院办公厅通知（发布日期）'
          onInput={(e) => setNote(e.detail.value)}
        />
        {outcome ? (
          <View className={`wm-calendar__outcome wm-calendar__outcome--${outcome.kind}`} id='wm-calendar-outcome' role={outcome.kind === 'error' ? 'alert' : 'status'}>
            <Text className='wm-calendar__outcome-tag'>{outcome.kind === 'error' ? '未导入' : '导入成功'}</Text>
            <Text>{outcome.message}</Text>
            {outcome.lines.map((line) => (
              <Text key={line} className='wm-calendar__outcome-line'>
                {line}
              </Text>
            ))}
          </View>
        ) : null}
        <Button id='wm-calendar-submit' className='wm-calendar__submit' type='primary' block loading={busy} disabled={busy} onClick={confirmImport}>
          导入
        </Button>
      </View>
    </View>
  )
}
