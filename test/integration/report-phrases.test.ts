import { expectOk } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/** 常用语: the office keeps them per category and step; staff read them; every change is audited. */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const audits = async () =>
  (await cloud.platform.db.collection('audit_log').where({ subjectType: 'reportPhrases' }).get()).data as unknown as Array<{ subjectId: string; actorOpenid?: string }>

test('a new city starts with a set: the category’s own replies first, then the city-wide ones', async () => {
  const texts = expectOk(await cloud.as(P.handler).call('report', 'phrases', { categoryId: 'illegal-ads', step: 'resolve' }))
  expect(texts[0]).toBe('已清除小广告，并将张贴号码报送通信管理部门处理。')
  expect(texts).toContain('已到现场处置完毕，整改后照片见附件。')
  // a category without its own set gets the city-wide ones only
  expect(expectOk(await cloud.as(P.grid).call('report', 'phrases', { categoryId: 'spitting', step: 'resolve' }))).toEqual([
    '已到现场处置完毕，整改后照片见附件。',
    '已对当事人进行劝导教育，现场已恢复整洁。',
  ])
})

test('the office replaces a set, and staff see the new texts at once; an empty list removes it', async () => {
  const saved = expectOk(
    await cloud.as(P.office).call('report', 'setPhrases', { categoryId: 'spitting', step: 'resolve', texts: ['  已对随地吐痰者进行劝导。 ', '已清洗地面。'] }),
  )
  expect(saved).toMatchObject({ categoryId: 'spitting', step: 'resolve', texts: ['已对随地吐痰者进行劝导。', '已清洗地面。'] })
  const texts = expectOk(await cloud.as(P.handler).call('report', 'phrases', { categoryId: 'spitting', step: 'resolve' }))
  expect(texts.slice(0, 2)).toEqual(['已对随地吐痰者进行劝导。', '已清洗地面。'])
  const book = expectOk(await cloud.as(P.office).call('report', 'phraseBook', {}))
  expect(book.find((s) => s.categoryId === 'spitting' && s.step === 'resolve')?.texts).toEqual(['已对随地吐痰者进行劝导。', '已清洗地面。'])
  expect(book.find((s) => s.categoryId === null && s.step === 'keepClosed')?.texts.length).toBeGreaterThan(0)

  expectOk(await cloud.as(P.office).call('report', 'setPhrases', { categoryId: 'spitting', step: 'resolve', texts: [] }))
  expect(expectOk(await cloud.as(P.office).call('report', 'phraseBook', {})).some((s) => s.categoryId === 'spitting')).toBe(false)
  expect((await audits()).map((a) => a.subjectId)).toEqual(['spitting.resolve', 'spitting.resolve'])
})

test('a text shared by the category’s set and the city-wide one is offered once', async () => {
  expectOk(await cloud.as(P.office).call('report', 'setPhrases', { categoryId: 'spitting', step: 'resolve', texts: ['已清洗地面。', '已到现场处置完毕，整改后照片见附件。'] }))
  const texts = expectOk(await cloud.as(P.grid).call('report', 'phrases', { categoryId: 'spitting', step: 'resolve' }))
  expect(texts.filter((t) => t === '已到现场处置完毕，整改后照片见附件。')).toHaveLength(1)
})

test('only the office edits; residents may not even read; bad input changes nothing', async () => {
  const before = expectOk(await cloud.as(P.office).call('report', 'phraseBook', {}))
  for (const someone of [P.grid, P.handler, P.alice]) {
    const result = await cloud.as(someone).call('report', 'setPhrases', { categoryId: null, step: 'note', texts: ['越权修改'] })
    expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
  }
  expect(await cloud.as(P.alice).call('report', 'phrases', { categoryId: 'spitting', step: 'resolve' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as(P.alice).call('report', 'phraseBook', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as(P.office).call('report', 'setPhrases', { categoryId: null, step: 'note', texts: ['重复一条', '重复一条'] })).toMatchObject({
    ok: false,
    code: 'REPORT.PHRASE_DUPLICATE',
  })
  for (const data of [
    { categoryId: null, step: 'note', texts: Array.from({ length: 13 }, (_, i) => `第 ${i} 条常用语`) },
    { categoryId: null, step: 'note', texts: ['短'] },
    { categoryId: null, step: 'submit', texts: ['不存在的环节'] },
    { categoryId: 'no-such-category', step: 'note', texts: ['不存在的类别'] },
    { step: 'note', texts: ['缺少类别'] },
  ]) {
    const result = await cloud.as(P.office).raw('report', { action: 'setPhrases', data })
    expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  }
  expect(expectOk(await cloud.as(P.office).call('report', 'phraseBook', {}))).toEqual(before)
  expect(await audits()).toEqual([])
})
