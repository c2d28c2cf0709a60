import { AGE_BAND_LABEL, type AgeBand, type SurveyExportView } from '@/shared/contract/survey'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { csvText } from '../csv'
import { S, shanghaiDate, surveyFail, type AnswerDoc, type SurveyDoc, type TextDoc } from './model'
import { listCommunities } from './office'
import { xlsxBuffer } from '../xlsx/write'

const PAGE = 100
/** one export's bound (a city-wide round is tens of thousands); the file says so if reached */
const MAX_ROWS = 200_000

/**
 * One row per answer: its random id, day, community, age band, 过快 flag and the chosen labels.
 * Nothing about a person is stored, so nothing about a person can be exported. Rows come in
 * random-id order, which says nothing about when each was given. Text answers are separate
 * rows in storage and go to their own sheet (xlsx) or section (CSV), passed ones only.
 */
export async function exportAnswers(
  input: { surveyId: string; format: 'csv' | 'xlsx'; delivery: 'inline' | 'storage'; includeFlagged?: boolean },
  ctx: ActionContext,
): Promise<SurveyExportView | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  if (!doc) return surveyFail('SURVEY.NOT_FOUND')
  const includeFlagged = input.includeFlagged === true
  const names = new Map((await listCommunities(ctx)).map((c) => [c.id, c.name]))
  const choiceQuestions = doc.questions.filter((q) => q.kind !== 'text')
  const header = ['答卷编号', '日期', '社区', '年龄段', '作答过快', ...choiceQuestions.map((q, i) => `${i + 1}. ${q.title}`)]
  const rows: Array<Array<string | number>> = [header]
  const where = includeFlagged ? { surveyId: doc._id } : { surveyId: doc._id, flagged: false }
  let truncated = false
  for (let skip = 0; ; skip += PAGE) {
    if (skip >= MAX_ROWS) {
      truncated = true
      break
    }
    const { data } = await ctx.db.collection(S.answers).where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const a of data as unknown as AnswerDoc[]) {
      rows.push([
        a._id,
        a.day,
        names.get(a.communityId) ?? a.communityId,
        AGE_BAND_LABEL[a.ageBand as AgeBand] ?? a.ageBand,
        a.flagged ? '是' : '否',
        ...choiceQuestions.map((q) => (a.choices[q.id] ?? []).map((id) => q.options.find((o) => o.id === id)?.label ?? id).join('；')),
      ])
    }
    if (data.length < PAGE) break
  }
  const answerRows = rows.length - 1
  if (truncated) rows.push([`（超过 ${MAX_ROWS} 份，其余未导出）`])

  const textRows: Array<Array<string | number>> = [['题目', '日期', '社区', '作答过快', '回答']]
  for (const q of doc.questions.filter((x) => x.kind === 'text')) {
    for (let skip = 0; skip < MAX_ROWS; skip += PAGE) {
      const { data } = await ctx.db.collection(S.texts).where({ surveyId: doc._id, questionId: q.id, status: 'passed' }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
      for (const t of data as unknown as TextDoc[]) {
        if (t.flagged && !includeFlagged) continue
        textRows.push([q.title, t.day, names.get(t.communityId) ?? t.communityId, t.flagged ? '是' : '否', t.text])
      }
      if (data.length < PAGE) break
    }
  }

  const now = ctx.clock.now()
  const base = `${doc.title}_答卷_${shanghaiDate(now)}`
  const filename = `${base}.${input.format}`
  const bytes =
    input.format === 'xlsx'
      ? xlsxBuffer([
          { name: '答卷', rows },
          { name: '简答', rows: textRows },
        ])
      : Buffer.from(csvText(textRows.length > 1 ? [...rows, [], ['简答题回答'], ...textRows] : rows), 'utf8')
  await writeAudit(ctx, { subjectType: 'survey', subjectId: doc._id, action: 'exportSurvey', detail: { format: input.format, rows: answerRows, includeFlagged, delivery: input.delivery } })
  if (input.delivery === 'inline') {
    return { filename, format: input.format, rows: answerRows, content: input.format === 'xlsx' ? bytes.toString('base64') : bytes.toString('utf8'), fileID: null, tempUrl: null }
  }
  const { fileID } = await ctx.storage.uploadFile({ cloudPath: `survey/exports/${doc._id}-${now}.${input.format}`, fileContent: bytes })
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { filename, format: input.format, rows: answerRows, content: null, fileID, tempUrl: fileList[0]?.tempFileURL ?? null }
}
