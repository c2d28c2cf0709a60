import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { chooseAndUploadSheet, openSheet } from '@/lib/sheet-file'
import type { QuestionImportView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { Action, BackToIndex, Done, Problem, Refusal } from './common'

/** the 题库表 columns as the server reads them (QUESTION_COLUMNS lives in a zod file a screen may not import) */
const COLUMNS: Array<{ name: string; required: boolean; how: string }> = [
  { name: '题号', required: true, how: '字母、数字、- 或 _；已有题号即修改该题，新题号即新增' },
  { name: '专题', required: true, how: '如 垃圾分类、文明交通' },
  { name: '题型', required: true, how: '单选题、多选题或判断题' },
  { name: '难度', required: false, how: '易、中或难，不填为中' },
  { name: '题干', required: true, how: '200 字以内' },
  { name: '选项A–选项D', required: false, how: '选择题从 A 起连续填写，至少 3 个；判断题不填' },
  { name: '答案', required: true, how: '选项字母，如 B 或 AC；判断题填 正确 或 错误' },
  { name: '解析', required: true, how: '答题后显示' },
  { name: '手册小节', required: true, how: '手册小节编号，如 waste-hazardous' },
]
const SHEET_MAX_BYTES = 5 * 1024 * 1024

/** 题库: import questions from a clerk's Excel sheet — checked first (新增 / 修改 / 未变), applied on 确认导入. */
export function QuestionsView() {
  const [forbidden, setForbidden] = useState(false)
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null)
  const [busy, setBusy] = useState<'template' | 'upload' | 'check' | 'apply' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [issues, setIssues] = useState<Fail['issues']>(undefined)
  const [preview, setPreview] = useState<QuestionImportView | null>(null)
  const [applied, setApplied] = useState<QuestionImportView | null>(null)
  if (forbidden) return <Refusal what='题库' />

  const failed = (r: Fail) => {
    if (r.code === 'AUTH.FORBIDDEN') return setForbidden(true)
    // the rows are listed one by one below: the headline keeps only its first words
    setProblem(r.issues?.length ? (r.message.split('：')[0] ?? r.message) : r.message)
    setIssues(r.issues)
  }
  const download = async () => {
    setBusy('template')
    const r = await callCloud('settings', 'questionTemplate', {})
    setBusy(null)
    if (!r.ok) return failed(r)
    await openSheet(r.data.url, r.data.name)
  }
  const choose = async () => {
    setProblem(null)
    setIssues(undefined)
    setPreview(null)
    setApplied(null)
    const sheet = await chooseAndUploadSheet(SHEET_MAX_BYTES, () => setBusy('upload'))
    if (!sheet) return
    if ('problem' in sheet) {
      setBusy(null)
      return setProblem(sheet.problem)
    }
    setFile(sheet)
    setBusy('check')
    const r = await callCloud('settings', 'importQuestions', { fileId: sheet.fileId, dryRun: true })
    setBusy(null)
    if (!r.ok) return failed(r)
    setPreview(r.data)
  }
  const confirm = async () => {
    if (!file) return
    setBusy('apply')
    setProblem(null)
    const r = await callCloud('settings', 'importQuestions', { fileId: file.fileId })
    setBusy(null)
    if (!r.ok) return failed(r)
    setPreview(null)
    setApplied(r.data)
    void Taro.showToast({ icon: 'success', title: '已导入' })
  }

  return (
    <View className='wm-oc' id='wm-oc-questions'>
      <BackToIndex />
      <View className='wm-oc-cols'>
        <View className='wm-card'>
          <Text className='wm-oc-item__title'>从 Excel 导入题目</Text>
          <Text className='wm-text-secondary wm-oc-line'>先检查、再导入：检查时只列出新增、修改和未变的题数，不写入；表中任何一行有错，整张表都不导入，并逐行说明。</Text>
          <Text className='wm-oc-label'>表格的列（第一行写列名，顺序不限）</Text>
          {COLUMNS.map((c) => (
            <Text key={c.name} className='wm-oc-change'>
              {c.name}
              {c.required ? '（必填）' : ''}：{c.how}
            </Text>
          ))}
          <View className='wm-oc-buttons'>
            <Action kind='plain' text='下载模板表格' id='wm-oc-questions-template' busy={busy === 'template'} disabled={!!busy} onClick={() => void download()} />
            <Action text={file ? '重新选择表格' : '选择表格并检查'} id='wm-oc-questions-choose' busy={busy === 'upload' || busy === 'check'} disabled={!!busy} onClick={() => void choose()} />
          </View>
          {busy === 'upload' ? <Text className='wm-text-tertiary wm-oc-line'>正在上传…</Text> : null}
          {busy === 'check' ? <Text className='wm-text-tertiary wm-oc-line'>正在检查表格，尚未导入…</Text> : null}
          {file ? <Text className='wm-text-secondary wm-oc-line'>已选：{file.name}</Text> : null}
        </View>
        <View>
          {problem ? (
            <View className='wm-card' id='wm-oc-questions-issues'>
              <Problem text={problem} id='wm-oc-questions-problem' />
              {issues?.length ? (
                <View className='wm-oc-issues'>
                  <Text className='wm-text-secondary wm-oc-line'>共 {issues.length} 处问题，改好后重新选择表格：</Text>
                  {issues.slice(0, 200).map((i, n) => (
                    <Text key={`${i.path}-${n}`} className='wm-oc-change' id={`wm-oc-questions-issue-${n}`}>
                      {i.path}：{i.message}
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          ) : null}
          {preview ? (
            <View className='wm-card' id='wm-oc-questions-preview'>
              <Text className='wm-oc-item__title'>检查通过，尚未导入</Text>
              <Text className='wm-text-secondary wm-oc-line'>共读取 {preview.rows} 道题。确认后按下面的变化导入：</Text>
              <Counts v={preview} />
              {preview.added.length + preview.changed.length === 0 ? (
                <Text className='wm-text-secondary wm-oc-line' id='wm-oc-questions-same'>
                  与题库完全一致，无需导入。
                </Text>
              ) : (
                <View className='wm-oc-buttons'>
                  <Action text='确认导入' id='wm-oc-questions-confirm' busy={busy === 'apply'} onClick={() => void confirm()} />
                </View>
              )}
            </View>
          ) : null}
          {applied ? (
            <View className='wm-card' id='wm-oc-questions-applied'>
              <Done text='已导入，已记入修改记录。新题目即刻进入每日一练和专题练习。' id='wm-oc-questions-done' />
              <Counts v={applied} />
              <View className='wm-oc-buttons'>
                <Action kind='plain' text='查看题库' id='wm-oc-questions-bank' onClick={() => openPage('/packages/quiz/pages/manage/index')} />
              </View>
            </View>
          ) : null}
        </View>
      </View>
    </View>
  )
}

function Counts({ v }: { v: QuestionImportView }) {
  const list = (ids: string[]) => (ids.length > 12 ? `${ids.slice(0, 12).join('、')} 等 ${ids.length} 题` : ids.join('、'))
  return (
    <View>
      <View className='wm-oc-counts' id='wm-oc-questions-counts'>
        {(
          [
            ['新增', v.added.length, 'added'],
            ['修改', v.changed.length, 'changed'],
            ['未变', v.unchanged, 'unchanged'],
          ] as const
        ).map(([label, n, key]) => (
          <View key={key} className='wm-oc-count' id={`wm-oc-questions-${key}`}>
            <Text className='wm-oc-count__n'>{n}</Text>
            <Text className='wm-text-secondary wm-oc-line'>{label}</Text>
          </View>
        ))}
      </View>
      {v.added.length ? <Text className='wm-text-tertiary wm-oc-line'>新增题号：{list(v.added)}</Text> : null}
      {v.changed.length ? <Text className='wm-text-tertiary wm-oc-line'>修改题号：{list(v.changed)}</Text> : null}
    </View>
  )
}
