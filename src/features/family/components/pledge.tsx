import { createElement, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FamilyView } from '@/shared/contract/family'
import { PLEDGE_ITEMS } from '@/shared/family'
import { Missing } from '@/components/guard'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { FAMILY_PAGES } from '../labels'
import { CERT_HEIGHT, CERT_WIDTH, certificateText } from '../lib/certificate'
import { CERT_CANVAS_ID, saveCertificate } from '../lib/save-certificate'
import { Problem } from './child-fields'
import '../family.scss'

/**
 * The mini-program's own <canvas type="2d">, named by its tag: importing Taro's Canvas would add an
 * export to taro.js, which ships in the main package (it has no bytes to spare).
 */
const NATIVE_CANVAS: string = 'canvas'

/**
 * 文明家庭承诺书: every item ticked, signed by a tap, then the certificate the family can save as
 * an image. The family is looked up among the caller's own (a stale link gets a kind word).
 */
export function PledgePage({ familyId }: { familyId: string }) {
  const home = useLoad(() => callCloud('family', 'home', {}), [])
  const [family, setFamily] = useState<FamilyView | null>(null)

  if (!home.data) {
    return <View className='wm-card'>{home.error ? <ErrorState what='承诺书' message={home.error.message} onRetry={home.reload} /> : <Skeleton rows={8} />}</View>
  }
  const current = family ?? home.data.families.find((f) => f.id === familyId) ?? (familyId ? null : home.data.families[0] ?? null)
  // a link to a family that is not (any more) one of the caller's: it points at nothing
  if (!current && familyId) return <Missing id='wm-fa-pledge-missing' description='没有找到这个家庭：它可能已退出班级。承诺书由加入班级的家庭签署。' />
  if (!current) {
    return (
      <View className='wm-card' id='wm-fa-pledge-missing'>
        <EmptyState
          glyph='诺'
          title='还没有加入班级的家庭'
          description='承诺书由加入班级的家庭签署，请先在「小手拉大手」里加入孩子的班级。'
          actionText='打开小手拉大手'
          onAction={() => openPage(FAMILY_PAGES.home)}
        />
      </View>
    )
  }
  return current.pledge ? <Certificate family={current} /> : <PledgeForm family={current} onSigned={setFamily} />
}

function PledgeForm({ family, onSigned }: { family: FamilyView; onSigned: (family: FamilyView) => void }) {
  const [ticked, setTicked] = useState<boolean[]>(PLEDGE_ITEMS.map(() => false))
  const [signed, setSigned] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const all = ticked.every(Boolean)

  const submit = async () => {
    if (!all) return setProblem('请逐条阅读并勾选承诺书的每一条')
    if (!signed) return setProblem('请点按下面的签名框签名')
    setProblem(null)
    setBusy(true)
    const result = await callCloud('family', 'signPledge', { familyId: family.id, items: PLEDGE_ITEMS.map((_, i) => i) })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    // this week's pledge task is checked against the signed pledge
    let after = result.data
    for (const task of after.tasks.filter((t) => t.kind === 'pledge' && !t.done)) {
      const done = await callCloud('family', 'complete', { familyId: after.id, taskId: task.id })
      if (done.ok) after = done.data
    }
    void Taro.showToast({ icon: 'success', title: '已签署' })
    onSigned(after)
  }

  return (
    <View className='wm-fa' id='wm-fa-pledge'>
      <View className='wm-card'>
        <Text className='wm-fa-family__title'>文明家庭承诺书</Text>
        <Text className='wm-text-secondary'>请和孩子一起逐条读一读，做得到就勾上。每一条都勾选后，家长点按签名。</Text>
      </View>
      <View className='wm-card'>
        {PLEDGE_ITEMS.map((item, i) => (
          <View
            key={item}
            className={`wm-fa-check wm-fa-check--row${ticked[i] ? ' wm-fa-check--on' : ''}`}
            role='checkbox'
            aria-checked={ticked[i]}
            id={`wm-fa-pledge-item-${i}`}
            onClick={() => setTicked(ticked.map((t, j) => (j === i ? !t : t)))}
          >
            <Text className='wm-fa-check__box'>{ticked[i] ? '✓' : ''}</Text>
            <Text className='wm-fa-check__label'>
              {i + 1}. {item}
            </Text>
          </View>
        ))}
        <Text className='wm-text-tertiary'>
          已勾选 {ticked.filter(Boolean).length}/{PLEDGE_ITEMS.length} 条
        </Text>
      </View>
      <View
        className={`wm-fa-sign${signed ? ' wm-fa-sign--on' : ''}`}
        role='button'
        id='wm-fa-pledge-sign'
        aria-pressed={signed}
        onClick={() => {
          if (!all) return setProblem('请先勾选承诺书的每一条，再签名')
          // the signature answers the earlier 请先勾选: it must not stay on screen under a signed pledge
          setProblem(null)
          setSigned(!signed)
        }}
      >
        <Text className='wm-fa-sign__text'>{signed ? '✓ 家长已签名（再点一次取消）' : '家长点按这里签名'}</Text>
        <Text className='wm-text-tertiary'>签署人显示为您的微信昵称，不显示孩子的信息</Text>
      </View>
      <Problem text={problem} />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-fa-pledge-submit' onClick={() => void submit()}>
        签署承诺书
      </Button>
    </View>
  )
}

function Certificate({ family }: { family: FamilyView }) {
  const pledge = family.pledge
  const [busy, setBusy] = useState(false)
  if (!pledge) return null
  const text = certificateText(pledge, family.classView.title)
  const save = async () => {
    setBusy(true)
    const outcome = await saveCertificate(text)
    setBusy(false)
    void Taro.showToast({ icon: outcome.ok ? 'success' : 'none', title: outcome.message })
  }
  return (
    <View className='wm-fa' id='wm-fa-certificate'>
      <View className='wm-fa-cert'>
        <Text className='wm-fa-cert__title'>{text.title}</Text>
        <Text className='wm-fa-cert__class'>{text.classTitle}</Text>
        <Text className='wm-fa-cert__lead'>我们家承诺：</Text>
        {text.items.map((item, i) => (
          <Text key={item} className='wm-fa-cert__item'>
            {i + 1}. {item}
          </Text>
        ))}
        <Text className='wm-fa-cert__sign'>承诺人：{text.signer}</Text>
        <Text className='wm-fa-cert__date'>{text.date}</Text>
        <Text className='wm-fa-cert__foot'>小手拉大手，文明一起走 · 文明通</Text>
      </View>
      <Button block type='primary' loading={busy} id='wm-fa-cert-save' onClick={() => void save()}>
        {process.env.TARO_ENV === 'weapp' ? '保存到相册' : '下载图片'}
      </Button>
      {process.env.TARO_ENV === 'weapp' ? (
        createElement(NATIVE_CANVAS, { type: '2d', id: CERT_CANVAS_ID, className: 'wm-fa-cert-canvas', style: { width: `${CERT_WIDTH}px`, height: `${CERT_HEIGHT}px` } })
      ) : null}
    </View>
  )
}
