import { createHmac } from 'node:crypto'
import { expectOk, type TestCloud } from '../support/cloud'
import { answerAs, answersWith, DAY, openSurvey, startSurveyCloud, TEST_ADMIN } from './survey-support'

/** 创文民意调查, answering: once per person, anonymous by construction, refused outside its period and scope. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startSurveyCloud()
})
afterEach(() => cloud.close())

async function all(collection: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await cloud.platform.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(100).get()
    out.push(...(data as Array<Record<string, unknown>>))
    if (data.length < 100) break
  }
  return out
}

test('50 concurrent answers from one person store exactly one answer and count once', async () => {
  const survey = await openSurvey(cloud)
  const paper = expectOk(await cloud.as('alice').call('survey', 'get', { surveyId: survey.id }))
  cloud.clock.advance(120_000)
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      cloud.as('alice').call('survey', 'answer', { surveyId: survey.id, startToken: paper.startToken, communityId: 'grid-demo', ageBand: '30-39', answers: answersWith() }),
    ),
  )
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(49).fill('SURVEY.ALREADY_ANSWERED'))
  expect(await all('survey_answers')).toHaveLength(1)
  expect(await all('survey_tokens')).toHaveLength(1)
  const view = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'adminGet', { surveyId: survey.id }))
  expect(view.answers).toBe(1)
  // and later, from a fresh page: still once
  expect(await answerAs(cloud, 'alice', survey.id)).toMatchObject({ ok: false, code: 'SURVEY.ALREADY_ANSWERED' })
  expect(expectOk(await cloud.as('alice').call('survey', 'get', { surveyId: survey.id })).answered).toBe(true)
})

test('no stored answer, text or token holds the person, an id derived from them, or a time finer than the day', async () => {
  const survey = await openSurvey(cloud)
  const people = ['oAlice-7f3k', 'oBob-93jd', 'oCarol-x0q1']
  for (const p of people) expectOk(await answerAs(cloud, p, survey.id, { q8: '希望多一些垃圾分类投放点' }))
  const answers = await all('survey_answers')
  const texts = await all('survey_texts')
  const tokens = await all('survey_tokens')
  expect(answers).toHaveLength(3)
  expect(texts).toHaveLength(3)
  // every stored column of every row: no openid, whole or in part, and nothing that looks like a time
  const dump = JSON.stringify([...answers, ...texts])
  for (const p of people) {
    expect({ p, whole: dump.includes(p) }).toEqual({ p, whole: false })
    expect({ p, part: dump.includes(p.slice(1, 6)) }).toEqual({ p, part: false })
  }
  for (const row of [...answers, ...texts]) {
    expect(Object.keys(row).sort()).toEqual(
      'choices' in row
        ? ['_id', 'ageBand', 'choices', 'communityId', 'day', 'flagged', 'surveyId']
        : ['_id', 'communityId', 'day', 'flagged', 'questionId', 'status', 'surveyId', 'text'],
    )
    expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const value of Object.values(row)) if (typeof value === 'number') expect(value).toBeLessThan(1e9)
  }
  // the token rows are the key alone, and no plain hash of (openid, survey) reproduces them
  for (const t of tokens) expect(Object.keys(t)).toEqual(['_id'])
  const tokenIds = new Set(tokens.map((t) => t._id))
  for (const p of people) {
    for (const guess of [`answer\n${p}\n${survey.id}`, `${p}${survey.id}`, `${survey.id}\n${p}`]) {
      for (const key of ['', 'survey', 'secret']) expect(tokenIds.has(createHmac('sha256', key).update(guess).digest('base64url'))).toBe(false)
    }
  }
  // with the secret (server-only, in survey_secrets) the token is what the server computes
  const secret = (await all('survey_secrets'))[0]?.value as string
  expect(tokenIds.has(createHmac('sha256', secret).update(`answer\n${people[0]}\n${survey.id}`).digest('base64url'))).toBe(true)
  // answer ids are random: not the same shape as the token, nor in answering order
  for (const a of answers) expect(tokenIds.has(a._id as string)).toBe(false)
})

test('an answer faster than the minimum time is kept and flagged, and left out of results unless asked', async () => {
  const survey = await openSurvey(cloud, { minAnswerSeconds: 40 })
  expectOk(await answerAs(cloud, 'quick', survey.id, { seconds: 12 }))
  expectOk(await answerAs(cloud, 'careful', survey.id, { seconds: 95 }))
  const stored = await all('survey_answers')
  expect(stored.map((a) => a.flagged).sort()).toEqual([false, true])
  const view = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'adminGet', { surveyId: survey.id }))
  expect(view).toMatchObject({ answers: 2, flagged: 1 })
  const plain = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: survey.id }))
  expect(plain.scope.sample).toBe(1)
  const withFlagged = expectOk(await cloud.as(TEST_ADMIN).call('survey', 'results', { surveyId: survey.id, includeFlagged: true }))
  expect(withFlagged.scope.sample).toBe(2)
})

test('a forged or foreign start token is refused (the answering time cannot be faked)', async () => {
  const survey = await openSurvey(cloud)
  const other = await openSurvey(cloud, { requestId: 'round-2' })
  const paper = expectOk(await cloud.as('dan').call('survey', 'get', { surveyId: other.id }))
  const [id, issued, sig] = paper.startToken.split('.')
  for (const startToken of [paper.startToken, `${survey.id}.${Number(issued) - 3600}.${sig}`, `${id}.${issued}.AAAAAAAAAAAAAAAAAAAAAA`]) {
    const r = await cloud.as('dan').call('survey', 'answer', { surveyId: survey.id, startToken, communityId: 'grid-demo', ageBand: '18-29', answers: answersWith() })
    expect(r).toMatchObject({ ok: false, code: 'SURVEY.START_TOKEN_INVALID' })
  }
})

test('a survey for chosen communities lists only them and refuses the others', async () => {
  const survey = await openSurvey(cloud, { communityIds: ['grid-demo', 'grid-heping'] })
  const paper = expectOk(await cloud.as('erin').call('survey', 'get', { surveyId: survey.id }))
  expect(paper.communities.map((c) => c.id).sort()).toEqual(['grid-demo', 'grid-heping'])
  expect(await answerAs(cloud, 'erin', survey.id, { communityId: 'grid-xicheng' })).toMatchObject({ ok: false, code: 'SURVEY.NOT_FOR_COMMUNITY' })
  expectOk(await answerAs(cloud, 'erin', survey.id, { communityId: 'grid-heping' }))
  // an open survey offers every grid, and a made-up community is refused
  const everyone = await openSurvey(cloud, { requestId: 'round-2' })
  expect(expectOk(await cloud.as('erin').call('survey', 'get', { surveyId: everyone.id })).communities).toHaveLength(6)
  expect(await answerAs(cloud, 'erin', everyone.id, { communityId: 'grid-nowhere' })).toMatchObject({ ok: false, code: 'SURVEY.COMMUNITY_UNKNOWN' })
})

test('answers missing a required question, picking two in a single choice or an unknown option are refused and store nothing', async () => {
  const survey = await openSurvey(cloud)
  const paper = expectOk(await cloud.as('fay').call('survey', 'get', { surveyId: survey.id }))
  const base = { surveyId: survey.id, startToken: paper.startToken, communityId: 'grid-demo', ageBand: '30-39' as const }
  for (const answers of [
    answersWith().slice(1),
    [...answersWith().slice(1), { questionId: 'q1', optionIds: ['a1', 'a2'] }],
    [...answersWith().slice(1), { questionId: 'q1', optionIds: ['a7'] }],
    [...answersWith(), { questionId: 'q8', optionIds: ['a1'] }],
    [...answersWith(), { questionId: 'q99', optionIds: ['a1'] }],
  ]) {
    expect(await cloud.as('fay').call('survey', 'answer', { ...base, answers })).toMatchObject({ ok: false, code: 'SURVEY.ANSWER_INVALID' })
  }
  expect(await all('survey_answers')).toHaveLength(0)
  expect(await all('survey_tokens')).toHaveLength(0)
})

test('a draft is invisible, a scheduled survey not yet answerable, a closed one refuses', async () => {
  const now = cloud.clock.now()
  const draft = expectOk(
    await cloud.as(TEST_ADMIN).call('survey', 'createFromTemplate', { templateId: 'cw-standard', opensAt: now, closesAt: now + DAY, requestId: 'draft-1' }),
  )
  expect(await cloud.as('gus').call('survey', 'get', { surveyId: draft.id })).toMatchObject({ ok: false, code: 'SURVEY.NOT_FOUND' })
  const later = await openSurvey(cloud, { requestId: 'later', opensAt: now + DAY })
  expect(later.state).toBe('scheduled')
  expect(await cloud.as('gus').call('survey', 'get', { surveyId: later.id })).toMatchObject({ ok: false, code: 'SURVEY.NOT_OPEN' })

  const survey = await openSurvey(cloud)
  const paper = expectOk(await cloud.as('gus').call('survey', 'get', { surveyId: survey.id }))
  expect(expectOk(await cloud.as('gus').call('survey', 'openList', {})).items.map((s) => s.id)).toEqual([survey.id])
  expect(expectOk(await cloud.as(TEST_ADMIN).call('survey', 'close', { surveyId: survey.id })).state).toBe('closed')
  cloud.clock.advance(60_000)
  const r = await cloud.as('gus').call('survey', 'answer', { surveyId: survey.id, startToken: paper.startToken, communityId: 'grid-demo', ageBand: '18-29', answers: answersWith() })
  expect(r).toMatchObject({ ok: false, code: 'SURVEY.CLOSED' })
  expect(expectOk(await cloud.as('gus').call('survey', 'openList', {})).items).toEqual([])
  // a published survey's questions no longer change; the close is audited
  expect(await cloud.as(TEST_ADMIN).call('survey', 'updateDraft', { surveyId: survey.id, title: '改标题' })).toMatchObject({ ok: false, code: 'SURVEY.NOT_DRAFT' })
  expect((await cloud.platform.db.collection('audit_log').where({ action: 'closeSurvey' }).get()).data).toHaveLength(1)
})

test('the resident never sees which options count towards a rate', async () => {
  const survey = await openSurvey(cloud)
  const paper = expectOk(await cloud.as('hal').call('survey', 'get', { surveyId: survey.id }))
  const text = JSON.stringify(paper)
  expect(text).not.toContain('positive')
  expect(text).not.toContain('measure')
  expect(paper.questions.find((q) => q.id === 'q4')?.options.at(-1)).toEqual({ id: 'a9', label: '说不清', dontKnow: true })
})

test('every office action refuses residents and every other role', async () => {
  const survey = await openSurvey(cloud)
  for (const role of ['grid', 'handler', 'teacher', 'organizer'] as const) {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: `staff-${role}`, role, scopeId: role === 'grid' ? 'grid-demo' : role === 'handler' ? 'unit-demo' : role === 'teacher' ? 'school-demo' : 'team-demo' }))
  }
  const now = cloud.clock.now()
  const calls = [
    ['createFromTemplate', { templateId: 'cw-standard', opensAt: now, closesAt: now + DAY, requestId: 'x' }],
    ['updateDraft', { surveyId: survey.id, title: '新标题' }],
    ['publish', { surveyId: survey.id }],
    ['close', { surveyId: survey.id }],
    ['adminList', {}],
    ['adminGet', { surveyId: survey.id }],
    ['communities', {}],
    ['results', { surveyId: survey.id }],
    ['textAnswers', { surveyId: survey.id, questionId: 'q8' }],
    ['exportAnswers', { surveyId: survey.id, format: 'csv', delivery: 'inline' }],
  ] as const
  for (const someone of ['resident-1', 'staff-grid', 'staff-handler', 'staff-teacher', 'staff-organizer']) {
    for (const [action, data] of calls) {
      const r = await cloud.as(someone).raw('survey', { action, data })
      expect({ someone, action, code: r.ok ? 'ok' : r.code }).toEqual({ someone, action, code: 'AUTH.FORBIDDEN' })
    }
  }
})
