import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { AGE_BANDS, CAMPAIGN_TEMPLATE } from '@/shared/contract/survey'
import { answer, get } from './answer'
import { createFromTemplate, publish, updateDraft } from './office'

/** The demo survey's fixed id: answer it at /packages/survey/pages/index/index?id=… */
export const DEMO_SURVEY_REQUEST = 'demo-survey-2026'
const DEMO_COMMUNITIES = ['grid-demo', 'grid-heping', 'grid-xinhua']
const DAY = 24 * 3600_000

const asPerson = (platform: Platform, openid: string, isAdmin = false): ActionContext => ({ ...platform, caller: { openid }, grants: [], isAdmin })

/**
 * 示范市's first round of the campaign template, open for four weeks, with 40 demo answers
 * spread over three communities (two above the demo's minimum sample of 10, one below it).
 * The demo answers are given as residents would (the start token aged past the minimum time).
 * Seeding twice changes nothing: the survey id comes from the request id.
 */
export async function seedSurvey(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  const office = asPerson(platform, 'seed', true)
  const created = await createFromTemplate({ templateId: CAMPAIGN_TEMPLATE.id, opensAt: now - DAY, closesAt: now + 27 * DAY, requestId: DEMO_SURVEY_REQUEST }, office)
  if (!('id' in created) || created.state !== 'draft') return
  // a demo city is small: 10 answers show a community's figures (the default is 30)
  await updateDraft({ surveyId: created.id, minSample: 10 }, office)
  const published = await publish({ surveyId: created.id }, office)
  if (!('id' in published)) return
  const later: ActionContext['clock'] = { now: () => platform.clock.now() + 10 * 60_000 }
  for (let i = 0; i < 40; i++) {
    const person = asPerson(platform, `demo-respondent-${i}`)
    const paper = await get({ surveyId: created.id }, person)
    if (!('id' in paper)) return
    // a spread of answers, fixed by i so the demo figures are the same on every machine
    const pick = (options: string[], k: number) => options[(i * 7 + k * 3) % options.length]
    await answer(
      {
        surveyId: created.id,
        startToken: paper.startToken,
        communityId: DEMO_COMMUNITIES[i < 18 ? 0 : i < 34 ? 1 : 2],
        ageBand: AGE_BANDS[1 + (i % 6)],
        answers: [
          { questionId: 'q1', optionIds: [i % 10 === 0 ? 'a2' : 'a1'] },
          { questionId: 'q2', optionIds: [i % 13 === 0 ? 'a9' : 'a1'] },
          { questionId: 'q3', optionIds: [pick(['a1', 'a1', 'a2', 'a9'], 1)] },
          { questionId: 'q4', optionIds: [pick(['a1', 'a2', 'a2', 'a3', 'a4', 'a9'], 2)] },
          { questionId: 'q5', optionIds: [pick(['a1', 'a2', 'a3', 'a4', 'a5', 'a9'], 3)] },
          { questionId: 'q6', optionIds: [pick(['a1', 'a2', 'a3', 'a9'], 4)] },
          { questionId: 'q7', optionIds: i % 3 === 0 ? ['a1', 'a3'] : ['a4'] },
          ...(i % 5 === 0 ? [{ questionId: 'q8', text: ['希望多设置一些垃圾分类投放点', '小区门口的电动车乱停问题希望尽快解决', '公益广告很醒目，支持创文'][i % 3] }] : []),
        ],
      },
      { ...person, clock: later },
    )
  }
}
