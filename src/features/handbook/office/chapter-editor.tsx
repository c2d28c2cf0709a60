import { alt } from '@/components/alt'
import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { uploadFile } from '@/lib/upload'
import type { Fail } from '@/shared/errors'
import { HANDBOOK_CHAPTERS } from '@/shared/handbook/ids'
import type { HandbookChapterContent } from '@/shared/handbook/types'
import { blocksToText, textToBlocks } from './markup'
import './chapter-editor.scss'

interface EditableSection {
  id: string
  title: string
  text: string
  /** quiz explanations link to it: it cannot be removed or renamed */
  fixed: boolean
}

interface Editable {
  id: string
  title: string
  summary: string
  glyph: string
  illustration: HandbookChapterContent['illustration']
  sections: EditableSection[]
}

const PUBLISH_PAGE = '/packages/office/pages/handbook/index'

const FIXED_SECTIONS = new Set<string>(HANDBOOK_CHAPTERS.flatMap((c) => [...c.sections]))

function toEditable(c: HandbookChapterContent): Editable {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    glyph: c.glyph,
    illustration: c.illustration,
    sections: c.sections.map((s) => ({ id: s.id, title: s.title, text: blocksToText(s.blocks), fixed: FIXED_SECTIONS.has(s.id) })),
  }
}

function toContent(e: Editable): HandbookChapterContent {
  return {
    id: e.id,
    title: e.title.trim(),
    summary: e.summary.trim(),
    glyph: e.glyph.trim(),
    ...(e.illustration ? { illustration: e.illustration } : {}),
    sections: e.sections.map((s) => ({ id: s.id, title: s.title.trim(), blocks: textToBlocks(s.text) })),
  }
}

async function loadEditable(chapterId: string, isNew: boolean): Promise<{ chapter: Editable; baseVersion: number; fromDraft: boolean } | Fail> {
  const toc = await callCloud('handbook', 'toc', {})
  if (!toc.ok) return toc
  if (isNew) {
    return {
      chapter: { id: chapterId, title: '', summary: '', glyph: '', illustration: undefined, sections: [{ id: `${chapterId}-intro`, title: '', text: '', fixed: false }] },
      baseVersion: toc.data.version,
      fromDraft: false,
    }
  }
  const draft = await callCloud('handbook', 'draft', { chapterId })
  if (draft.ok) return { chapter: toEditable(draft.data), baseVersion: toc.data.version, fromDraft: true }
  const live = await callCloud('handbook', 'chapter', { chapterId })
  if (!live.ok) return live
  return { chapter: toEditable(live.data), baseVersion: toc.data.version, fromDraft: false }
}

/**
 * Edits one chapter as plain text per section (see markup.ts for the few conventions) and saves
 * it as a draft of the next version. Fixed sections keep their ids; new sections get a new id.
 */
export function ChapterEditor({ chapterId, isNew }: { chapterId: string; isNew: boolean }) {
  const [state, setState] = useState<{ chapter: Editable; baseVersion: number; fromDraft: boolean } | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState<number | null>(null)
  const [preview, setPreview] = useState<string | null>(null)

  async function load() {
    const result = await loadEditable(chapterId, isNew)
    if ('ok' in result) return setError(result)
    setError(null)
    setState(result)
  }
  useEffect(() => {
    void load()
  }, [chapterId])

  if (!state) {
    return <View className='wm-card'>{error ? <ErrorState what='章节' message={error.message} code={error.code} onRetry={() => void load()} /> : <Skeleton rows={8} />}</View>
  }
  const { chapter } = state
  const update = (patch: Partial<Editable>) => setState((s) => (s ? { ...s, chapter: { ...s.chapter, ...patch } } : s))
  const updateSection = (index: number, patch: Partial<EditableSection>) =>
    update({ sections: chapter.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) })

  /**
   * A new section gets its id from the product, never from the clerk: readers' bookmarks and
   * reading progress point at it, so it must be unique and stable, not meaningful.
   */
  function addSection() {
    const taken = new Set([...chapter.sections.map((s) => s.id), ...FIXED_SECTIONS])
    let n = chapter.sections.length + 1
    while (taken.has(`section-${n}`)) n++
    update({ sections: [...chapter.sections, { id: `section-${n}`, title: '', text: '', fixed: false }] })
  }

  /** An optional picture at the top of the chapter (shown above the sections). */
  async function pickIllustration() {
    let path: string
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      path = chosen.tempFilePaths[0]
    } catch {
      return // closed the picker
    }
    setUploading(0)
    const ext = /\.png$/i.test(path) ? 'png' : 'jpg'
    const result = await uploadFile({
      filePath: path,
      cloudPath: `handbook/${chapter.id}-${Date.now().toString(36)}.${ext}`,
      onProgress: (percent) => setUploading(percent),
    })
    setUploading(null)
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    setPreview(path)
    update({ illustration: { fileID: result.data.fileID, alt: chapter.illustration?.alt || chapter.title || '插图' } })
  }

  async function save() {
    const content = toContent(chapter)
    if (!content.title || !content.summary || content.glyph.length !== 1) return setProblem('请填写章标题、一句话简介和一个字的徽标')
    const empty = content.sections.find((s) => !s.title || s.blocks.length === 0)
    if (empty) return setProblem(`小节“${empty.title || empty.id}”缺少标题或正文`)
    setProblem(null)
    setBusy(true)
    const result = await callCloud('handbook', 'stageChapter', { baseVersion: state?.baseVersion ?? 1, chapter: content })
    setBusy(false)
    if (!result.ok) {
      const detail = result.issues?.map((i) => `${i.path}：${i.message}`).join('；')
      return setProblem(detail ? `${result.message}（${detail}）` : result.message)
    }
    void Taro.showToast({ icon: 'success', title: '已存为草稿' })
    // back to 手册发布, where the draft now waits; opened directly (no page behind), go there instead
    setTimeout(() => {
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
      else void Taro.redirectTo({ url: PUBLISH_PAGE })
    }, 600)
  }

  return (
    <View className='wm-editor' id='wm-chapter-editor'>
      {state.fromDraft ? (
        <View className='wm-editor__note'>
          <Text>正在编辑尚未发布的草稿。</Text>
        </View>
      ) : null}
      <View className='wm-card'>
        <Text className='wm-editor__label'>章标题</Text>
        <Input className='wm-editor__input' value={chapter.title} maxlength={20} onInput={(e) => update({ title: e.detail.value })} />
        <Text className='wm-editor__label'>一句话简介（目录里显示）</Text>
        <Input className='wm-editor__input' value={chapter.summary} maxlength={80} onInput={(e) => update({ summary: e.detail.value })} />
        <Text className='wm-editor__label'>徽标（一个字）</Text>
        <Input className='wm-editor__input wm-editor__input--glyph' value={chapter.glyph} maxlength={1} onInput={(e) => update({ glyph: e.detail.value })} />
      </View>

      <View className='wm-card'>
        <Text className='wm-editor__label'>插图（可选）</Text>
        {chapter.illustration ? (
          <>
            {preview ? <Image className='wm-editor__picture' src={preview} mode='widthFix' {...alt('插图预览')} /> : null}
            <Text className='wm-text-tertiary'>已选插图{preview ? '' : '（保存后在章节页显示）'}</Text>
            <Text className='wm-editor__label'>插图说明（给读屏软件和图片加载失败时看）</Text>
            <Input
              className='wm-editor__input'
              value={chapter.illustration.alt}
              maxlength={60}
              onInput={(e) => update({ illustration: chapter.illustration ? { ...chapter.illustration, alt: e.detail.value } : undefined })}
            />
            <View className='wm-editor__remove' role='button' onClick={() => update({ illustration: undefined })}>
              <Text>去掉插图</Text>
            </View>
          </>
        ) : null}
        <Button type='default' fill='outline' disabled={uploading !== null} onClick={() => void pickIllustration()}>
          {uploading !== null ? `上传中 ${uploading}%` : chapter.illustration ? '换一张' : '选择图片'}
        </Button>
      </View>

      <View className='wm-editor__help'>
        <Text>
          正文写法：每段一行，空一行分段；“- ”开头为要点，“1. ”开头为步骤，“小贴士：”开头为提示。
        </Text>
      </View>

      {chapter.sections.map((s, index) => (
        <View key={s.id} className='wm-card wm-editor__section'>
          <View className='wm-editor__section-head'>
            <Text className='wm-text-tertiary'>
              小节 {index + 1} · {s.id}
              {s.fixed ? ' · 题库引用，不能删除' : ''}
            </Text>
            {!s.fixed ? (
              <View className='wm-editor__remove' role='button' onClick={() => update({ sections: chapter.sections.filter((_, i) => i !== index) })}>
                <Text>删除</Text>
              </View>
            ) : null}
          </View>
          <Input
            className='wm-editor__input'
            value={s.title}
            maxlength={30}
            placeholder='小节标题'
            onInput={(e) => updateSection(index, { title: e.detail.value })}
          />
          <TextArea
            className='wm-editor__textarea'
            value={s.text}
            maxlength={4000}
            autoHeight
            placeholder='正文'
            onInput={(value) => updateSection(index, { text: value })}
          />
        </View>
      ))}

      <View className='wm-card wm-editor__add'>
        <Button type='default' fill='outline' onClick={addSection}>
          添加小节
        </Button>
      </View>

      {problem ? (
        <View className='wm-editor__problem' role='alert'>
          <Text>{problem}</Text>
        </View>
      ) : null}
      <Button id='wm-editor-save' block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
        保存为草稿
      </Button>
    </View>
  )
}
