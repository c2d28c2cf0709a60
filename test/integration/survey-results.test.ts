import ExcelJS from 'exceljs'
import { expectOk, type TestCloud } from '../support/cloud'
import { answerAs, DAY, openSurvey, startSurveyCloud, TEST_ADMIN, type Pick1 } from './survey-support'

/** 创文民意调查, results: rates from counters, Wilson intervals, small samples hidden, the trend, the export. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startSurveyCloud()
})
afterEach(() => cloud.close())

/**
 * 文明路网格 (grid-demo), 12 answers, worked by hand:
 *   q1 知晓: 知道 9, 不知道 3 → 知晓率 9/12 = 75%, Wilson [.4677, .9111]
 *   q4 满意: 非常满意 3, 满意 5, 一般 1, 不太满意 1, 说不清 2 → valid 12 − 2 = 10,
 *            满意度 (3 + 5) / 10 = 80%, Wilson [.4902, .9433]; 说不清 2 shown apart
 * 和平里网格 (grid-heping): 3 answers, below the minimum sample of 5 → sample only.
 */
const Q4 = ['a1', 'a1', 'a1', 'a2', 'a2', 'a2', 'a2', 'a2', 'a3', 'a4', 'a9', 'a9']
async function seedAnswers(surveyId: string) {
  for (let i = 0; i < 12; i++) {
    const picks: Pick1 = { q1: i < 9 ? 'a1' : 'a2', q4: Q4[i] }
    expectOk(await answerAs(cloud, `demo-${i}`, surveyId, { picks, ageBand: i < 4 ? '18-29' : '60-65' }))
  }
  for (let i = 0; i < 3; i++) expectOk(await answerAs(cloud, `heping-${i}`, surveyId, { communityId: 'grid-heping', picks: { q4: 'a5' } }))
}

test('a community’s 知晓率 and 满意度 match the hand-computed rates and intervals; 说不清 is apart', async () => {
  const survey = await openSurvey(cloud, { minSample: 5 })
  await seedAnswers(survey.id)
  const r = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: survey.id, communityId: 'grid-demo' }))
  expect(r.scope).toMatchObject({ communityId: 'grid-demo', name: '文明路网格', sample: 12, hidden: false })
  const awareness = r.scope.measures.find((m) => m.measure === 'awareness')
  expect(awareness).toMatchObject({ positive: 9, valid: 12, dontKnow: 0, answered: 12, rate: 0.75 })
  expect(awareness?.ci?.low).toBeCloseTo(0.4677, 4)
  expect(awareness?.ci?.high).toBeCloseTo(0.9111, 4)
  const satisfaction = r.scope.measures.find((m) => m.measure === 'satisfaction')
  expect(satisfaction).toMatchObject({ label: '满意度', positive: 8, valid: 10, dontKnow: 2, answered: 12, rate: 0.8 })
  expect(satisfaction?.ci?.low).toBeCloseTo(0.4902, 4)
  expect(satisfaction?.ci?.high).toBeCloseTo(0.9433, 4)
  const q4 = r.scope.questions.find((q) => q.questionId === 'q4')
  expect(q4?.options.map((o) => [o.label, o.count])).toEqual([['非常满意', 3], ['满意', 5], ['一般', 1], ['不太满意', 1], ['不满意', 0], ['说不清', 2]])
  expect(r.scope.ageBands.filter((b) => b.count > 0).map((b) => [b.band, b.count])).toEqual([['18-29', 4], ['60-65', 8]])
})

test('a community below the minimum sample shows its size and nothing else; the whole survey adds up', async () => {
  const survey = await openSurvey(cloud, { minSample: 5 })
  await seedAnswers(survey.id)
  const r = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: survey.id }))
  const heping = r.communities.find((c) => c.communityId === 'grid-heping')
  expect(heping).toMatchObject({ sample: 3, hidden: true, measures: [], ageBands: [] })
  const small = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: survey.id, communityId: 'grid-heping' }))
  expect(small.scope).toMatchObject({ sample: 3, hidden: true, questions: [], measures: [] })
  // whole survey: 15 answers; 满意度 (3 + 5) / (15 − 2) = 8/13
  expect(r.scope.sample).toBe(15)
  expect(r.scope.measures.find((m) => m.measure === 'satisfaction')).toMatchObject({ positive: 8, valid: 13, dontKnow: 2 })
  expect(r.communities.map((c) => c.communityId)).toEqual(['grid-demo', 'grid-heping'])
})

test('rounds of the same template form a trend, oldest first', async () => {
  const first = await openSurvey(cloud, { minSample: 1, requestId: 'round-1' })
  for (let i = 0; i < 4; i++) expectOk(await answerAs(cloud, `p${i}`, first.id, { picks: { q2: i < 2 ? 'a1' : 'a2' } }))
  expectOk(await cloud.as(TEST_ADMIN).call('survey', 'close', { surveyId: first.id }))
  cloud.clock.advance(30 * DAY)
  const second = await openSurvey(cloud, { minSample: 1, requestId: 'round-2' })
  for (let i = 0; i < 4; i++) expectOk(await answerAs(cloud, `p${i}`, second.id, { picks: { q2: i < 3 ? 'a1' : 'a9' } }))
  const r = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: second.id }))
  expect(r.trend.map((t) => t.surveyId)).toEqual([first.id, second.id])
  // 支持率: round 1 2/4 = 50%; round 2 3 of (4 − 1 说不清) = 100%
  expect(r.trend.map((t) => t.rates.support?.rate)).toEqual([0.5, 1])
  expect(r.trend[1].rates.support?.valid).toBe(3)
})

test('text answers reach the office only after the content check, and never the results', async () => {
  const survey = await openSurvey(cloud)
  expectOk(await answerAs(cloud, 'a', survey.id, { q8: '希望增加垃圾分类投放点' }))
  expectOk(await answerAs(cloud, 'b', survey.id, { q8: '小区门口有人代开发票' }))
  expectOk(await answerAs(cloud, 'c', survey.id, { q8: '路灯晚上不亮' }))
  // the refused text does not stop the answer: it is kept, counted as refused, and shown to nobody
  const page = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'textAnswers', { surveyId: survey.id, questionId: 'q8' }))
  expect(page.items.map((t) => t.text).sort()).toEqual(['希望增加垃圾分类投放点', '路灯晚上不亮'].sort())
  const r = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: survey.id }))
  expect(r.scope.sample).toBe(3)
  expect(r.scope.questions.find((q) => q.questionId === 'q8')?.text).toEqual({ passed: 2, pending: 0, rejected: 1 })
  expect(JSON.stringify(r)).not.toContain('希望增加')
})

test('the export has one row per answer and nobody in it, as CSV and as .xlsx', async () => {
  const survey = await openSurvey(cloud, { minAnswerSeconds: 30 })
  for (const p of ['oX1-person', 'oX2-person']) expectOk(await answerAs(cloud, p, survey.id, { q7: ['a1', 'a3'] }))
  expectOk(await answerAs(cloud, 'oX3-quick', survey.id, { seconds: 2 }))
  const csv = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'exportAnswers', { surveyId: survey.id, format: 'csv', delivery: 'inline' }))
  expect(csv).toMatchObject({ format: 'csv', rows: 2, fileID: null })
  const lines = (csv.content ?? '').replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  expect(lines[0].split(',').slice(0, 5)).toEqual(['答卷编号', '日期', '社区', '年龄段', '作答过快'])
  expect(lines.slice(1).every((l) => l.includes('文明路网格') && l.includes('街头公益广告；微信、网站等新媒体'))).toBe(true)
  const withFlagged = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'exportAnswers', { surveyId: survey.id, format: 'xlsx', delivery: 'inline', includeFlagged: true }))
  expect(withFlagged).toMatchObject({ format: 'xlsx', rows: 3 })
  // read back by a spreadsheet library, as Excel would open it
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(withFlagged.content ?? '', 'base64') as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const cells: string[][] = []
  sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  expect(cells).toHaveLength(4)
  expect(cells[0].slice(0, 5)).toEqual(['答卷编号', '日期', '社区', '年龄段', '作答过快'])
  expect(cells.slice(1).every((r) => r.includes('文明路网格'))).toBe(true)
  const text = workbook.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('')
  for (const secret of ['oX1', 'oX2', 'oX3']) {
    expect(csv.content?.includes(secret)).toBe(false)
    expect(text.includes(secret)).toBe(false)
  }
  const stored = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'exportAnswers', { surveyId: survey.id, format: 'xlsx', delivery: 'storage' }))
  expect(stored).toMatchObject({ content: null, fileID: expect.stringMatching(/^cloud:\/\//) })
  expect((await cloud.platform.db.collection('audit_log').where({ action: 'exportSurvey' }).get()).data).toHaveLength(3)
})

test('a survey tagging one measure twice, or unknown communities, is refused as a draft', async () => {
  const now = cloud.clock.now()
  const q = { kind: 'single' as const, required: true, measure: 'support' as const, options: [{ id: 'a1', label: '支持', positive: true }, { id: 'a2', label: '不支持' }] }
  const base = { title: '测试', intro: '', opensAt: now, closesAt: now + DAY, minAnswerSeconds: 0, minSample: 1, templateId: null }
  expect(
    await cloud.as(TEST_ADMIN).call('survey', 'createDraft', { ...base, questions: [{ ...q, id: 'q1', title: '一' }, { ...q, id: 'q2', title: '二' }], communityIds: null, requestId: 'd1' }),
  ).toMatchObject({ ok: false, code: 'SURVEY.INVALID_DRAFT' })
  expect(
    await cloud.as(TEST_ADMIN).call('survey', 'createDraft', { ...base, questions: [{ ...q, id: 'q1', title: '一' }], communityIds: ['grid-nowhere'], requestId: 'd2' }),
  ).toMatchObject({ ok: false, code: 'SURVEY.COMMUNITY_UNKNOWN' })
  const ok = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'createDraft', { ...base, questions: [{ ...q, id: 'q1', title: '一' }], communityIds: ['grid-demo'], requestId: 'd3' }))
  const again = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'createDraft', { ...base, questions: [{ ...q, id: 'q1', title: '一' }], communityIds: ['grid-demo'], requestId: 'd3' }))
  expect(again.id).toBe(ok.id)
})
