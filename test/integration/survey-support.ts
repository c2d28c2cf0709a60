import { CAMPAIGN_TEMPLATE, type SurveyAdminView } from '@/shared/contract/survey'
import { seedCity } from '@/cloud/domain/report/seed'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

export const DAY = 24 * 3600_000
export { TEST_ADMIN }

/** A test cloud with the demo city's six grids (the community list). */
export async function startSurveyCloud(): Promise<TestCloud> {
  const cloud = startTestCloud()
  await seedCity(cloud.platform)
  return cloud
}

/** A published round of the campaign template, open now, with the given settings. */
export async function openSurvey(
  cloud: TestCloud,
  settings: { minSample?: number; minAnswerSeconds?: number; communityIds?: string[] | null; requestId?: string; opensAt?: number } = {},
): Promise<SurveyAdminView> {
  const now = cloud.clock.now()
  const draft = expectOk(
    await cloud.as(TEST_ADMIN).call('survey', 'createFromTemplate', {
      templateId: CAMPAIGN_TEMPLATE.id,
      opensAt: settings.opensAt ?? now - 60_000,
      closesAt: now + 14 * DAY,
      requestId: settings.requestId ?? 'round-1',
    }),
  )
  expectOk(
    await cloud.as(TEST_ADMIN).call('survey', 'updateDraft', {
      surveyId: draft.id,
      minSample: settings.minSample ?? 1,
      minAnswerSeconds: settings.minAnswerSeconds ?? 30,
      ...(settings.communityIds !== undefined ? { communityIds: settings.communityIds } : {}),
    }),
  )
  return expectOk(await cloud.as(TEST_ADMIN).call('survey', 'publish', { surveyId: draft.id }))
}

export type Pick1 = Partial<Record<'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6', string>>

/** The required answers, with the given choices (defaults: the first option), and an optional text. */
export function answersWith(picks: Pick1 = {}, extra: { q7?: string[]; q8?: string } = {}) {
  const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'] as const
  return [
    ...ids.map((q) => ({ questionId: q, optionIds: [picks[q] ?? 'a1'] })),
    ...(extra.q7 ? [{ questionId: 'q7', optionIds: extra.q7 }] : []),
    ...(extra.q8 ? [{ questionId: 'q8', text: extra.q8 }] : []),
  ]
}

/**
 * One person answers: opens the survey, waits `seconds` (the test clock), submits. Returns the
 * result of `answer`.
 */
export async function answerAs(
  cloud: TestCloud,
  openid: string,
  surveyId: string,
  options: { communityId?: string; picks?: Pick1; q8?: string; q7?: string[]; seconds?: number; ageBand?: '18-29' | '30-39' | '60-65' } = {},
) {
  const paper = expectOk(await cloud.as(openid).call('survey', 'get', { surveyId }))
  if (options.seconds !== 0) cloud.clock.advance((options.seconds ?? 120) * 1000)
  return cloud.as(openid).call('survey', 'answer', {
    surveyId,
    startToken: paper.startToken,
    communityId: options.communityId ?? 'grid-demo',
    ageBand: options.ageBand ?? '30-39',
    answers: answersWith(options.picks, { q8: options.q8, q7: options.q7 }),
  })
}
