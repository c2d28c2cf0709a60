import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ErrorState, Skeleton } from '@/components/state'
import { ROLEMODEL_LIMITS, type DelegationView } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import { dateText } from '../labels'
import { Done, Problem } from './common'
import '../rolemodel.scss'

const OPENID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * 审核授权: which 区文明办审核员 reviews which district. The district is written as nominations
 * write it (文明区); granting the first gives the person the role, taking back the last removes it.
 */
export function Delegations() {
  const list = useLoad(() => callCloud('rolemodel', 'delegations', {}), [])
  const [openid, setOpenid] = useState('')
  const [district, setDistrict] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const change = async (who: string, where: string, granted: boolean): Promise<DelegationView[] | null> => {
    setBusy(true)
    const result = await callCloud('rolemodel', 'delegate', { openid: who, district: where, granted })
    setBusy(false)
    if (!result.ok) {
      setProblem(result.message)
      return null
    }
    list.setData(result.data)
    return result.data
  }
  const add = async () => {
    setDone(null)
    const who = openid.trim()
    const where = district.trim()
    if (!OPENID.test(who)) return setProblem('请填写审核员的用户编号（在「我的」页面可以看到，只含字母、数字、- 和 _）')
    if (!where) return setProblem('请填写区（县）名称，与推荐里填写的一致，如：文明区')
    if (await change(who, where, true)) {
      setOpenid('')
      setDistrict('')
      setDone(`已授权 ${who} 审核「${where}」的推荐`)
    }
  }
  const remove = async (d: DelegationView) => {
    setDone(null)
    const sure = await Taro.showModal({ title: '收回审核授权？', content: `${d.openid} 将不能再审核「${d.district}」的推荐。`, confirmText: '收回' })
    if (!sure.confirm) return
    if (await change(d.openid, d.district, false)) setDone(`已收回 ${d.openid} 审核「${d.district}」的授权`)
  }

  return (
    <>
      <Text className='wm-section-title'>审核授权</Text>
      <View className='wm-card' id='wm-rm-delegations'>
        <Text className='wm-text-secondary'>把某个区的推荐交给区文明办审核员审核（采纳、要求补充、不予采纳）；合并、评选和结果仍由市文明办负责。</Text>
        {list.data ? (
          list.data.length === 0 ? (
            <Text className='wm-text-tertiary wm-rm-gap'>还没有授权，所有推荐都由市文明办审核。</Text>
          ) : (
            list.data.map((d) => (
              <View key={`${d.openid}-${d.district}`} className='wm-rm-item wm-rm-row' id={`wm-rm-delegation-${d.openid}`} data-district={d.district}>
                <View className='wm-rm-col'>
                  <Text className='wm-rm-title'>{d.district}</Text>
                  <Text className='wm-text-secondary'>
                    审核员 {d.openid} · {dateText(d.grantedAt)}授权
                  </Text>
                </View>
                <Button size='small' fill='outline' type='primary' disabled={busy} aria-label={`收回 ${d.openid} 审核${d.district}的授权`} onClick={() => void remove(d)}>
                  收回
                </Button>
              </View>
            ))
          )
        ) : list.error ? (
          <ErrorState what='审核授权' message={list.error.message} onRetry={list.reload} />
        ) : (
          <Skeleton rows={2} />
        )}
        <View className='wm-rm-gap' />
        <Text className='wm-field-label'>审核员的用户编号</Text>
        <Input className='wm-field-input' id='wm-rm-delegate-openid' value={openid} maxlength={64} placeholder='对方在「我的」页面看到的编号' onInput={(e) => { setOpenid(e.detail.value); setProblem(null) }} />
        <Text className='wm-field-label'>审核的区（县）</Text>
        <Input className='wm-field-input' id='wm-rm-delegate-district' value={district} maxlength={ROLEMODEL_LIMITS.placePartMax} placeholder='与推荐里填写的一致，如：文明区' onInput={(e) => { setDistrict(e.detail.value); setProblem(null) }} />
        <Problem text={problem} />
        <Done text={done} />
        <Button block type='primary' className='wm-rm-gap' loading={busy} disabled={busy} id='wm-rm-delegate-submit' onClick={() => void add()}>
          授权审核
        </Button>
      </View>
    </>
  )
}
