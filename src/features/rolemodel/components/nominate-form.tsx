import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { PhotoPicker, stillUploading, uploadedIds, type PhotoSlot } from '@/features/report/components/photo-picker'
import { newRequestId } from '@/features/report/lib/request-id'
import { ROLEMODEL_CATEGORIES, ROLEMODEL_CATEGORY_IDS, ROLEMODEL_LIMITS, type MyNominationView, type RolemodelCategoryId } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { rolemodelUrl } from '../labels'
import { Problem, ResidentNav, categoryLabel } from './common'
import '../rolemodel.scss'

interface Draft {
  categoryId: RolemodelCategoryId | null
  name: string
  district: string
  street: string
  community: string
  account: string
  phone: string
}

const EMPTY: Draft = { categoryId: null, name: '', district: '', street: '', community: '', account: '', phone: '' }

/** The first problem with the draft, in words, or null when it can be sent. */
function draftProblem(d: Draft, photos: PhotoSlot[]): string | null {
  if (!d.categoryId) return '请选择事迹类别'
  if (!d.name.trim()) return '请填写被推荐人的姓名（大家平时怎么称呼他/她）'
  if (!d.district.trim() || !d.street.trim() || !d.community.trim()) return '请填写事迹发生地：区（县）、街道（乡镇）和社区（村）'
  const length = d.account.trim().length
  if (length < ROLEMODEL_LIMITS.accountMin) return `请写一写他/她做了什么，至少 ${ROLEMODEL_LIMITS.accountMin} 个字`
  if (length > ROLEMODEL_LIMITS.accountMax) return `事迹简述最多 ${ROLEMODEL_LIMITS.accountMax} 字，请精简一些`
  if (!/^1[3-9]\d{9}$/.test(d.phone.trim())) return '请填写您的 11 位手机号，文明办核实事迹时联系您'
  if (stillUploading(photos)) return '照片还在上传，请稍等'
  if (photos.some((p) => p.error)) return '有照片上传失败：点照片重试，或删除后再提交'
  return null
}

/** 推荐身边好人: one form, then a confirmation that says what happens next. */
export function NominateForm() {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const [sent, setSent] = useState<MyNominationView | null>(null)
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setProblem(null)
  }

  if (sent) {
    return (
      <View className='wm-rm' id='wm-rm-nominated'>
        <View className='wm-card'>
          <EmptyState
            glyph='✓'
            title='推荐已提交，谢谢您'
            description={
              <View className='wm-rm-col'>
                <Text>
                  您推荐了「{categoryLabel(sent.categoryId)}」的{sent.name}。文明办会核实事迹，可能打电话向您了解情况；如需补充材料，会在「我的推荐」里告诉您。
                </Text>
                <Text className='wm-rm-gap'>事迹核实后，还要征得{sent.name}本人同意，才会在评选中公开。</Text>
              </View>
            }
            actionText='查看我的推荐'
            onAction={() => openPage(rolemodelUrl('mine'))}
          />
        </View>
        <Button
          block
          fill='outline'
          type='primary'
          id='wm-rm-nominate-another'
          onClick={() => {
            setSent(null)
            setDraft(EMPTY)
            setPhotos([])
            setRequestId(newRequestId())
          }}
        >
          再推荐一位
        </Button>
      </View>
    )
  }

  const submit = async () => {
    const why = draftProblem(draft, photos)
    if (why) return setProblem(why)
    setBusy(true)
    const ids = uploadedIds(photos)
    const result = await callCloud('rolemodel', 'nominate', {
      name: draft.name.trim(),
      categoryId: draft.categoryId!,
      place: { district: draft.district.trim(), street: draft.street.trim(), community: draft.community.trim() },
      account: draft.account.trim(),
      ...(ids.length > 0 ? { photos: ids } : {}),
      phone: draft.phone.trim(),
      requestId,
    })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    setSent(result.data)
  }

  const length = draft.account.trim().length
  return (
    <View className='wm-rm' id='wm-rm-nominate'>
      <ResidentNav current='nominate' />
      <View className='wm-card'>
        <Text className='wm-rm-title'>推荐您身边的好人</Text>
        <Text className='wm-text-secondary'>事迹真实、发生在身边、被群众认可。已获省级及以上道德模范、好人称号的，不再列入评选。</Text>
      </View>

      <Text className='wm-section-title'>事迹类别</Text>
      <View className='wm-card'>
        <View className='wm-rm-cats' role='radiogroup'>
          {ROLEMODEL_CATEGORY_IDS.map((c) => (
            <View
              key={c}
              id={`wm-rm-cat-${c}`}
              role='radio'
              aria-checked={draft.categoryId === c}
              className={`wm-rm-cat${draft.categoryId === c ? ' wm-rm-cat--on' : ''}`}
              onClick={() => set({ categoryId: c })}
            >
              <Text className='wm-rm-cat__name'>
                {draft.categoryId === c ? '✓ ' : ''}
                {ROLEMODEL_CATEGORIES[c].label}
              </Text>
              <Text className='wm-text-tertiary'>{ROLEMODEL_CATEGORIES[c].hint}</Text>
            </View>
          ))}
        </View>
      </View>

      <Text className='wm-section-title'>被推荐人</Text>
      <View className='wm-card'>
        <Text className='wm-field-label'>姓名（大家平时怎么称呼，如「王秀英」「修车的老李」）</Text>
        <Input className='wm-field-input' id='wm-rm-name' value={draft.name} maxlength={ROLEMODEL_LIMITS.nameMax} placeholder='被推荐人的姓名或称呼' onInput={(e) => set({ name: e.detail.value })} />
        <Text className='wm-field-label'>事迹发生地 · 区（县）</Text>
        <Input className='wm-field-input' id='wm-rm-district' value={draft.district} maxlength={ROLEMODEL_LIMITS.placePartMax} placeholder='如：文明区' onInput={(e) => set({ district: e.detail.value })} />
        <Text className='wm-field-label'>街道（乡镇）</Text>
        <Input className='wm-field-input' id='wm-rm-street' value={draft.street} maxlength={ROLEMODEL_LIMITS.placePartMax} placeholder='如：和平街道' onInput={(e) => set({ street: e.detail.value })} />
        <Text className='wm-field-label'>社区（村）</Text>
        <Input className='wm-field-input' id='wm-rm-community' value={draft.community} maxlength={ROLEMODEL_LIMITS.placePartMax} placeholder='如：幸福里社区' onInput={(e) => set({ community: e.detail.value })} />
      </View>

      <Text className='wm-section-title'>事迹简述</Text>
      <View className='wm-card'>
        <Text className='wm-text-secondary'>他/她做了什么、什么时候、帮助了谁。请只写事实，不要写他人的电话、住址等隐私。</Text>
        <View className='wm-rm-gap' />
        <TextArea
          className='wm-rm-textarea'
          id='wm-rm-account'
          value={draft.account}
          maxlength={ROLEMODEL_LIMITS.accountMax}
          placeholder='例如：张阿姨十年如一日照顾楼里独居的李奶奶，每天送饭、陪她看病……'
          onInput={(v) => set({ account: v })}
        />
        <Text className={`wm-rm-counter${length > ROLEMODEL_LIMITS.accountMax ? ' wm-rm-counter--over' : ''}`} id='wm-rm-account-count'>
          {length}/{ROLEMODEL_LIMITS.accountMax} 字
        </Text>
        <Text className='wm-field-label'>照片（可选，最多 {ROLEMODEL_LIMITS.photosMax} 张，经内容安全检测后才会公开）</Text>
        <PhotoPicker slots={photos} onChange={setPhotos} uploadDir='rolemodel' max={ROLEMODEL_LIMITS.photosMax} label='添加照片' />
      </View>

      <Text className='wm-section-title'>您的联系方式</Text>
      <View className='wm-card'>
        <Text className='wm-field-label'>手机号</Text>
        <Input className='wm-field-input' id='wm-rm-phone' type='number' value={draft.phone} maxlength={11} placeholder='11 位手机号' onInput={(e) => set({ phone: e.detail.value })} />
        <View className='wm-rm-private'>
          <Text className='wm-rm-private__tag'>仅文明办可见</Text>
          <Text className='wm-rm-private__text'>只用于文明办核实事迹时联系您，不会公开，也不会告诉被推荐人。</Text>
        </View>
      </View>

      <Problem text={problem} id='wm-rm-nominate-error' />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-rm-nominate-submit' onClick={() => void submit()}>
        提交推荐
      </Button>
    </View>
  )
}
