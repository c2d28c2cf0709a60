import { alt } from '@/components/alt'
import { useState } from 'react'
import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { viewPhotos } from '@/components/photo-viewer'
import type { EvidenceView, TaskDetailView } from '@/shared/contract'
import { EVIDENCE_STATUS_LABEL, INSPECT_LIMITS, METHOD_LABEL, TASK_ROLE_LABEL } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { uploadFile } from '@/lib/upload'
import { useLoad } from '../api'
import { newId } from '../outbox'
import type { InspectParams } from '../labels'
import { Btn, Done, Gone, Problem, Tag, dateText, gate, minuteText } from './orders'
import '../field.scss'

interface PickedFile {
  key: string
  name: string
  path: string
  kind: 'image' | 'document'
  progress: number
  fileId: string | null
  error: string | null
}

const baseName = (path: string) => decodeURIComponent(path.split(/[\\/]/).pop() ?? '').slice(-60)

/** H5: a plain file input for PDF and Word (the browser has no chooseMessageFile). */
function pickDocumentsInBrowser(count: number): Promise<Array<{ name: string; path: string }>> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    input.multiple = true
    input.style.display = 'none'
    input.onchange = () => {
      resolve(Array.from(input.files ?? []).slice(0, count).map((f) => ({ name: f.name, path: URL.createObjectURL(f) })))
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })
}

async function pickDocuments(count: number): Promise<Array<{ name: string; path: string }>> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const chosen = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf', 'docx'] })
      return chosen.tempFiles.map((f) => ({ name: f.name, path: f.path }))
    } catch {
      return []
    }
  }
  return pickDocumentsInBrowser(count)
}

async function pickImages(count: number): Promise<Array<{ name: string; path: string }>> {
  try {
    const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return chosen.tempFilePaths.map((path, i) => ({ name: `照片${i + 1}.jpg`, path }))
  } catch {
    return []
  }
}

/**
 * 一项任务: the standard as the 测评体系 words it, how it is assessed, what 佐证材料 it needs,
 * who else works on it, every submission and the office's answer; the unit's 联络员 submits
 * files (photos, PDF, Word) with a note.
 */
export function TaskView({ params }: { params: InspectParams }) {
  const load = useLoad(() => (params.taskId ? callCloud('inspect', 'task', { taskId: params.taskId }) : Promise.resolve({ ok: false as const, code: 'INSPECT.TASK_NOT_FOUND', message: '' })), [params.taskId])
  if (!params.taskId) return <Gone />
  const d: TaskDetailView | null = load.data
  if (!d) return <>{gate(load, { audience: 'liaison', what: '任务详情', byId: true })}</>
  const t = d.task
  const pending = d.evidence.some((e) => e.status === 'submitted')
  return (
    <View className='wm-fd wm-fd-cols' id='wm-inspect-task'>
      <View className='wm-fd-main'>
        <View className='wm-card'>
          <Text className='wm-text-secondary'>
            {t.project} › {t.content}
          </Text>
          <View className='wm-fd-row wm-fd-gap-s'>
            <Text className='wm-fd-code'>{t.number}</Text>
            <View className='wm-fd-tags'>
              <Tag text={TASK_ROLE_LABEL[t.role]} tone={t.role === 'lead' ? 'gold' : 'plain'} />
              {t.overdue ? <Tag text='逾期' tone='red' /> : null}
              <Tag text={`材料${EVIDENCE_STATUS_LABEL[t.evidenceStatus]}`} tone={t.evidenceStatus === 'accepted' ? 'ok' : t.evidenceStatus === 'returned' ? 'red' : 'plain'} />
            </View>
          </View>
          <Text className='wm-fd-body'>{t.text}</Text>
          <Text className='wm-fd-label'>测评方法</Text>
          <Text>{t.methods.map((m) => METHOD_LABEL[m]).join('、') || '未写明'}</Text>
          <Text className='wm-fd-label'>佐证材料要求</Text>
          <Text>{t.evidence || '该项不需要佐证材料'}</Text>
          <Text className='wm-fd-label'>完成时限</Text>
          <Text className={t.overdue ? 'wm-fd-late' : ''}>{t.deadline === null ? '未定时限' : `${dateText(t.deadline)}${t.overdue ? '（已逾期）' : ''}`}</Text>
          <Text className='wm-fd-label'>责任单位</Text>
          <Text>
            牵头：{d.lead?.name ?? '未定'}
            {d.supports.length > 0 ? `；配合：${d.supports.map((u) => u.name).join('、')}` : ''}
          </Text>
        </View>
        {t.returnReason && t.evidenceStatus === 'returned' ? <Problem text={`文明办退回：${t.returnReason}。请按要求补充后重新提交。`} id='wm-inspect-task-return' /> : null}
      </View>
      <View className='wm-fd-side'>
        {d.maySubmit && t.methods.includes('material') ? (
          pending ? (
            <View className='wm-card'>
              <Text>上一份材料正在等待文明办审核，审核后可再次提交。</Text>
            </View>
          ) : t.evidenceStatus === 'accepted' ? null : (
            <SubmitForm taskId={t.taskId} onDone={() => load.reload()} />
          )
        ) : null}
        <Text className='wm-section-title'>提交记录</Text>
        {d.evidence.length === 0 ? (
          <View className='wm-card'>
            <Text className='wm-text-secondary'>{t.needsEvidence ? '还没有提交过佐证材料。' : '该项没有佐证材料记录。'}</Text>
          </View>
        ) : (
          d.evidence.map((e) => <EvidenceCard key={e.evidenceId} evidence={e} />)
        )}
      </View>
    </View>
  )
}

function EvidenceCard({ evidence: e }: { evidence: EvidenceView }) {
  const images = e.files.filter((f) => f.kind === 'image' && !f.held).map((f) => f.url)
  return (
    <View className='wm-card'>
      <View className='wm-fd-row'>
        <Text className='wm-text-secondary'>{minuteText(e.submittedAt)} 提交</Text>
        <Tag text={EVIDENCE_STATUS_LABEL[e.status]} tone={e.status === 'accepted' ? 'ok' : e.status === 'returned' ? 'red' : 'gold'} />
      </View>
      {e.note ? <Text className='wm-fd-body'>{e.note}</Text> : null}
      <View className='wm-fd-files'>
        {e.files.map((f, i) =>
          f.kind === 'image' && !f.held ? (
            <View key={i} role='button' aria-label={`查看照片 ${f.name}`} onClick={() => viewPhotos(images, f.url)}>
              <Image className='wm-fd-thumb' src={f.url} mode='aspectFill' {...alt('')} />
            </View>
          ) : (
            <View key={i} className='wm-fd-file' role={f.held ? undefined : 'link'} onClick={f.held ? undefined : () => openDocument(f.url, f.name)}>
              <Text>
                {f.kind === 'image' ? '图片' : '文件'}：{f.name}
                {f.held ? '（内容检测中，暂不可查看）' : ''}
              </Text>
            </View>
          ),
        )}
      </View>
      {e.reason ? <Text className='wm-fd-late'>退回原因：{e.reason}</Text> : null}
      {e.reviewedAt ? <Text className='wm-text-tertiary'>{minuteText(e.reviewedAt)} 审核</Text> : null}
    </View>
  )
}

function openDocument(url: string, name: string) {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.downloadFile({ url })
      .then((r) => Taro.openDocument({ filePath: r.tempFilePath, showMenu: true }))
      .catch(() => Taro.showToast({ icon: 'none', title: `无法打开「${name}」` }))
    return
  }
  window.open(url, '_blank')
}

function SubmitForm({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const [files, setFiles] = useState<PickedFile[]>([])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // one id per submission: a double tap or a resend on a bad signal is the same submission
  const [requestId, setRequestId] = useState(newId)
  const room = INSPECT_LIMITS.filesPerEvidence - files.length
  const patch = (key: string, change: Partial<PickedFile>) => setFiles((prev) => prev.map((f) => (f.key === key ? { ...f, ...change } : f)))

  const send = async (f: PickedFile) => {
    const up = await uploadFile({ area: 'evidence', filePath: f.path, onProgress: (p) => patch(f.key, { progress: p }) })
    patch(f.key, up.ok ? { fileId: up.data.fileID, progress: 100, error: null } : { error: up.message })
  }
  const add = async (kind: 'image' | 'document') => {
    if (room <= 0) return
    const picked = kind === 'image' ? await pickImages(room) : await pickDocuments(room)
    const fresh: PickedFile[] = picked.slice(0, room).map((p) => ({ key: newId(), name: p.name.slice(0, 80) || '文件', path: p.path, kind, progress: 0, fileId: null, error: null }))
    setFiles((prev) => [...prev, ...fresh])
    setDone(null)
    await Promise.all(fresh.map(send))
  }
  const submit = async () => {
    setProblem(null)
    if (files.length === 0) return setProblem('请至少选择一个文件（照片、PDF 或 Word）')
    if (files.some((f) => f.fileId === null && f.error === null)) return setProblem('文件还在上传，请稍候')
    if (files.some((f) => f.error !== null)) return setProblem('有文件上传失败，请点该文件重试或删除后再提交')
    setBusy(true)
    const r = await callCloud('inspect', 'submitEvidence', { taskId, files: files.map((f) => ({ fileId: f.fileId ?? '', name: f.name })), note: note.trim(), requestId })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setFiles([])
    setNote('')
    setRequestId(newId())
    setDone('已提交，等待文明办审核')
    onDone()
  }

  return (
    <View className='wm-card' id='wm-inspect-evidence-form'>
      <Text className='wm-fd-title'>提交佐证材料</Text>
      <Text className='wm-text-secondary'>可上传照片、PDF 或 Word（.docx），最多 {INSPECT_LIMITS.filesPerEvidence} 个</Text>
      <View className='wm-fd-files'>
        {files.map((f) => (
          <View key={f.key} className='wm-fd-file wm-fd-file--up'>
            <Text className='wm-fd-file__name'>
              {f.kind === 'image' ? '图片' : '文件'}：{f.name || baseName(f.path)}
            </Text>
            {f.error ? (
              <View role='button' className='wm-fd-link' onClick={() => (patch(f.key, { error: null, progress: 0 }), void send(f))}>
                <Text>上传失败，点此重试</Text>
              </View>
            ) : (
              <Text className='wm-text-secondary'>{f.fileId ? '已上传' : `上传中 ${f.progress}%`}</Text>
            )}
            <View className='wm-fd-progress'>
              <View className='wm-fd-progress__bar' style={{ width: `${f.fileId ? 100 : f.progress}%` }} />
            </View>
            <View role='button' className='wm-fd-link' aria-label={`删除 ${f.name}`} onClick={() => setFiles((prev) => prev.filter((x) => x.key !== f.key))}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
      </View>
      {room > 0 ? (
        <View className='wm-fd-pair'>
          <Btn id='wm-inspect-evidence-add-image' tone='ghost' text='添加照片' onTap={() => void add('image')} />
          <Btn id='wm-inspect-evidence-add-file' tone='ghost' text='添加 PDF / Word' onTap={() => void add('document')} />
        </View>
      ) : null}
      <Text className='wm-field-label'>说明（选填）</Text>
      <Textarea
        className='wm-fd-textarea'
        id='wm-inspect-evidence-note'
        value={note}
        maxlength={INSPECT_LIMITS.noteMax}
        placeholder='简要说明材料内容，如「2026年第四季度志愿服务台账」'
        onInput={(e) => setNote(e.detail.value)}
      />
      <Problem text={problem} id='wm-inspect-evidence-problem' />
      <Done text={done} id='wm-inspect-evidence-done' />
      <Btn id='wm-inspect-evidence-submit' text='提交材料' busy={busy} onTap={() => void submit()} />
    </View>
  )
}
