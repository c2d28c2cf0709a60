import { useCallback, useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import type { Fail } from '@/shared/errors'
import type { HandbookDraftSummary, HandbookToc, HandbookVersionView } from '@/shared/handbook/types'
import './publish-panel.scss'
import { shanghaiTime } from '@/lib/time'

export const CHAPTER_EDITOR = '/packages/office/pages/handbook-edit/index'

interface PanelData {
  toc: HandbookToc
  drafts: HandbookDraftSummary[]
  versions: HandbookVersionView[]
}

async function loadPanel(): Promise<PanelData | Fail> {
  const [toc, drafts, versions] = await Promise.all([
    callCloud('handbook', 'toc', {}),
    callCloud('handbook', 'drafts', {}),
    callCloud('handbook', 'versions', {}),
  ])
  if (!toc.ok) return toc
  if (!drafts.ok) return drafts
  if (!versions.ok) return versions
  return { toc: toc.data, drafts: drafts.data.items, versions: versions.data.items }
}

/**
 * 手册发布: edit chapters into drafts, then publish them together as the next version. Residents'
 * phones pick the new version up the next time they open the handbook (unchanged chapters stay
 * downloaded).
 */
export function PublishPanel() {
  const [data, setData] = useState<PanelData | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const reload = useCallback(async () => {
    const result = await loadPanel()
    if ('ok' in result) return setError(result)
    setError(null)
    setData(result)
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  useDidShow(() => {
    if (data) void reload()
  })

  if (!data) {
    return (
      <View className='wm-card'>{error ? <ErrorState what='手册' message={error.message} onRetry={() => void reload()} /> : <Skeleton rows={6} />}</View>
    )
  }
  const { toc, drafts, versions } = data

  async function discard(chapterId: string) {
    const sure = await Taro.showModal({ title: '放弃这一章的修改？', content: '草稿会被删除，已发布的内容不受影响。' })
    if (!sure.confirm) return
    const result = await callCloud('handbook', 'discardDraft', { chapterId })
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    void reload()
  }

  async function publish() {
    if (!note.trim()) return void Taro.showToast({ icon: 'none', title: '请写一句更新说明' })
    const sure = await Taro.showModal({ title: `发布第 ${toc.version + 1} 版？`, content: `包含 ${drafts.length} 章修改，市民下次打开手册时更新。` })
    if (!sure.confirm) return
    setBusy(true)
    const result = await callCloud('handbook', 'publish', { baseVersion: toc.version, note: note.trim() })
    setBusy(false)
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message, duration: 3000 })
    setNote('')
    void Taro.showToast({ icon: 'success', title: `已发布第 ${result.data.version} 版` })
    void reload()
  }

  function addChapter() {
    // the product names a new chapter itself (chapter-N, free among the published and drafted ones):
    // the clerk writes its title in the editor and never sees an id
    const taken = new Set([...toc.chapters.map((c) => c.id), ...drafts.map((d) => d.chapterId)])
    let n = toc.chapters.length + 1
    while (taken.has(`chapter-${n}`)) n++
    openPage(`${CHAPTER_EDITOR}?chapter=chapter-${n}&new=1`)
  }

  return (
    <View className='wm-publish' id='wm-publish'>
      <View className='wm-card wm-publish__current'>
        <Text className='wm-publish__version'>当前第 {toc.version} 版</Text>
        <Text className='wm-text-secondary'>
          {shanghaiTime(toc.publishedAt, 'YYYY年M月D日 HH:mm')}发布 · {toc.chapters.length} 章 · {toc.note}
        </Text>
      </View>

      <Text className='wm-section-title'>待发布的修改</Text>
      <View className='wm-card' id='wm-publish-drafts'>
        {drafts.length === 0 ? (
          <Text className='wm-text-secondary'>暂无草稿。在下面的章节列表里点“编辑”开始修改。</Text>
        ) : (
          <>
            {drafts.map((d) => (
              <View key={d.chapterId} className='wm-publish__row'>
                <View className='wm-publish__row-text'>
                  <Text className='wm-publish__row-title'>
                    {d.title}
                    {d.isNew ? '（新增）' : ''}
                  </Text>
                  <Text className='wm-text-tertiary'>
                    {shanghaiTime(d.stagedAt, 'M月D日 HH:mm')}保存{d.baseVersion !== toc.version ? ` · 基于第 ${d.baseVersion} 版` : ''}
                  </Text>
                </View>
                <View className='wm-publish__link' role='button' onClick={() => openPage(`${CHAPTER_EDITOR}?chapter=${d.chapterId}`)}>
                  <Text>编辑</Text>
                </View>
                <View className='wm-publish__link' role='button' onClick={() => void discard(d.chapterId)}>
                  <Text>放弃</Text>
                </View>
              </View>
            ))}
            <Input
              id='wm-publish-note'
              className='wm-publish__input'
              value={note}
              maxlength={100}
              placeholder='更新说明，如：更新垃圾分类投放时间'
              onInput={(e) => setNote(e.detail.value)}
            />
            <Button id='wm-publish-submit' block type='primary' loading={busy} disabled={busy} onClick={() => void publish()}>
              发布为第 {toc.version + 1} 版
            </Button>
          </>
        )}
      </View>

      <Text className='wm-section-title'>章节</Text>
      <View className='wm-card'>
        {toc.chapters.map((c) => (
          <View key={c.id} className='wm-publish__row'>
            <View className='wm-publish__row-text'>
              <Text className='wm-publish__row-title'>{c.title}</Text>
              <Text className='wm-text-tertiary'>
                {c.sections.length} 节 · 第 {c.revision} 版修订
              </Text>
            </View>
            <View className='wm-publish__link' role='button' id={`wm-edit-${c.id}`} onClick={() => openPage(`${CHAPTER_EDITOR}?chapter=${c.id}`)}>
              <Text>编辑</Text>
            </View>
          </View>
        ))}
        <View className='wm-publish__add'>
          <Button type='default' fill='outline' id='wm-publish-add-chapter' onClick={addChapter}>
            新增章节
          </Button>
        </View>
      </View>

      <Text className='wm-section-title'>发布记录</Text>
      <View className='wm-card'>
        {versions.map((v) => (
          <View key={v.version} className='wm-publish__row'>
            <View className='wm-publish__row-text'>
              <Text className='wm-publish__row-title'>
                第 {v.version} 版 · {v.source === 'repo' ? '随版本发布' : '文明办发布'}
              </Text>
              <Text className='wm-text-tertiary'>
                {shanghaiTime(v.publishedAt, 'YYYY年M月D日 HH:mm')} · {v.note} · 改动 {v.changedChapters.length} 章
              </Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
