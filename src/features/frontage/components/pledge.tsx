import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import type { ShopPledgeView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { Duties, FrontageGate, FrontageMap, FrontageMissing, Problem, dateText, frontageWords, timeText } from './common'

/**
 * 门前三包责任书: the whole text as the shop will be held to it — the duties with their items,
 * the frontage on a small map, the term — then 「我已阅读并签署」 for the owner (the version shown
 * is the version signed: a newer one on the server refuses and asks to read it first). Signed:
 * who, when and which version; a newer version in force asks to sign again.
 */
export function PledgeSign({ params }: { params: FrontageParams }) {
  const load = useLoad(() => (params.shopId ? callCloud('frontage', 'pledge', { shopId: params.shopId }) : Promise.resolve({ ok: true as const, data: null })), [params.shopId])
  // the frontage's drawing comes with the shop's record; the text of the 责任书 never waits on it
  const shop = useLoad(() => (params.shopId ? callCloud('frontage', 'shop', { shopId: params.shopId }) : Promise.resolve({ ok: true as const, data: null })), [params.shopId])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (!params.shopId) return <FrontageMissing what='责任书' />
  const gate = FrontageGate({ error: load.error, loading: load.loading, what: '门前三包责任书', reload: load.reload })
  if (gate) return <>{gate}</>
  const view = load.data
  if (!view) return <FrontageMissing what='责任书' />
  const signedNow = view.signedVersion !== null && view.signedVersion >= view.version
  const resign = view.signedVersion !== null && view.signedVersion < view.version

  const sign = async (v: ShopPledgeView) => {
    const ok = await Taro.showModal({ title: '签署责任书', content: `确认您已阅读「${v.templateName}」第 ${v.version} 版，并承诺落实门前责任？`, confirmText: '确认签署', cancelText: '再看看' })
    if (!ok.confirm) return
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'signPledge', { shopId: v.shopId, version: v.version })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      // a newer version or an earlier signature: show what is in force now
      if (r.code === 'FRONTAGE.STALE_VERSION' || r.code === 'FRONTAGE.ALREADY_SIGNED') load.reload()
      return
    }
    load.setData(r.data)
    void Taro.showToast({ icon: 'success', title: '已签署' })
  }

  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-pledge'>
      <View className='wm-card'>
        <Text className='wm-in-title'>{view.templateName}</Text>
        <Text className='wm-text-secondary wm-fr-block'>
          {view.shopName} · 第 {view.version} 版
        </Text>
        <Text className='wm-text-secondary wm-fr-block'>
          责任期限：{dateText(view.termFrom)} 至 {dateText(view.termTo)}
        </Text>
        {resign ? (
          <View className='wm-in-note wm-in-note--warn' id='wm-fr-pledge-updated'>
            <Text className='wm-in-note__tag'>责任书已更新，请重新签署</Text>
            <Text>
              您签署的是第 {view.signedVersion} 版，现行的是第 {view.version} 版。请阅读下面的新内容后再签署。
            </Text>
          </View>
        ) : null}
      </View>

      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-pledge-duties'>
            <Text className='wm-in-title'>责任内容</Text>
            <Text className='wm-text-tertiary wm-fr-block'>责任单位（门店）在责任区内做到：</Text>
            <View className='wm-in-gap'>
              <Duties duties={view.duties} />
            </View>
          </View>
        </View>
        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-pledge-area'>
            <Text className='wm-in-title'>责任区</Text>
            <Text className='wm-text-secondary wm-fr-block'>{view.frontageText}</Text>
            {shop.data ? (
              <>
                <FrontageMap frontage={shop.data.frontage} label={`${view.shopName}的门前责任区`} id='wm-fr-pledge-map' />
                <Text className='wm-text-tertiary wm-fr-block'>红线为{frontageWords(shop.data.frontage)}。</Text>
              </>
            ) : null}
          </View>

          <View className='wm-card' id='wm-fr-pledge-sign'>
            <Text className='wm-in-title'>签署</Text>
            {signedNow ? (
              <View className='wm-fr-signed' id='wm-fr-pledge-signed'>
                <Text className='wm-fr-signed__title'>✓ 已签署第 {view.signedVersion} 版</Text>
                <Text>签署人：{shop.data?.ownerName ? `${shop.data.ownerName}（门店负责人）` : '门店负责人'}</Text>
                {view.signedAt ? <Text>签署时间：{timeText(view.signedAt)}</Text> : null}
                <Text className='wm-text-tertiary'>责任书更新时会请您重新签署。</Text>
              </View>
            ) : view.maySign ? (
              <>
                <Text className='wm-text-secondary wm-fr-block'>请完整阅读上面的责任内容和责任区。点下面的按钮即表示您代表本店签署第 {view.version} 版责任书，记录签署人、时间和版本。</Text>
                <Problem text={problem} id='wm-fr-sign-error' />
                <View className='wm-fr-primary'>
                  <Button block type='primary' size='large' id='wm-fr-sign' loading={busy} disabled={busy} onClick={() => void sign(view)}>
                    我已阅读并签署
                  </Button>
                </View>
              </>
            ) : (
              <Text className='wm-text-secondary wm-fr-block' id='wm-fr-pledge-unsigned'>
                {resign ? `尚未重新签署第 ${view.version} 版。` : '尚未签署。'}由门店负责人在「我的门店」中阅读并签署。
              </Text>
            )}
          </View>
        </View>
      </View>
    </View>
  )
}
