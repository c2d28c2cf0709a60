import { useEffect, useRef, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import type { NearbyReport, ReportPrepareView } from '@/shared/contract'
import { REPORT_LIMITS, categoryOf, type CategoryId, type ReportKind } from '@/shared/report'
import { SwitchMark } from '@/components/switch-mark'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { isRecord, readStored, writeStored } from '@/lib/storage'
import { prepareReport, useCityMap } from '../api/report'
import { formatTime } from '../lib/format'
import { newRequestId } from '../lib/request-id'
import { DETAIL_PAGE } from '../routes'
import { applyCategoryTexts } from '../lib/category-texts'
import { askSubmitConsent, prepareSubmitConsent } from '../lib/consent'
import { CategoryChips, rememberCategory } from './category-picker'
import { LocationPicker, type PlaceValue } from './location-picker'
import { PhotoPicker, stillUploading, uploadedIds, uploadedMeta, type PhotoSlot } from './photo-picker'
import { VideoTile, videoReady, videoUploading, type VideoSlot } from './video-tile'
import './report.scss'

/**
 * A place handed over by another page (a poster's 小程序码 opens 随手拍 with the poster's place):
 * the tab page cannot take a query, so it travels in storage under this key and is used once.
 */
export const REPORT_PREFILL_KEY = 'report:prefill'

const isPrefill = (v: unknown): v is PlaceValue =>
  isRecord(v) && typeof v.lat === 'number' && typeof v.lng === 'number' && typeof v.address === 'string'

/** `?poster=<id>&lat=..&lng=..&address=..` from a scanned poster (see the entry area), or null */
function posterPlace(params: Partial<Record<string, string>>): (PlaceValue & { posterId: string }) | null {
  const lat = Number(params.lat)
  const lng = Number(params.lng)
  if (!params.poster || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  let address = params.address ?? ''
  try {
    address = decodeURIComponent(address)
  } catch {
    // a mangled address is shown as it came; the resident can correct it
  }
  return { posterId: params.poster, lat, lng, address }
}

const PHONE = /^1[3-9]\d{9}$/

/**
 * The 随手拍 form, photo first: 拍照 / 相册 (each photo stamped with Beijing time and place), the
 * place from the current position (a poster's wins), a short row of the most used categories
 * (the rest in a sheet), then words, anonymity and phone; offers 我也遇到 before a duplicate, and
 * after submit opens the confirmation (ticket number, what happens next, 订阅进度通知).
 */
export function ReportForm() {
  const map = useCityMap()
  const [prepared, setPrepared] = useState<ReportPrepareView | null>(null)
  const [kind, setKind] = useState<ReportKind>('report')
  const [categoryId, setCategoryId] = useState<CategoryId | null>(null)
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [video, setVideo] = useState<VideoSlot | null>(null)
  const [place, setPlace] = useState<PlaceValue | null>(null)
  const [description, setDescription] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [phone, setPhone] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [duplicates, setDuplicates] = useState<NearbyReport[] | null>(null)
  const [suggested, setSuggested] = useState<CategoryId | null>(null)
  const category = categoryId ? categoryOf(categoryId) : undefined

  const refreshPrepared = () => {
    // the template ids for the submit tap's consent dialog, fetched now: the tap must not wait on the network
    void prepareSubmitConsent()
    void prepareReport().then((r) => {
      if (!r.ok) return
      applyCategoryTexts(r.data.categoryTexts)
      setPrepared(r.data)
    })
  }
  useEffect(refreshPrepared, [])
  // a poster's code opens this tab (reLaunch) with the poster's place in the query: used once per poster
  const posterApplied = useRef<string | null>(null)
  useDidShow(() => {
    const fromPoster = posterPlace(Taro.getCurrentInstance().router?.params ?? {})
    const fresh = fromPoster && fromPoster.posterId !== posterApplied.current ? fromPoster : null
    if (fresh) posterApplied.current = fresh.posterId
    const prefill = readStored(REPORT_PREFILL_KEY, isPrefill) ?? fresh
    if (prefill) {
      setPlace({ lat: prefill.lat, lng: prefill.lng, address: prefill.address.slice(0, REPORT_LIMITS.addressMax) })
      // a shop's door code hands over the category tapped there too (门前三包's two-tap report)
      const cat = (prefill as { categoryId?: unknown }).categoryId
      if (typeof cat === 'string' && categoryOf(cat)) setCategoryId(cat as CategoryId)
      writeStored(REPORT_PREFILL_KEY, null)
    }
  })

  const reset = () => {
    setCategoryId(null)
    setPhotos([])
    setVideo(null)
    setDescription('')
    setDuplicates(null)
    setError(null)
    setRequestId(newRequestId())
    refreshPrepared()
  }

  const problem = (): string | null => {
    if (!category) return '请选择类别'
    if (photos.length === 0 && !video) return '请至少拍一张照片或一段视频'
    if (category.cameraOnly && photos.some((p) => p.album)) return '此类问题请用相机现场拍摄：请删除相册里选的照片'
    if (stillUploading(photos)) return '照片还在上传，请稍等'
    if (photos.some((p) => p.error)) return '有照片上传失败：点照片重试，或删除后再提交'
    if (videoUploading(video)) return '视频还在上传，请稍等'
    if (video?.error) return '视频上传失败：删除后重新拍摄'
    if (!place) return '请标记事发位置'
    if (phone && !PHONE.test(phone)) return '手机号格式不正确'
    if (prepared && prepared.usedToday >= prepared.dailyLimit) return `今天已上报 ${prepared.dailyLimit} 条，请明天再来`
    return null
  }

  const send = async () => {
    if (!categoryId || !place) return
    setBusy(true)
    const result = await callCloud('report', 'submit', {
      categoryId,
      photos: uploadedIds(photos),
      photoMeta: uploadedMeta(photos),
      video: videoReady(video) ?? undefined,
      location: place,
      description: description.trim(),
      anonymous,
      ...(phone ? { phone } : {}),
      requestId,
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    rememberCategory(categoryId)
    reset()
    // the confirmation: ticket number, what happens next and by when, 订阅进度通知
    openPage(`${DETAIL_PAGE}?view=done&id=${result.data.id}`)
  }

  const submit = async () => {
    const why = problem()
    setError(why)
    if (why || !categoryId || !place) return
    // 订阅进度通知: WeChat asks only inside the tap itself, so before anything else is awaited
    await askSubmitConsent()
    if (duplicates === null && kind === 'report') {
      setBusy(true)
      const near = await callCloud('report', 'nearby', { categoryId, location: { lat: place.lat, lng: place.lng } })
      setBusy(false)
      if (near.ok && near.data.length > 0) {
        setDuplicates(near.data)
        return
      }
    }
    await send()
  }

  const confirmExisting = async (reportId: string) => {
    setBusy(true)
    const result = await callCloud('report', 'confirm', { reportId })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    void Taro.showToast({ title: '已为该问题补充反映', icon: 'none' })
    reset()
    openPage(`${DETAIL_PAGE}?id=${reportId}`)
  }

  // a different category or place means a different duplicate question
  const pickCategory = (id: string) => {
    setCategoryId(id as CategoryId)
    setDuplicates(null)
  }
  const movePlace = (next: PlaceValue | null) => {
    setPlace(next)
    setDuplicates(null)
  }

  const pickKind = (next: ReportKind) => {
    setKind(next)
    setCategoryId(null)
    setDuplicates(null)
  }

  return (
    <View id='wm-report-form' className='wm-rp-form'>
      <View className='wm-card wm-rp-section'>
        <Text className='wm-rp-label wm-rp-required'>
          拍照取证（1–{REPORT_LIMITS.maxPhotos} 张，或 {REPORT_LIMITS.maxVideoMs / 1000} 秒内视频）
        </Text>
        <PhotoPicker
          slots={photos}
          onChange={setPhotos}
          uploadDir={prepared?.uploadDir ?? null}
          max={REPORT_LIMITS.maxPhotos}
          cameraOnly={category?.cameraOnly}
          stamp={() => ({ siteName: place?.address ?? '', lat: place?.lat ?? null, lng: place?.lng ?? null })}
          // a clip stands in for photos: offered until the first photo (keeps the row to three tiles); once taken it stays
          extra={photos.length === 0 || video ? <VideoTile value={video} onChange={setVideo} cameraOnly={category?.cameraOnly} onProblem={setError} /> : null}
        />
        <Text className='wm-rp-hint'>照片会印上北京时间和位置；请避免拍到路人正脸等个人信息。</Text>
      </View>

      <View className='wm-card wm-rp-section'>
        <Text className='wm-rp-label wm-rp-required'>事发位置</Text>
        <LocationPicker map={map} value={place} onChange={movePlace} auto />
        <PlaceNotice place={place} categoryId={categoryId} onSuggest={setSuggested} />
      </View>

      <View className='wm-card wm-rp-section'>
        <Text className='wm-rp-label wm-rp-required'>类别</Text>
        <CategoryChips kind={kind} value={categoryId} onKind={pickKind} onChange={pickCategory} suggested={suggested} />
      </View>

      <View className='wm-card wm-rp-section'>
        <Text className='wm-rp-label'>描述（选填）</Text>
        <TextArea
          className='wm-rp-textarea'
          id='wm-report-description'
          value={description}
          maxlength={REPORT_LIMITS.descriptionMax}
          placeholder={kind === 'praise' ? '说说发生了什么好人好事' : '说说看到了什么，比如持续多久、影响了谁'}
          onInput={(value) => setDescription(value)}
        />
        <Text className='wm-rp-count'>
          {description.length}/{REPORT_LIMITS.descriptionMax}
        </Text>
        {/* the whole row is the tap target; the mark only shows the state */}
        <View
          className='wm-rp-row'
          id='wm-report-anonymous'
          role='switch'
          aria-checked={anonymous}
          aria-label='匿名上报'
          onClick={() => setAnonymous(!anonymous)}
        >
          <View>
            <Text className='wm-rp-label' style={{ marginBottom: 0 }}>
              匿名上报
            </Text>
            <Text className='wm-rp-hint'>匿名时网格员和处置单位看不到您是谁；电话只显示部分号码</Text>
          </View>
          <SwitchMark on={anonymous} />
        </View>
        <Input
          className='wm-rp-input'
          id='wm-report-phone'
          type='number'
          maxlength={11}
          value={phone}
          placeholder='联系电话（选填）'
          aria-label='联系电话（选填）'
          onInput={(e) => setPhone(e.detail.value)}
        />
      </View>

      {duplicates && duplicates.length > 0 ? (
        <View className='wm-card wm-rp-dup' id='wm-report-duplicates' role='alert'>
          <Text className='wm-rp-label'>附近已有人反映了同类问题</Text>
          <Text className='wm-text-secondary'>50 米内、24 小时内还有未办结的同类问题。点「我也遇到」即可为它补充反映，并随时查看它的处理进度。</Text>
          {duplicates.map((d) => (
            <View key={d.id} className='wm-rp-dup__item'>
              <View>
                <Text className='wm-rp-cat__name'>
                  {d.categoryName} · {d.statusLabel}
                </Text>
                <Text className='wm-rp-hint'>
                  约 {d.distanceMeters} 米 · {formatTime(d.createdAt)}
                  {d.confirmations > 0 ? ` · 已有 ${d.confirmations + 1} 人反映` : ''}
                </Text>
              </View>
              {d.mine ? (
                <Button fill='outline' type='primary' onClick={() => openPage(`${DETAIL_PAGE}?id=${d.id}`)}>
                  我已报过
                </Button>
              ) : (
                <Button id={`wm-dup-confirm-${d.id}`} type='primary' disabled={busy} onClick={() => void confirmExisting(d.id)}>
                  我也遇到
                </Button>
              )}
            </View>
          ))}
          <Button block fill='outline' type='primary' style={{ marginTop: '20px' }} disabled={busy} onClick={() => void send()} id='wm-report-submit-anyway'>
            不是同一个问题，仍然提交
          </Button>
        </View>
      ) : null}

      {error ? (
        <View role='alert'>
          <Text className='wm-rp-error' id='wm-report-error'>
            {error}
          </Text>
        </View>
      ) : null}
      <Button id='wm-report-submit' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()} style={{ marginTop: '24px' }}>
        {kind === 'praise' ? '提交点赞' : '提交上报'}
      </Button>
      {prepared ? (
        <Text className='wm-rp-hint' style={{ textAlign: 'center' }}>
          今天已上报 {prepared.usedToday}/{prepared.dailyLimit} 条
        </Text>
      ) : null}
    </View>
  )
}

/**
 * 门前三包 at the pin: a shop's frontage (the shop answers first) or a painted zone (inside the
 * lines 摆卖/停车 is allowed), said before submit rather than after a refusal.
 */
function PlaceNotice({ place, categoryId, onSuggest }: { place: PlaceValue | null; categoryId: CategoryId | null; onSuggest: (id: CategoryId | null) => void }) {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    setMessage(null)
    if (!place) return
    let live = true
    void callCloud('frontage', 'placeCheck', { lat: place.lat, lng: place.lng, ...(categoryId ? { categoryId } : {}) }).then((r) => {
      if (!live || !r.ok) return
      setMessage(r.data.message)
      // a shop's frontage: what is reported there is mostly 占道经营
      onSuggest(r.data.shop ? 'street-vending' : null)
    })
    return () => {
      live = false
    }
  }, [place?.lat, place?.lng, categoryId])
  return message ? (
    <View className='wm-rp-hint' id='wm-report-place-notice' role='status'>
      <Text>{message}</Text>
    </View>
  ) : null
}
