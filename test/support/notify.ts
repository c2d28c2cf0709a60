import type { NotifyPurpose } from '@/shared/notify'
import { expectOk, type TestCloud } from './cloud'

type Caller = Pick<TestCloud, 'as'>

/**
 * What the mini-program does at a consent tap: fetch the purposes' template ids and pass WeChat's
 * answer ("accept" for each) to notify.consent. `times` taps give that many credits.
 */
export async function grantConsent(cloud: Caller, openid: string, purposes: readonly NotifyPurpose[], times = 1): Promise<void> {
  const { items } = expectOk(await cloud.as(openid).call('notify', 'templateIds', { purposes: [...purposes] }))
  for (let i = 0; i < times; i++) {
    expectOk(await cloud.as(openid).call('notify', 'consent', { grants: items.map((t) => ({ ...t, accepted: true })) }))
  }
}
