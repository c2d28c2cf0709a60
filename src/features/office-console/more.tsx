import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { fieldName } from '@/components/alt'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '@/lib/use-load'
import { NOTIFY_PURPOSES } from '@/shared/notify'
import type { HandbookVersionRowView, PointsRuleSettingView, SettingsOverviewView, VolunteerTimesView } from '@/shared/contract'
import { Action, BackToIndex, Done, Gate, Problem, goSettings, timeText, wholeNumber, type SettingsViewName } from './common'

/** bounds the server enforces too (MORE_SETTINGS_LIMITS in the zod contract, which a screen may not import) */
const BOUNDS = { dailyLimit: [1, 200], cancelMinutes: [0, 72 * 60], graceMinutes: [0, 360], points: [1, 100], dailyCap: [1, 1000] } as const

const minutesText = (m: number) => (m % 60 === 0 ? `${m / 60} 小时` : m > 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m} 分钟`)
/** 「开始前 2 小时截止取消」「开始前都可以取消」 */
const cancelText = (m: number) => (m === 0 ? '开始前都可以取消' : `开始前 ${minutesText(m)}截止取消`)
const graceText = (m: number) => (m === 0 ? '结束即自动签退' : `结束后 ${minutesText(m)}自动签退`)
const perText = (r: Pick<PointsRuleSettingView, 'per' | 'points'>) => (r.per === 'hour' ? `每小时 ${r.points} 分` : `每次 ${r.points} 分`)

interface Row {
  name: string
  value: string
  go: () => void
  id: string
}

function rowsOf(o: SettingsOverviewView): Array<{ group: string; rows: Row[] }> {
  const view = (v: SettingsViewName) => () => goSettings(v)
  const changedRules = o.points.filter((r) => r.overridden).length
  return [
    {
      group: '随手拍',
      rows: [
        { id: 'categories', name: '类别与时限', value: o.categoriesOverridden ? `已修改 ${o.categoriesOverridden} 个类别` : '均为默认', go: view('categories') },
        { id: 'limits', name: '随手拍限额', value: `每人每天 ${o.report.dailyLimit} 条 · 每条 ${o.report.minPhotos}–${o.report.maxPhotos} 张照片`, go: view('limits') },
        { id: 'units', name: '责任单位', value: `${o.units} 个单位`, go: view('units') },
        { id: 'grids', name: '网格', value: `${o.grids} 个网格`, go: view('grids') },
      ],
    },
    {
      group: '志愿与积分',
      rows: [
        {
          id: 'volunteer',
          name: '志愿时限',
          value: `${cancelText(o.volunteer.cancelDeadlineMinutes)} · ${graceText(o.volunteer.autoCloseGraceMinutes)}`,
          go: view('volunteer'),
        },
        { id: 'points', name: '积分规则', value: changedRules ? `${o.points.length} 条规则，已修改 ${changedRules} 条` : `${o.points.length} 条规则，均为默认`, go: view('points') },
        { id: 'notify', name: '通知模板', value: `${NOTIFY_PURPOSES.length} 种订阅消息，已设模板 ${o.notifyTemplates} 种`, go: view('notify') },
      ],
    },
    {
      group: '答题、手册与海报',
      rows: [
        { id: 'questions', name: '题库', value: `${o.questions} 道在用题目 · 可从 Excel 导入`, go: view('questions') },
        {
          id: 'handbook',
          name: '手册版本',
          value: o.handbookVersion ? `第 ${o.handbookVersion} 版${o.handbookPublishedAt ? ` · ${timeText(o.handbookPublishedAt)}发布` : ''}` : '尚未发布',
          go: view('handbook'),
        },
        { id: 'handbook-edit', name: '编辑手册', value: '修改章节、发布新版本', go: () => openPage('/packages/office/pages/handbook/index') },
        { id: 'posters', name: '海报', value: '创建、修改海报与扫码去向', go: () => openPage('/packages/office/pages/posters/index') },
      ],
    },
    {
      group: '记录与导出',
      rows: [
        { id: 'audit', name: '修改记录', value: '每次修改：谁、何时、改前、改后', go: view('audit') },
        { id: 'exports', name: '数据导出', value: '督查台账、随手拍、志愿记录、答题，CSV 或 Excel', go: view('exports') },
      ],
    },
  ]
}

/** 全部设置: every setting with what it is now; one tap opens its editor. */
export function IndexView() {
  const load = useLoad(() => callCloud('settings', 'overview', {}), [])
  const gate = Gate({ ...load, what: '全部设置', rows: 8 })
  if (!load.data) return <>{gate}</>
  return (
    <View className='wm-oc' id='wm-oc-index'>
      <Text className='wm-oc-intro'>这里是文明办的每一项设置和它现在的值。点一项即可修改；每次修改都记入「修改记录」（谁、何时、改前、改后）。</Text>
      <View className='wm-oc-cols'>
        {rowsOf(load.data).map((g) => (
          <View key={g.group} className='wm-card'>
            <Text className='wm-oc-item__title'>{g.group}</Text>
            {g.rows.map((r) => (
              <View key={r.id} className='wm-oc-row' role='button' id={`wm-oc-index-${r.id}`} onClick={r.go}>
                <View className='wm-oc-row__main'>
                  <Text className='wm-oc-row__name'>{r.name}</Text>
                  <Text className='wm-oc-row__value'>{r.value}</Text>
                </View>
                <Text className='wm-oc-row__go' aria-hidden>
                  ›
                </Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}

/** 随手拍限额: the per-person daily limit (the photo bounds are the form's and shown, not set). */
export function LimitsView() {
  const load = useLoad(() => callCloud('settings', 'overview', {}), [])
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => {
    if (load.data) setDraft(String(load.data.report.dailyLimit))
  }, [load.data])
  const gate = Gate({ ...load, what: '随手拍限额' })
  if (!load.data) return <>{gate}</>
  const data = load.data
  const save = async () => {
    setProblem(null)
    setDone(null)
    const n = wholeNumber(draft, '每人每天上限', ...BOUNDS.dailyLimit)
    if ('problem' in n) return setProblem(n.problem)
    setBusy(true)
    const r = await callCloud('settings', 'setReportLimits', { dailyLimit: n.value })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    load.setData({ ...data, report: r.data })
    setDone(n.value === data.report.dailyLimit ? '没有改动' : `已保存：每人每天最多 ${r.data.dailyLimit} 条，下一次提交即按新上限计算。已记入修改记录。`)
  }
  return (
    <View className='wm-oc' id='wm-oc-limits'>
      <BackToIndex />
      <View className='wm-oc-cols'>
        <View className='wm-card'>
          <Text className='wm-oc-item__title'>每人每天上报上限</Text>
          <Text className='wm-text-secondary wm-oc-line'>同一个人一天（北京时间）内最多提交的随手拍条数，文明点赞也计入。现在是 {data.report.dailyLimit} 条。</Text>
          <Text className='wm-oc-label'>上限（1–200 条）</Text>
          <View className='wm-oc-numrow'>
            <Input className='wm-field-input wm-oc-num' id='wm-oc-daily-limit' {...fieldName('每人每天随手拍上限（条）')} type='number' value={draft} maxlength={3} onInput={(e) => setDraft(e.detail.value)} />
            <Text>条</Text>
          </View>
          <Problem text={problem} id='wm-oc-limits-problem' />
          <Done text={done} id='wm-oc-limits-done' />
          <View className='wm-oc-buttons'>
            <Action text='保存' id='wm-oc-limits-save' busy={busy} onClick={() => void save()} />
          </View>
        </View>
        <View className='wm-card'>
          <Text className='wm-oc-item__title'>每条的照片</Text>
          <Text className='wm-text-secondary wm-oc-line'>
            每条随手拍须有 {data.report.minPhotos}–{data.report.maxPhotos} 张照片，由上报表单固定，不在这里设置。
          </Text>
        </View>
      </View>
    </View>
  )
}

/** 志愿时限: how long before a shift a cancellation is still plain, and how long after its end a shift left open closes. */
export function VolunteerView() {
  const load = useLoad(() => callCloud('settings', 'overview', {}), [])
  const [cancel, setCancel] = useState('')
  const [grace, setGrace] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => {
    if (!load.data) return
    setCancel(String(load.data.volunteer.cancelDeadlineMinutes))
    setGrace(String(load.data.volunteer.autoCloseGraceMinutes))
  }, [load.data])
  const gate = Gate({ ...load, what: '志愿时限' })
  if (!load.data) return <>{gate}</>
  const data = load.data
  const save = async () => {
    setProblem(null)
    setDone(null)
    const h = wholeNumber(cancel, '取消截止', ...BOUNDS.cancelMinutes)
    if ('problem' in h) return setProblem(h.problem)
    const g = wholeNumber(grace, '自动签退宽限', ...BOUNDS.graceMinutes)
    if ('problem' in g) return setProblem(g.problem)
    setBusy(true)
    const r = await callCloud('settings', 'setVolunteerTimes', { cancelDeadlineMinutes: h.value, autoCloseGraceMinutes: g.value })
    setBusy(false)
    if (!r.ok) return setProblem(r.issues?.length ? r.issues.map((i) => i.message).join('；') : r.message)
    const v: VolunteerTimesView = r.data
    load.setData({ ...data, volunteer: v })
    setDone(`已保存：${cancelText(v.cancelDeadlineMinutes)}，${graceText(v.autoCloseGraceMinutes)}。下一次报名、取消即按新值。已记入修改记录。`)
  }
  return (
    <View className='wm-oc' id='wm-oc-volunteer'>
      <BackToIndex />
      <View className='wm-card'>
        <Text className='wm-oc-item__title'>取消截止</Text>
        <Text className='wm-text-secondary wm-oc-line'>班次开始前多久之内取消，记为一次「未到岗」。填 0 表示开始前都可以取消；120 分钟即 2 小时，最多 4320 分钟（72 小时）。</Text>
        <View className='wm-oc-numrow'>
          <Text>开始前</Text>
          <Input className='wm-field-input wm-oc-num' id='wm-oc-cancel-minutes' {...fieldName('取消截止：班次开始前多少分钟')} type='number' value={cancel} maxlength={4} onInput={(e) => setCancel(e.detail.value)} />
          <Text>分钟</Text>
        </View>
        <Text className='wm-oc-item__title'>自动签退</Text>
        <Text className='wm-text-secondary wm-oc-line'>志愿者忘记签退时，班次结束后多久由系统自动签退（最多 360 分钟）。</Text>
        <View className='wm-oc-numrow'>
          <Text>结束后</Text>
          <Input className='wm-field-input wm-oc-num' id='wm-oc-grace' {...fieldName('自动签退：班次结束后多少分钟')} type='number' value={grace} maxlength={3} onInput={(e) => setGrace(e.detail.value)} />
          <Text>分钟</Text>
        </View>
        <Problem text={problem} id='wm-oc-volunteer-problem' />
        <Done text={done} id='wm-oc-volunteer-done' />
        <View className='wm-oc-buttons'>
          <Action text='保存' id='wm-oc-volunteer-save' busy={busy} onClick={() => void save()} />
        </View>
      </View>
    </View>
  )
}

/** 积分规则: each rule's points and daily cap, as residents see them on the 积分规则 page. */
export function PointsView() {
  const load = useLoad(() => callCloud('settings', 'overview', {}), [])
  const [editing, setEditing] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const gate = Gate({ ...load, what: '积分规则' })
  if (!load.data) return <>{gate}</>
  const data = load.data
  return (
    <View className='wm-oc' id='wm-oc-points'>
      <BackToIndex />
      <Text className='wm-oc-intro'>每种获得积分的方式：分值和每人每天的上限。修改后，下一次获得积分即按新值，居民在「积分规则」里看到的也随之更新。</Text>
      <Done text={done} id='wm-oc-points-done' />
      <View className='wm-oc-list wm-oc-cols'>
        {data.points.map((r) =>
          editing === r.rule ? (
            <RuleForm
              key={r.rule}
              r={r}
              onCancel={() => setEditing(null)}
              onSaved={(next) => {
                load.setData({ ...data, points: data.points.map((x) => (x.rule === next.rule ? next : x)) })
                setEditing(null)
                setDone(`已保存「${next.label}」：${perText(next)}，每天最多 ${next.dailyCap} 分。已记入修改记录。`)
              }}
            />
          ) : (
            <View key={r.rule} className='wm-card wm-oc-item' id={`wm-oc-rule-${r.rule.replace('.', '-')}`}>
              <View className='wm-oc-item__head'>
                <Text className='wm-oc-item__title'>
                  {r.label}
                  {r.overridden ? <Text className='wm-oc-tag'>已修改</Text> : null}
                </Text>
                <Action
                  kind='plain'
                  text='修改'
                  id={`wm-oc-rule-edit-${r.rule.replace('.', '-')}`}
                  onClick={() => {
                    setDone(null)
                    setEditing(r.rule)
                  }}
                />
              </View>
              <Text className='wm-oc-change'>
                {perText(r)} · 每天最多 {r.dailyCap} 分
              </Text>
              {r.overridden ? <Text className='wm-text-tertiary wm-oc-line'>默认：{perText({ per: r.per, points: r.defaultPoints })} · 每天最多 {r.defaultDailyCap} 分</Text> : null}
            </View>
          ),
        )}
      </View>
    </View>
  )
}

function RuleForm({ r, onCancel, onSaved }: { r: PointsRuleSettingView; onCancel: () => void; onSaved: (r: PointsRuleSettingView) => void }) {
  const [points, setPoints] = useState(String(r.points))
  const [cap, setCap] = useState(String(r.dailyCap))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const save = async () => {
    setProblem(null)
    const p = wholeNumber(points, '分值', ...BOUNDS.points)
    if ('problem' in p) return setProblem(p.problem)
    const c = wholeNumber(cap, '每日上限', ...BOUNDS.dailyCap)
    if ('problem' in c) return setProblem(c.problem)
    setBusy(true)
    const res = await callCloud('settings', 'setPointsRule', { rule: r.rule, points: p.value, dailyCap: c.value })
    setBusy(false)
    if (!res.ok) return setProblem(res.issues?.length ? res.issues.map((i) => i.message).join('；') : res.message)
    onSaved(res.data)
  }
  return (
    <View className='wm-card wm-oc-item' id='wm-oc-rule-form'>
      <Text className='wm-oc-item__title'>修改「{r.label}」</Text>
      <Text className='wm-oc-label'>{r.per === 'hour' ? '每小时的分值（按分钟折算）' : '每次的分值'}（默认 {r.defaultPoints} 分）</Text>
      <View className='wm-oc-numrow'>
        <Input className='wm-field-input wm-oc-num' id='wm-oc-rule-points' {...fieldName(`「${r.label}」的分值`)} type='number' value={points} maxlength={3} onInput={(e) => setPoints(e.detail.value)} />
        <Text>分</Text>
      </View>
      <Text className='wm-oc-label'>每人每天上限（默认 {r.defaultDailyCap} 分）</Text>
      <View className='wm-oc-numrow'>
        <Input className='wm-field-input wm-oc-num' id='wm-oc-rule-cap' {...fieldName(`「${r.label}」每人每天上限`)} type='number' value={cap} maxlength={4} onInput={(e) => setCap(e.detail.value)} />
        <Text>分</Text>
      </View>
      <Text className='wm-text-tertiary wm-oc-line'>已获得的积分不变；保存后的下一次获得按新值计算。</Text>
      <Problem text={problem} id='wm-oc-rule-problem' />
      <View className='wm-oc-buttons'>
        <Action text='保存' id='wm-oc-rule-save' busy={busy} onClick={() => void save()} />
        <Action kind='plain' text='取消' disabled={busy} onClick={onCancel} />
      </View>
    </View>
  )
}

/** 手册版本: the published versions, newest first, 20 a page. */
export function HandbookView() {
  const load = useLoad(() => callCloud('settings', 'handbookVersions', {}), [])
  const [extra, setExtra] = useState<HandbookVersionRowView[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  useEffect(() => {
    setExtra([])
    setNext(load.data?.nextOffset ?? null)
  }, [load.data])
  const gate = Gate({ ...load, what: '手册版本' })
  if (!load.data) return <>{gate}</>
  const items = [...load.data.items, ...extra]
  const more = () => {
    if (next === null || busy) return
    setBusy(true)
    setMoreError(null)
    void callCloud('settings', 'handbookVersions', { offset: next }).then((r) => {
      setBusy(false)
      if (!r.ok) return setMoreError(r.message)
      setExtra((prev) => [...prev, ...r.data.items])
      setNext(r.data.nextOffset)
    })
  }
  return (
    <View className='wm-oc' id='wm-oc-handbook'>
      <BackToIndex />
      <View className='wm-oc-item__head'>
        <Text className='wm-oc-intro'>《市民文明手册》每次发布的版本，新的在前。修改章节请到「编辑手册」。</Text>
        <Action kind='plain' text='编辑手册' id='wm-oc-handbook-edit' onClick={() => openPage('/packages/office/pages/handbook/index')} />
      </View>
      {items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='册' title='手册还没有发布过' description='居民第一次打开手册时，会发布随小程序附带的第 1 版。' />
        </View>
      ) : (
        <View className='wm-oc-list wm-oc-cols'>
          {items.map((v, i) => (
            <View key={v.version} className='wm-card wm-oc-item' id={`wm-oc-version-${i}`}>
              <Text className='wm-oc-item__title'>
                第 {v.version} 版{i === 0 ? <Text className='wm-oc-tag'>当前</Text> : null}
              </Text>
              <Text className='wm-text-tertiary wm-oc-line'>
                {v.who} · {timeText(v.publishedAt)}
              </Text>
              {v.note ? <Text className='wm-oc-change'>{v.note}</Text> : null}
              <Text className='wm-text-secondary wm-oc-line'>{v.changedChapters ? `改动 ${v.changedChapters} 章` : '未改动章节'}</Text>
            </View>
          ))}
        </View>
      )}
      {moreError ? <Problem text={moreError} /> : null}
      {next !== null ? (
        <View className='wm-oc-more' role='button' id='wm-oc-handbook-more' onClick={more}>
          <Text>{busy ? '正在加载…' : '加载更多'}</Text>
        </View>
      ) : null}
    </View>
  )
}
