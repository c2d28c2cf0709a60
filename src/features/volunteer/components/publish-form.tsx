import { alt, fieldName } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import type { ActivityType } from '@/shared/contract'
import type { LatLng } from '@/shared/report'
import { PlaceMap } from '@/components/place-map'
import { callCloud } from '@/lib/call-cloud'
import { uploadFile } from '@/lib/upload'
import { dayKey } from '../lib/format'
import { ACTIVITY_TYPE_LABEL, ACTIVITY_TYPES } from '../lib/labels'
import { locate } from '../lib/location'
import { ACTIVITY_PAGE, withQuery } from '../routes'
import { SwitchMark } from '@/components/switch-mark'
import { Chips } from './badges'
import './volunteer.scss'
import './family-shift.scss'

interface ShiftDraft {
  key: number
  date: string
  start: string
  end: string
  capacity: string
  /** 亲子: a parent signs up and brings the child (小手拉大手's family volunteering) */
  family: boolean
}

const RADII = ['100', '200', '500', '1000']
const MAX_SHIFTS = 30

/** A Beijing-time date and clock → UTC ms */
const toMs = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`)

let nextKey = 1
const newShift = (date: string): ShiftDraft => ({ key: nextKey++, date, start: '09:00', end: '11:00', capacity: '10', family: false })

/** 发布活动: type, words, place and check-in radius, optional cover, and one or more shifts. */
export function PublishForm({ teamId }: { teamId: string }) {
  const tomorrow = dayKey(Date.now() + 24 * 3_600_000)
  const [type, setType] = useState<ActivityType>('traffic')
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [placeName, setPlaceName] = useState('')
  const [address, setAddress] = useState('')
  // the check-in centre: picked on WeChat's map or taken from the phone, shown as a pin, never as numbers
  const [point, setPoint] = useState<LatLng | null>(null)
  const [radius, setRadius] = useState('200')
  const [cover, setCover] = useState<{ preview: string; fileID: string | null; progress: number } | null>(null)
  const [shifts, setShifts] = useState<ShiftDraft[]>([newShift(tomorrow)])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const pickPlace = async () => {
    if (process.env.TARO_ENV === 'weapp') {
      try {
        const place = await Taro.chooseLocation({})
        setPlaceName(place.name || place.address)
        setAddress(place.address || place.name)
        setPoint({ lat: place.latitude, lng: place.longitude })
      } catch {
        // closed the map
      }
      return
    }
    const here = await locate()
    if (!here.ok) return setError(here.message)
    setError(null)
    setPoint({ lat: here.lat, lng: here.lng })
  }

  const pickCover = async () => {
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const filePath = chosen.tempFilePaths[0]
      setCover({ preview: filePath, fileID: null, progress: 0 })
      const uploaded = await uploadFile({
        filePath,
        cloudPath: `volunteer/covers/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`,
        onProgress: (progress) => setCover((c) => (c ? { ...c, progress } : c)),
      })
      if (!uploaded.ok) {
        setCover(null)
        return setError(`封面上传失败：${uploaded.message}`)
      }
      setCover({ preview: filePath, fileID: uploaded.data.fileID, progress: 100 })
    } catch {
      // nothing chosen
    }
  }

  const updateShift = (key: number, patch: Partial<ShiftDraft>) => setShifts((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)))

  const problem = (): string | null => {
    if (!title.trim()) return '请填写活动名称'
    if (!description.trim()) return '请填写活动介绍'
    if (!placeName.trim() || !address.trim()) return '请填写活动地点和详细地址'
    if (!point) return process.env.TARO_ENV === 'weapp' ? '请在地图上选择活动地点（用于定位签到）' : '请使用当前位置标记活动地点（用于定位签到）'
    if (cover && !cover.fileID) return '封面还在上传，请稍等'
    for (const s of shifts) {
      const start = toMs(s.date, s.start)
      const end = toMs(s.date, s.end)
      if (!(end > start)) return `${s.date} ${s.start} 的班次：结束时间须晚于开始时间`
      if (start <= Date.now()) return `${s.date} ${s.start} 的班次已经开始，请选择以后的时间`
      const capacity = Number(s.capacity)
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) return '每个班次的名额应为 1–500'
    }
    return null
  }

  const submit = async () => {
    const why = problem()
    setError(why)
    if (why || !point) return
    setBusy(true)
    const result = await callCloud('volunteer', 'publishActivity', {
      teamId,
      type,
      title: title.trim(),
      description: description.trim(),
      place: { name: placeName.trim(), address: address.trim(), lat: point.lat, lng: point.lng },
      geofenceRadiusM: Number(radius),
      ...(cover?.fileID ? { coverFileId: cover.fileID } : {}),
      shifts: shifts.map((s) => ({ startAt: toMs(s.date, s.start), endAt: toMs(s.date, s.end), capacity: Number(s.capacity), ...(s.family ? { family: true } : {}) })),
    })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    void Taro.showToast({ title: '已发布', icon: 'success' })
    void Taro.redirectTo({ url: withQuery(ACTIVITY_PAGE, { id: result.data.id }) })
  }

  return (
    <View id='wm-vo-publish-form'>
      <View className='wm-vo-card'>
        <Text className='wm-vo-label wm-vo-required' style={{ marginTop: 0 }}>
          活动类别
        </Text>
        <Chips idPrefix='wm-vo-ptype' options={ACTIVITY_TYPES.map((t) => ({ key: t, label: ACTIVITY_TYPE_LABEL[t] }))} value={type} onChange={(k) => setType(k as ActivityType)} wrap />
        <Text className='wm-vo-label wm-vo-required'>活动名称</Text>
        <Input className='wm-vo-input' id='wm-vo-ptitle' value={title} maxlength={40} placeholder='如：路口文明交通劝导' onInput={(e) => setTitle(e.detail.value)} />
        <Text className='wm-vo-label wm-vo-required'>活动介绍</Text>
        <TextArea className='wm-vo-textarea' id='wm-vo-pdesc' value={description} maxlength={1000} placeholder='服务内容、着装、集合要求等' onInput={(value) => setDescription(value)} />
        <Text className='wm-vo-label'>封面（选填）</Text>
        {cover ? <Image className='wm-vo-cover' src={cover.preview} mode='aspectFill' {...alt('封面预览')} /> : null}
        {cover && !cover.fileID ? <Text className='wm-vo-hint'>正在上传 {cover.progress}%</Text> : null}
        <Button size='small' onClick={() => void pickCover()}>
          {cover ? '更换封面' : '选择封面'}
        </Button>
      </View>

      <View className='wm-vo-card'>
        <Text className='wm-vo-label wm-vo-required' style={{ marginTop: 0 }}>
          地点
        </Text>
        <Button size='small' onClick={() => void pickPlace()}>
          {process.env.TARO_ENV === 'weapp' ? '在地图上选择地点' : '使用我当前的位置'}
        </Button>
        <Text className='wm-vo-label'>地点名称</Text>
        <Input className='wm-vo-input' id='wm-vo-pplace' value={placeName} maxlength={40} placeholder='如：长江路与人民路交叉口' onInput={(e) => setPlaceName(e.detail.value)} />
        <Text className='wm-vo-label'>详细地址</Text>
        <Input className='wm-vo-input' id='wm-vo-paddress' value={address} maxlength={120} placeholder='集合点的详细地址' onInput={(e) => setAddress(e.detail.value)} />
        <Text className='wm-vo-label'>定位签到范围（米）</Text>
        <Chips idPrefix='wm-vo-radius' options={RADII.map((r) => ({ key: r, label: `${r} 米` }))} value={radius} onChange={setRadius} />
        {point ? (
          <>
            <PlaceMap
              id='wm-vo-pmap'
              pin={point}
              pinTitle={placeName || undefined}
              geofence={{ center: point, radiusM: Number(radius) }}
              // a tap moves the check-in centre: WeChat's map may have put it across the road
              onPick={(p) => setPoint(p)}
              label={`签到中心点与 ${radius} 米签到范围`}
            />
            <Text className='wm-vo-hint' id='wm-vo-ppoint'>
              已标记签到中心点（红色标记），红色圆圈为 {radius} 米签到范围；点地图可微调位置。
            </Text>
          </>
        ) : (
          <Text className='wm-vo-hint' id='wm-vo-ppoint'>
            尚未标记签到中心点：{process.env.TARO_ENV === 'weapp' ? '点「在地图上选择地点」' : '点「使用我当前的位置」'}。
          </Text>
        )}
        <Text className='wm-vo-hint'>志愿者在这个范围内可以点「我已到达」定位签到；范围外需扫描您出示的签到码。</Text>
      </View>

      <View className='wm-vo-card'>
        <Text className='wm-vo-label wm-vo-required' style={{ marginTop: 0 }}>
          班次（{shifts.length}/{MAX_SHIFTS}）
        </Text>
        {shifts.map((s, i) => (
          <View key={s.key} className='wm-vo-shift' style={{ flexDirection: 'column', alignItems: 'stretch' }}>
            <Text className='wm-vo-line'>班次 {i + 1}</Text>
            <View className='wm-vo-row'>
              <Picker mode='date' value={s.date} start={dayKey(Date.now())} onChange={(e) => updateShift(s.key, { date: String(e.detail.value) })}>
                <Text className='wm-vo-chip'>{s.date}</Text>
              </Picker>
              <Picker mode='time' value={s.start} onChange={(e) => updateShift(s.key, { start: String(e.detail.value) })}>
                <Text className='wm-vo-chip'>{s.start} 开始</Text>
              </Picker>
              <Picker mode='time' value={s.end} onChange={(e) => updateShift(s.key, { end: String(e.detail.value) })}>
                <Text className='wm-vo-chip'>{s.end} 结束</Text>
              </Picker>
            </View>
            <View className='wm-vo-row'>
              <Text className='wm-text-secondary'>名额</Text>
              <Input className='wm-vo-input' style={{ width: '200px' }} {...fieldName('名额')} type='number' value={s.capacity} maxlength={3} onInput={(e) => updateShift(s.key, { capacity: e.detail.value })} />
              {shifts.length > 1 ? (
                <Button size='small' fill='none' onClick={() => setShifts((list) => list.filter((x) => x.key !== s.key))}>
                  删除
                </Button>
              ) : null}
            </View>
            {/* the whole row is the tap target; the mark only shows the state */}
            <View
              className='wm-vo-row wm-vo-family-switch'
              id={`wm-vo-family-${i}`}
              role='switch'
              aria-checked={s.family}
              aria-label='亲子（家长带孩子参加）'
              onClick={() => updateShift(s.key, { family: !s.family })}
            >
              <View className='wm-vo-family-switch__text'>
                <Text className='wm-vo-line'>亲子（家长带孩子参加）</Text>
                <Text className='wm-text-tertiary'>家长报名并带孩子来；孩子不登记、不上名单，完成后算作家庭的亲子志愿任务</Text>
              </View>
              <SwitchMark on={s.family} />
            </View>
          </View>
        ))}
        {shifts.length < MAX_SHIFTS ? (
          <View className='wm-vo-actions'>
            <Button size='small' onClick={() => setShifts((list) => [...list, { ...newShift(list[list.length - 1]?.date ?? tomorrow) }])}>
              增加班次
            </Button>
          </View>
        ) : null}
      </View>

      {error ? (
        <Text className='wm-vo-error' id='wm-vo-publish-error'>
          {error}
        </Text>
      ) : null}
      <View className='wm-vo-actions'>
        <Button type='primary' block loading={busy} id='wm-vo-publish-submit' onClick={() => void submit()}>
          发布活动
        </Button>
      </View>
    </View>
  )
}
