import { randomUUID } from 'node:crypto'
import type { MyNominationView, RoundOfficeView } from '@/shared/contract'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { JPEG } from './report-fixtures'

export const HOUR = 60 * 60 * 1000
export const DAY = 24 * HOUR

/** A valid nomination from `openid`, with `overrides`. */
export function nominationInput(overrides: Partial<Parameters<typeof baseNomination>[0]> = {}) {
  return baseNomination(overrides)
}

function baseNomination(o: { name?: string; categoryId?: 'helping' | 'bravery' | 'honesty' | 'dedication' | 'filial'; district?: string; account?: string; photos?: string[] }) {
  return {
    name: o.name ?? '王阿姨',
    categoryId: o.categoryId ?? 'helping',
    place: { district: o.district ?? '文明区', street: '和平街道', community: '幸福社区' },
    account: o.account ?? '王阿姨十年如一日照顾楼里的独居老人，每天上门送饭、陪老人聊天，从不收一分钱。',
    photos: o.photos,
    phone: '13800138000',
    requestId: randomUUID(),
  }
}

export async function nominate(cloud: TestCloud, openid: string, overrides: Parameters<typeof nominationInput>[0] = {}): Promise<MyNominationView> {
  return expectOk(await cloud.as(openid).call('rolemodel', 'nominate', nominationInput(overrides)))
}

/** An image uploaded to a path the server reserved in the rolemodel area; `mark` 'risky' makes the local image check fail it. */
export async function uploadPhoto(cloud: TestCloud, openid: string, mark = ''): Promise<string> {
  const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'rolemodel', count: 1 }))
  const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: Buffer.concat([JPEG, Buffer.from(mark)]) })
  return fileID
}

/** Accepts a nomination and has the nominee consent with the code; returns the nominee id and the code. */
export async function acceptAndConsent(cloud: TestCloud, nominationId: string, nomineeOpenid = `nominee-${nominationId}`): Promise<string> {
  const accepted = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId, decision: 'accept' }))
  if (!('consent' in accepted)) throw new Error('accept did not return a consent code')
  expectOk(await cloud.as(nomineeOpenid).call('rolemodel', 'consent', { code: accepted.consent.code, agree: true }))
  return accepted.nominee.id
}

/** `count` consented nominees, one per nominator. */
export async function consentedNominees(cloud: TestCloud, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const n = await nominate(cloud, `nominator-${i}`, { name: `好人${i + 1}号`, district: `区${i}` })
    ids.push(await acceptAndConsent(cloud, n.id))
  }
  return ids
}

export async function openRound(
  cloud: TestCloud,
  candidateIds: string[],
  options: { seats?: number; votesPerDay?: number; days?: number; startAt?: number; anomaly?: RoundOfficeView['rules']['anomaly']; weights?: { votes: number; panel: number } } = {},
): Promise<RoundOfficeView> {
  const startAt = options.startAt ?? cloud.clock.now()
  return expectOk(
    await cloud.as(TEST_ADMIN).call('rolemodel', 'openRound', {
      title: '2026年第四季度身边好人评选',
      startAt,
      endAt: startAt + (options.days ?? 7) * DAY,
      candidateIds,
      seats: options.seats ?? Math.min(2, candidateIds.length),
      votesPerDay: options.votesPerDay,
      weights: options.weights,
      anomaly: options.anomaly,
      requestId: randomUUID(),
    }),
  )
}

/** Runs the hourly snapshot timer as the platform would. */
export async function runSnapshotTimer(cloud: TestCloud): Promise<void> {
  const { FUNCTIONS } = await import('@/cloud/functions')
  const result = await FUNCTIONS.rolemodel.invoke({ Type: 'Timer', TriggerName: 'snapshot' }, cloud.platform, null)
  if (!result.ok) throw new Error(`snapshot failed: ${result.code}`)
}

export { TEST_ADMIN }
