import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { IdType, VolunteerProfileView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { ErrorState, Skeleton } from '@/components/state'
import { useResource } from '../api/volunteer'
import { formatDate, formatMinutes } from '../lib/format'
import { ID_TYPE_LABEL } from '../lib/labels'
import { Chips } from './badges'
import './volunteer.scss'

const ID_TYPES = Object.keys(ID_TYPE_LABEL) as IdType[]
const NAME = /^[\u4e00-\u9fa5A-Za-z·.\s]{2,30}$/
const PHONE = /^1\d{10}$/

/** What the volunteer agrees to: the record the office keeps and who sees what. */
export const CONSENT_TEXT =
  '我同意文明通依据《志愿服务条例》和《志愿服务记录与证明出具办法》，记录我的姓名、证件号码、联系电话和志愿服务情况（活动、时间、地点、时长），' +
  '用于建立志愿服务记录、出具服务证明，并提供给活动所属的志愿服务组织及全国志愿服务信息系统。组织者只能看到脱敏后的姓名和电话；完整信息仅在导出服务记录时使用，且留有记录。'

function ProfileSummary({ profile, onEdit }: { profile: VolunteerProfileView; onEdit: () => void }) {
  return (
    <View className='wm-vo-card' id='wm-vo-profile'>
      <Text className='wm-vo-label' style={{ marginTop: 0 }}>
        已登记为志愿者
      </Text>
      <View className='wm-vo-table-row'>
        <Text>姓名</Text>
        <Text id='wm-vo-profile-name'>{profile.realName}</Text>
      </View>
      <View className='wm-vo-table-row'>
        <Text>{ID_TYPE_LABEL[profile.idType]}</Text>
        <Text>{profile.idNumber}</Text>
      </View>
      <View className='wm-vo-table-row'>
        <Text>手机号</Text>
        <Text>{profile.phone}</Text>
      </View>
      <View className='wm-vo-table-row'>
        <Text>已确认服务时长</Text>
        <Text>{formatMinutes(profile.confirmedMinutes)}</Text>
      </View>
      <Text className='wm-vo-hint'>同意服务记录于 {formatDate(profile.consentAt)}。为保护隐私，信息脱敏显示。</Text>
      <View className='wm-vo-actions'>
        <Button size='small' onClick={onEdit}>
          修改登记信息
        </Button>
      </View>
    </View>
  )
}

/**
 * Become a volunteer once: real name, document, phone and consent to the service record. What was
 * entered is never shown back in full; editing means entering it again.
 */
export function RegisterForm({ onDone }: { onDone: (profile: VolunteerProfileView) => void }) {
  const profile = useResource(() => callCloud('volunteer', 'myProfile', {}), [])
  const [editing, setEditing] = useState(false)
  const [realName, setRealName] = useState('')
  const [idType, setIdType] = useState<IdType>('resident')
  const [idNumber, setIdNumber] = useState('')
  const [phone, setPhone] = useState('')
  const [consent, setConsent] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (profile.loading && !profile.data && !profile.error) {
    return (
      <View className='wm-card'>
        <Skeleton rows={4} />
      </View>
    )
  }
  if (profile.error && !profile.data) {
    return (
      <View className='wm-card'>
        <ErrorState what='登记信息' message={profile.error.message} onRetry={() => void profile.reload()} />
      </View>
    )
  }
  if (profile.data && !editing) return <ProfileSummary profile={profile.data} onEdit={() => setEditing(true)} />

  const problem = (): string | null => {
    if (!NAME.test(realName.trim())) return '请填写真实姓名（2–30 个字）'
    if (idType === 'resident' && !/^\d{17}[\dXx]$/.test(idNumber.trim())) return '居民身份证号码应为 18 位'
    if (idNumber.trim().length < 5) return '请填写证件号码'
    if (!PHONE.test(phone)) return '请填写 11 位手机号'
    if (!consent) return '请阅读并同意建立志愿服务记录'
    return null
  }

  const submit = async () => {
    const why = problem()
    setError(why)
    if (why) return
    setBusy(true)
    const result = await callCloud('volunteer', 'register', {
      realName: realName.trim(),
      idType,
      idNumber: idNumber.trim().toUpperCase(),
      phone,
      consent: true,
    })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    void Taro.showToast({ title: '登记成功', icon: 'success' })
    setEditing(false)
    await profile.reload()
    onDone(result.data)
  }

  return (
    <View className='wm-vo-card' id='wm-vo-register'>
      <Text className='wm-vo-label' style={{ marginTop: 0 }}>
        志愿者实名登记
      </Text>
      <Text className='wm-text-secondary'>服务时长要记入您的志愿服务记录，需要实名。只需登记一次。</Text>

      <Text className='wm-vo-label wm-vo-required'>真实姓名</Text>
      <Input className='wm-vo-input' id='wm-vo-realname' value={realName} maxlength={30} placeholder='与证件一致' onInput={(e) => setRealName(e.detail.value)} />

      <Text className='wm-vo-label wm-vo-required'>证件类型</Text>
      <Chips idPrefix='wm-vo-idtype' options={ID_TYPES.map((t) => ({ key: t, label: ID_TYPE_LABEL[t] }))} value={idType} onChange={(k) => setIdType(k as IdType)} wrap />

      <Text className='wm-vo-label wm-vo-required'>证件号码</Text>
      <Input
        className='wm-vo-input'
        id='wm-vo-idnumber'
        type={idType === 'resident' ? 'idcard' : 'text'}
        value={idNumber}
        maxlength={20}
        placeholder={idType === 'resident' ? '18 位身份证号码' : '证件号码'}
        onInput={(e) => setIdNumber(e.detail.value)}
      />

      <Text className='wm-vo-label wm-vo-required'>手机号</Text>
      <Input className='wm-vo-input' id='wm-vo-phone' type='number' value={phone} maxlength={11} placeholder='用于活动联系' onInput={(e) => setPhone(e.detail.value)} />

      <View className='wm-vo-consent' id='wm-vo-consent' role='checkbox' aria-checked={consent} onClick={() => setConsent(!consent)}>
        <View className={`wm-vo-consent__box${consent ? ' wm-vo-consent__box--on' : ''}`} aria-hidden='true'>
          <Text>{consent ? '✓' : ''}</Text>
        </View>
        <Text className='wm-text-secondary'>{CONSENT_TEXT}</Text>
      </View>

      {error ? (
        <Text className='wm-vo-error' id='wm-vo-register-error'>
          {error}
        </Text>
      ) : null}
      <View className='wm-vo-actions'>
        <Button type='primary' block loading={busy} id='wm-vo-register-submit' onClick={() => void submit()}>
          {profile.data ? '保存登记信息' : '同意并登记'}
        </Button>
      </View>
    </View>
  )
}
