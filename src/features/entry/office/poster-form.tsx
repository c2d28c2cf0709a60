import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CityGridView, PosterTarget, PosterView } from '@/shared/contract'
import type { HandbookTocChapter } from '@/shared/handbook/types'
import type { LatLng } from '@/shared/report'
import { PlaceMap, gridAt } from '@/components/place-map'
import { callCloud } from '@/lib/call-cloud'
import { newRequestId } from './api'
import { TARGET_LABEL } from './labels'
import './poster-form.scss'

type Kind = PosterTarget['kind']
const KINDS: Kind[] = ['report', 'chapter', 'dailyQuiz', 'activity', 'survey']

interface Draft {
  title: string
  address: string
  /** where the poster hangs: a scan opens 随手拍 with this place, so it is the wall, not the district */
  point: LatLng | null
  kind: Kind
  chapterId: string
  sectionId: string
  activityId: string
  surveyId: string
}

const EMPTY: Draft = { title: '', address: '', point: null, kind: 'report', chapterId: '', sectionId: '', activityId: '', surveyId: '' }

function toTarget(d: Draft): PosterTarget | string {
  switch (d.kind) {
    case 'report':
      return { kind: 'report' }
    case 'dailyQuiz':
      return { kind: 'dailyQuiz' }
    case 'chapter':
      if (!d.chapterId) return '请选择手册章节'
      return d.sectionId ? { kind: 'chapter', chapterId: d.chapterId, sectionId: d.sectionId } : { kind: 'chapter', chapterId: d.chapterId }
    case 'activity':
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(d.activityId.trim())) return '请填写活动编号（字母、数字、横线）'
      return { kind: 'activity', activityId: d.activityId.trim() }
    case 'survey':
      return d.surveyId ? { kind: 'survey', surveyId: d.surveyId } : '请选择问卷'
  }
}

/** Checks the form before it is sent; the server checks again. Returns a message or null. */
function problemWith(d: Draft): string | null {
  if (!d.title.trim()) return '请填写海报标题'
  if (!d.address.trim()) return '请填写张贴地点'
  if (!d.point) return process.env.TARO_ENV === 'weapp' ? '请在地图上选择张贴位置' : '请在地图上点选张贴位置，或点“使用当前位置”'
  const target = toTarget(d)
  return typeof target === 'string' ? target : null
}

/** Register a poster: title, where it hangs, where its code leads. */
export function PosterForm({ onRegistered }: { onRegistered: (poster: PosterView) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [chapters, setChapters] = useState<HandbookTocChapter[]>([])
  const [grids, setGrids] = useState<readonly CityGridView[]>([])
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  // surveys a poster may lead to: open now, or published to open later
  const [surveys, setSurveys] = useState<Array<{ id: string; title: string }> | null>(null)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  useEffect(() => {
    void callCloud('handbook', 'toc', {}).then((r) => r.ok && setChapters(r.data.chapters))
    // the city's grids: the office sees which grid the poster's reports will go to
    void callCloud('report', 'map', {}).then((r) => r.ok && setGrids(r.data.grids))
  }, [])
  useEffect(() => {
    if (draft.kind !== 'survey' || surveys) return
    void Promise.all([callCloud('survey', 'adminList', { state: 'open' }), callCloud('survey', 'adminList', { state: 'scheduled' })]).then((lists) =>
      setSurveys(lists.flatMap((r) => (r.ok ? r.data.items.map((s) => ({ id: s.id, title: s.title })) : []))),
    )
  }, [draft.kind, surveys])

  async function pickLocation() {
    if (process.env.TARO_ENV === 'weapp') {
      try {
        const picked = await Taro.chooseLocation({})
        set({ point: { lat: picked.latitude, lng: picked.longitude }, address: draft.address || picked.address || picked.name })
      } catch {
        // closed the picker: nothing changes
      }
      return
    }
    try {
      // this branch is the H5 build: Taro's browser getLocation gives WGS-84 only and fails on 'gcj02'
      const here = await Taro.getLocation({ type: 'wgs84' })
      set({ point: { lat: here.latitude, lng: here.longitude } })
    } catch {
      void Taro.showToast({ icon: 'none', title: '无法获取位置，请在地图上点选' })
    }
  }

  async function submit() {
    const found = problemWith(draft)
    setProblem(found)
    if (found) return
    const target = toTarget(draft) as PosterTarget
    if (!draft.point) return
    setBusy(true)
    const result = await callCloud('entry', 'registerPoster', {
      title: draft.title.trim(),
      place: { address: draft.address.trim(), lat: draft.point.lat, lng: draft.point.lng },
      target,
      requestId,
    })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ icon: 'success', title: '已登记' })
    setDraft(EMPTY)
    setRequestId(newRequestId())
    onRegistered(result.data)
  }

  const chapter = chapters.find((c) => c.id === draft.chapterId)
  const grid = draft.point ? gridAt(grids, draft.point) : null
  return (
    <View className='wm-poster-form' id='wm-poster-form'>
      <Text className='wm-field-label'>海报标题</Text>
      <Input
        id='wm-poster-title'
        className='wm-field-input'
        value={draft.title}
        maxlength={40}
        placeholder='如：垃圾分类就是新时尚'
        onInput={(e) => set({ title: e.detail.value })}
      />
      <Text className='wm-field-label'>张贴地点</Text>
      <Input
        id='wm-poster-address'
        className='wm-field-input'
        value={draft.address}
        maxlength={80}
        placeholder='如：文明路与人民路口公交站'
        onInput={(e) => set({ address: e.detail.value })}
      />
      <View className='wm-poster-form__link' role='button' id='wm-poster-locate' onClick={() => void pickLocation()}>
        <Text>{process.env.TARO_ENV === 'weapp' ? '在地图上选择位置' : '使用当前位置'}</Text>
      </View>
      {grids.length > 0 || draft.point ? (
        <PlaceMap
          id='wm-poster-map'
          grids={grids}
          highlightGridId={grid?.id ?? null}
          pin={draft.point}
          pinTitle={draft.title || undefined}
          frame={draft.point && process.env.TARO_ENV === 'weapp' ? 'place' : 'city'}
          onPick={(point) => set({ point })}
          label='点选海报张贴位置'
        />
      ) : null}
      <Text className='wm-text-secondary' id='wm-poster-place'>
        {draft.point ? (grid ? `张贴位置：${grid.name}（扫码随手拍将转给该网格）` : '张贴位置不在本市网格内，请重新选择') : '尚未标记张贴位置：点上方链接，或在地图上点选'}
      </Text>

      <Text className='wm-field-label'>扫码后打开</Text>
      <View className='wm-poster-form__chips' role='radiogroup'>
        {KINDS.map((kind) => (
          <View
            key={kind}
            id={`wm-target-${kind}`}
            className={`wm-poster-form__chip${draft.kind === kind ? ' wm-poster-form__chip--on' : ''}`}
            role='radio'
            aria-checked={draft.kind === kind}
            onClick={() => set({ kind })}
          >
            <Text>
              {draft.kind === kind ? '● ' : '○ '}
              {TARGET_LABEL[kind]}
            </Text>
          </View>
        ))}
      </View>

      {draft.kind === 'chapter' ? (
        <View className='wm-poster-form__sub'>
          <Text className='wm-field-label'>章节</Text>
          <View className='wm-poster-form__chips'>
            {chapters.map((c) => (
              <View
                key={c.id}
                id={`wm-target-chapter-${c.id}`}
                className={`wm-poster-form__chip wm-poster-form__chip--small${draft.chapterId === c.id ? ' wm-poster-form__chip--on' : ''}`}
                role='radio'
                aria-checked={draft.chapterId === c.id}
                onClick={() => set({ chapterId: c.id, sectionId: '' })}
              >
                <Text>{c.title}</Text>
              </View>
            ))}
          </View>
          {chapter ? (
            <>
              <Text className='wm-field-label'>小节（可不选，打开整章）</Text>
              <View className='wm-poster-form__chips'>
                {chapter.sections.map((s) => (
                  <View
                    key={s.id}
                    className={`wm-poster-form__chip wm-poster-form__chip--small${draft.sectionId === s.id ? ' wm-poster-form__chip--on' : ''}`}
                    role='radio'
                    aria-checked={draft.sectionId === s.id}
                    onClick={() => set({ sectionId: draft.sectionId === s.id ? '' : s.id })}
                  >
                    <Text>{s.title}</Text>
                  </View>
                ))}
              </View>
            </>
          ) : null}
        </View>
      ) : null}

      {draft.kind === 'activity' ? (
        <View className='wm-poster-form__sub'>
          <Text className='wm-field-label'>活动编号</Text>
          <Input
            className='wm-field-input'
            value={draft.activityId}
            maxlength={64}
            placeholder='志愿活动页面地址中 id= 后面的编号'
            onInput={(e) => set({ activityId: e.detail.value })}
          />
        </View>
      ) : null}

      {draft.kind === 'survey' ? (
        <View className='wm-poster-form__sub' id='wm-poster-surveys'>
          <Text className='wm-field-label'>问卷</Text>
          {surveys === null ? <Text className='wm-text-tertiary'>正在读取问卷…</Text> : null}
          {surveys && surveys.length === 0 ? <Text className='wm-text-tertiary'>没有进行中或待开始的问卷：请先在「民意调查」里发布问卷。</Text> : null}
          {(surveys ?? []).map((survey) => (
            <View
              key={survey.id}
              id={`wm-poster-survey-${survey.id}`}
              className={`wm-poster-form__chip${draft.surveyId === survey.id ? ' wm-poster-form__chip--on' : ''}`}
              role='radio'
              aria-checked={draft.surveyId === survey.id}
              onClick={() => set({ surveyId: survey.id })}
            >
              <Text>
                {draft.surveyId === survey.id ? '● ' : '○ '}
                {survey.title}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {problem ? (
        <View className='wm-poster-form__problem' role='alert'>
          <Text>{problem}</Text>
        </View>
      ) : null}
      <Button id='wm-poster-submit' block type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        登记并生成小程序码
      </Button>
    </View>
  )
}
