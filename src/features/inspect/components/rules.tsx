import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import { ESCALATION_STEPS, INSPECT_LEVELS, INSPECT_LEVEL_LABEL, SEVERITIES, SEVERITY_LABEL, type BoardRule, type ScoreRule, type Severity } from '@/shared/inspect'
import type { InspectRulesView } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Done, Gate, Problem, scoreText, starWords, timeText } from './common'
import { bandsText } from './ratings'

/** the board rule in words, as the 红黑榜 prints it */
export function boardRuleText(b: BoardRule): string {
  return `每周按单位的按时整改率（按时整改的问题 ÷ 到期的问题）排名：前 ${b.redUnits} 名上红榜，后 ${b.blackUnits} 名上黑榜；各区前 ${b.redDistricts} 名上红榜、后 ${b.blackDistricts} 名上黑榜。当周到期问题少于 ${b.minDue} 个的单位不参加排名；并列的同名次。`
}

/** 督查规则: how a score is counted, how the 红黑榜 is drawn up, the star bands and 督办 deadlines; the office edits them. */
export function RulesView(_props: { params: InspectParams }) {
  const rules = useLoad(() => callCloud('inspect', 'rules', {}), [])
  const home = useLoad(() => callCloud('inspect', 'home', {}), [])
  const office = !!home.data?.roles.office
  const [editing, setEditing] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const gate = Gate({ error: rules.error, loading: rules.loading && !rules.data, what: '督查规则', audience: 'staff', reload: rules.reload })
  if (gate) return <>{gate}</>
  const r = rules.data
  if (!r) return null
  if (editing) {
    return (
      <RulesForm
        r={r}
        onCancel={() => setEditing(false)}
        onSaved={(next) => {
          rules.setData(next)
          setEditing(false)
          setDone('规则已保存，自下一次计算起生效；已发布的周榜和星级不变。')
        }}
      />
    )
  }
  const s = r.score
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-rules'>
      <Done text={done} id='wm-inspect-rules-done' />
      <View className='wm-in-cols'>
        <View className='wm-in-col'>
          <Text className='wm-section-title'>单位得分怎么算</Text>
          <View className='wm-card' id='wm-inspect-rules-score'>
            <Rule n='1' text={`每个单位每周、每月都从 ${scoreText(s.base)} 分算起。`} />
            <Rule n='2' text={`督查发现一个问题扣分，按发现的层级：${INSPECT_LEVELS.map((l) => `${INSPECT_LEVEL_LABEL[l]}扣 ${scoreText(s.weights[l])} 分`).join('，')}。`} />
            <Rule n='3' text={`同一点位同一检查项 ${s.repeatWindowDays} 天内再次发现，算重复问题，扣分 ×${scoreText(s.repeatFactor)}。`} />
            <Rule n='4' text={`回头看发现整改不实（退回重改），每次扣分 ×${scoreText(s.falseFactor)}。`} />
            <Rule n='5' text={`在期限内整改到位并经回头看销号的，扣分 ×${scoreText(s.onTimeFactor)}（如 ${scoreText(s.onTimeFactor * 100)}% 计）。`} />
            <Rule n='6' text={`材料审核被退回一次，扣 ${scoreText(s.materialReturn)} 分。`} />
            <Rule
              n='7'
              text={`群众满意度：本单位处置的随手拍当期收到不少于 ${s.minRatings} 个评价时，不满意（1–3 星）的比例 × ${scoreText(s.satisfactionWeight)} 分扣除。`}
              tag='本市自定'
            />
            <Text className='wm-text-tertiary wm-in-gap'>第 1–6 条为各地创城量化考核的通行做法；第 7 条群众满意度一项为本市自定。每个单位的得分页都列出每一项的计算过程。</Text>
          </View>
          <Text className='wm-section-title'>星级评定</Text>
          <View className='wm-card' id='wm-inspect-rules-stars'>
            <Text className='wm-in-text'>每月结束后按当月得分评星：{bandsText(r.stars)}；低于最低分档不评星。文明办发布后冻结。</Text>
          </View>
        </View>
        <View className='wm-in-col'>
          <Text className='wm-section-title'>整改率红黑榜</Text>
          <View className='wm-card' id='wm-inspect-rules-board'>
            <Text className='wm-in-text'>{boardRuleText(r.board)}</Text>
            <Text className='wm-in-subtitle'>连续排在黑榜末位</Text>
            {ESCALATION_STEPS.map((e) => (
              <Rule key={e.streak} n={`${e.streak}`} text={`${e.streak === 3 ? '三次及以上' : `第 ${e.streak} 次`}：${e.label}——${e.detail}`} />
            ))}
          </View>
          <Text className='wm-section-title'>督办单整改期限</Text>
          <View className='wm-card' id='wm-inspect-rules-days'>
            {SEVERITIES.map((k) => (
              <View key={k} className='wm-in-sum__line'>
                <Text>{SEVERITY_LABEL[k]}问题</Text>
                <Text className='wm-in-sum__points'>{r.severityDays[k]} 天内整改</Text>
              </View>
            ))}
            <Text className='wm-text-tertiary'>从督查结束时算起。</Text>
          </View>
        </View>
      </View>
      {r.updatedAt ? <Text className='wm-text-tertiary wm-in-gap'>文明办最近一次修改：{timeText(r.updatedAt)}</Text> : <Text className='wm-text-tertiary wm-in-gap'>目前为系统初始规则，文明办可修改。</Text>}
      {office ? (
        <View className='wm-in-buttons'>
          <Button type='primary' id='wm-inspect-rules-edit' onClick={() => { setDone(null); setEditing(true) }}>
            修改规则
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Rule({ n, text, tag }: { n: string; text: string; tag?: string }) {
  return (
    <View className='wm-in-check'>
      <Text className='wm-in-check__box'>{n}</Text>
      <View className='wm-in-check__label'>
        <Text>{text}</Text>
        {tag ? <Text className='wm-in-tag wm-in-tag--gold' style={{ marginLeft: '8px' }}>{tag}</Text> : null}
      </View>
    </View>
  )
}

// ---- the office's form ----

type Num = string

function NumField({ label, value, onChange, id, unit }: { label: string; value: Num; onChange: (v: Num) => void; id: string; unit?: string }) {
  return (
    <View className='wm-in-numrow'>
      <Text className='wm-in-col'>{label}</Text>
      <Input className='wm-field-input wm-in-num-input' id={id} type='digit' value={value} maxlength={6} onInput={(e) => onChange(e.detail.value)} />
      <Text className='wm-in-unit'>{unit ?? ''}</Text>
    </View>
  )
}

const num = (v: string) => (v.trim() === '' ? NaN : Number(v))

function RulesForm({ r, onCancel, onSaved }: { r: InspectRulesView; onCancel: () => void; onSaved: (r: InspectRulesView) => void }) {
  const s = r.score
  const [score, setScore] = useState<Record<string, Num>>({
    base: String(s.base),
    city: String(s.weights.city),
    district: String(s.weights.district),
    street: String(s.weights.street),
    repeatFactor: String(s.repeatFactor),
    repeatWindowDays: String(s.repeatWindowDays),
    falseFactor: String(s.falseFactor),
    onTimeFactor: String(s.onTimeFactor),
    materialReturn: String(s.materialReturn),
    satisfactionWeight: String(s.satisfactionWeight),
    minRatings: String(s.minRatings),
  })
  const [board, setBoard] = useState<Record<keyof BoardRule, Num>>({
    redUnits: String(r.board.redUnits),
    blackUnits: String(r.board.blackUnits),
    redDistricts: String(r.board.redDistricts),
    blackDistricts: String(r.board.blackDistricts),
    minDue: String(r.board.minDue),
  })
  const [stars, setStars] = useState<Num[]>([5, 4, 3, 2, 1].map((n) => String(r.stars.find((b) => b.stars === n)?.min ?? '')))
  const [days, setDays] = useState<Record<Severity, Num>>({ minor: String(r.severityDays.minor), normal: String(r.severityDays.normal), serious: String(r.severityDays.serious) })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const sc = (k: string) => (v: Num) => setScore((p) => ({ ...p, [k]: v }))

  const save = async () => {
    const n = (k: string) => num(score[k] ?? '')
    const nextScore: ScoreRule = {
      base: n('base'),
      weights: { city: n('city'), district: n('district'), street: n('street') },
      repeatFactor: n('repeatFactor'),
      repeatWindowDays: n('repeatWindowDays'),
      falseFactor: n('falseFactor'),
      onTimeFactor: n('onTimeFactor'),
      materialReturn: n('materialReturn'),
      satisfactionWeight: n('satisfactionWeight'),
      minRatings: n('minRatings'),
    }
    const nextBoard: BoardRule = { redUnits: num(board.redUnits), blackUnits: num(board.blackUnits), redDistricts: num(board.redDistricts), blackDistricts: num(board.blackDistricts), minDue: num(board.minDue) }
    const nextStars = stars.map((v, i) => ({ min: num(v), stars: 5 - i })).filter((b) => !Number.isNaN(b.min))
    const nextDays = { minor: num(days.minor), normal: num(days.normal), serious: num(days.serious) }
    const all = [...Object.values(nextScore.weights), ...Object.values(nextScore).filter((v): v is number => typeof v === 'number'), ...Object.values(nextBoard), ...Object.values(nextDays)]
    if (all.some((v) => Number.isNaN(v))) return setProblem('每一项都要填数字')
    if (nextStars.length === 0) return setProblem('星级分档至少填一档')
    setBusy(true)
    setProblem(null)
    const res = await callCloud('inspect', 'setRules', { score: nextScore, board: nextBoard, stars: nextStars, severityDays: nextDays })
    setBusy(false)
    if (!res.ok) {
      const detail = res.issues?.[0]?.message
      return setProblem(detail ? `${res.message}：${detail}` : res.message)
    }
    void Taro.showToast({ icon: 'success', title: '已保存' })
    onSaved(res.data)
  }

  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-rules-form'>
      <View className='wm-in-cols'>
        <View className='wm-in-col'>
          <Text className='wm-section-title'>计分</Text>
          <View className='wm-card'>
            <NumField label='基础分' id='wm-inspect-rules-base' value={score.base ?? ''} onChange={sc('base')} unit='分' />
            {INSPECT_LEVELS.map((l) => (
              <NumField key={l} label={`${INSPECT_LEVEL_LABEL[l]}发现一个问题扣`} id={`wm-inspect-rules-weight-${l}`} value={score[l] ?? ''} onChange={sc(l)} unit='分' />
            ))}
            <NumField label='重复问题扣分倍数' id='wm-inspect-rules-repeat' value={score.repeatFactor ?? ''} onChange={sc('repeatFactor')} unit='倍' />
            <NumField label='算作重复的天数' id='wm-inspect-rules-window' value={score.repeatWindowDays ?? ''} onChange={sc('repeatWindowDays')} unit='天' />
            <NumField label='整改不实扣分倍数' id='wm-inspect-rules-false' value={score.falseFactor ?? ''} onChange={sc('falseFactor')} unit='倍' />
            <NumField label='按时整改扣分系数（0–1）' id='wm-inspect-rules-ontime' value={score.onTimeFactor ?? ''} onChange={sc('onTimeFactor')} />
            <NumField label='材料退回一次扣' id='wm-inspect-rules-material' value={score.materialReturn ?? ''} onChange={sc('materialReturn')} unit='分' />
            <NumField label='群众满意度权重（本市自定）' id='wm-inspect-rules-satisfaction' value={score.satisfactionWeight ?? ''} onChange={sc('satisfactionWeight')} unit='分' />
            <NumField label='满意度至少几个评价才计' id='wm-inspect-rules-minratings' value={score.minRatings ?? ''} onChange={sc('minRatings')} unit='个' />
          </View>
        </View>
        <View className='wm-in-col'>
          <Text className='wm-section-title'>红黑榜</Text>
          <View className='wm-card'>
            <NumField label='单位红榜名额' id='wm-inspect-rules-red' value={board.redUnits} onChange={(v) => setBoard((p) => ({ ...p, redUnits: v }))} unit='名' />
            <NumField label='单位黑榜名额' id='wm-inspect-rules-black' value={board.blackUnits} onChange={(v) => setBoard((p) => ({ ...p, blackUnits: v }))} unit='名' />
            <NumField label='区红榜名额' id='wm-inspect-rules-red-d' value={board.redDistricts} onChange={(v) => setBoard((p) => ({ ...p, redDistricts: v }))} unit='名' />
            <NumField label='区黑榜名额' id='wm-inspect-rules-black-d' value={board.blackDistricts} onChange={(v) => setBoard((p) => ({ ...p, blackDistricts: v }))} unit='名' />
            <NumField label='到期问题少于几个不排名' id='wm-inspect-rules-mindue' value={board.minDue} onChange={(v) => setBoard((p) => ({ ...p, minDue: v }))} unit='个' />
          </View>
          <Text className='wm-section-title'>星级分档</Text>
          <View className='wm-card'>
            <Text className='wm-text-tertiary wm-in-block'>每档的最低分，从高到低；不用的档留空。</Text>
            {stars.map((v, i) => (
              <NumField key={i} label={`${starWords(5 - i)}至少`} id={`wm-inspect-rules-star-${5 - i}`} value={v} onChange={(next) => setStars((p) => p.map((x, j) => (j === i ? next : x)))} unit='分' />
            ))}
          </View>
          <Text className='wm-section-title'>督办期限</Text>
          <View className='wm-card'>
            {SEVERITIES.map((k) => (
              <NumField key={k} label={`${SEVERITY_LABEL[k]}问题`} id={`wm-inspect-rules-days-${k}`} value={days[k]} onChange={(v) => setDays((p) => ({ ...p, [k]: v }))} unit='天' />
            ))}
          </View>
        </View>
      </View>
      <Problem text={problem} id='wm-inspect-rules-error' />
      <View className='wm-in-buttons'>
        <Button type='primary' loading={busy} disabled={busy} id='wm-inspect-rules-save' onClick={() => void save()}>
          保存规则
        </Button>
        <Button type='default' disabled={busy} id='wm-inspect-rules-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
