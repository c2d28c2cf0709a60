import type { RolemodelCategoryId } from '@/shared/contract'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { consent } from './consent'
import { delegationId } from './delegation'
import { C, DAY_MS, type HonourDoc, type NominationDoc, type RoundDoc } from './model'
import { markHonoured, merge, nominate, nominationIdFor, review } from './nominations'
import { openRound } from './rounds'

const as = (platform: Platform, openid: string, isAdmin = false): ActionContext => ({ ...platform, caller: { openid }, grants: [], isAdmin })
const place = (community: string) => ({ district: '文明区', street: '和平街道', community })
/** fixed request ids: seeding twice replays the same nominations and round */
const rid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const DEMO: ReadonlyArray<{ n: number; by: string; name: string; categoryId: RolemodelCategoryId; community: string; account: string }> = [
  { n: 1, by: 'demo-resident', name: '王秀英', categoryId: 'helping', community: '幸福社区', account: '王阿姨退休后十年如一日照顾楼里的三位独居老人，每天上门送饭、陪老人聊天，逢年过节自掏腰包买年货。' },
  { n: 2, by: 'demo-neighbour-1', name: '李建国', categoryId: 'bravery', community: '光明社区', account: '今年7月暴雨，李师傅蹚齐腰深的积水从被困车辆中救出一对母子，又返回帮助疏导交通两个多小时。' },
  { n: 3, by: 'demo-neighbour-2', name: '陈美玲', categoryId: 'honesty', community: '和谐社区', account: '陈大姐经营早餐店二十年，捡到顾客遗失的钱包和手机都原物奉还，店里的电子秤每周请市场管理员校验。' },
  { n: 4, by: 'demo-resident', name: '张卫东', categoryId: 'dedication', community: '幸福社区', account: '张医生扎根社区卫生服务站十五年，为辖区两千多位老人建立健康档案，夜里接到电话随叫随到。' },
  { n: 5, by: 'demo-neighbour-3', name: '刘桂兰', categoryId: 'filial', community: '光明社区', account: '刘大姐照顾瘫痪在床的婆婆十二年，把老人收拾得干干净净，从没长过一次褥疮，邻居们都竖大拇指。' },
  { n: 6, by: 'demo-neighbour-4', name: '王秀英', categoryId: 'helping', community: '幸福社区', account: '王秀英阿姨组织楼栋志愿服务队，每周帮老人理发、量血压，还自费给小区装了休息长椅。' },
  { n: 7, by: 'demo-neighbour-5', name: '赵志强', categoryId: 'dedication', community: '和谐社区', account: '赵师傅是公交车驾驶员，驾驶二十年安全行驶一百万公里，多次拾金不昧，乘客送来三面锦旗。' },
  { n: 8, by: 'demo-resident', name: '孙丽华', categoryId: 'helping', community: '和谐社区', account: '孙老师周末在社区开设免费课堂，辅导外来务工人员子女功课，已坚持三年。' },
]

/**
 * 身边好人 demo: nominations in every state (待审核, 需补充, 未采纳, 已合并, 已获评, 已采纳 with and
 * without consent), an open round of three consented candidates, and last quarter's 好人榜.
 */
export async function seedRolemodel(platform: Platform): Promise<void> {
  const office = as(platform, 'demo-admin', true)
  const ids = new Map<number, string>()
  for (const d of DEMO) {
    const made = await nominate({ name: d.name, categoryId: d.categoryId, place: place(d.community), account: d.account, phone: '13800138000', requestId: rid(d.n) }, as(platform, d.by))
    if ('ok' in made) return
    ids.set(d.n, made.id)
  }
  const id = (n: number) => ids.get(n) ?? nominationIdFor(DEMO[n - 1].by, rid(n))
  const status = async (n: number) => (await findById<NominationDoc>(platform.db, C.nominations, id(n)))?.status
  // three accepted and consented: the candidates of the open round
  const candidates: string[] = []
  for (const n of [1, 2, 4]) {
    if ((await status(n)) === 'pending') {
      const accepted = await review({ nominationId: id(n), decision: 'accept' }, office)
      if (!('consent' in accepted)) return
      await consent({ code: accepted.consent.code, agree: true }, as(platform, `demo-nominee-${n}`))
    }
    const doc = await findById<NominationDoc>(platform.db, C.nominations, id(n))
    if (doc?.nomineeId) candidates.push(doc.nomineeId)
  }
  // accepted, the consent code not yet used: the office's list shows it waiting
  if ((await status(3)) === 'pending') await review({ nominationId: id(3), decision: 'accept' }, office)
  if ((await status(6)) === 'pending') await merge({ nominationId: id(6), intoNominationId: id(1) }, office)
  if ((await status(5)) === 'pending') await review({ nominationId: id(5), decision: 'askMore', note: '请补充照顾婆婆的具体年份和邻居或社区的证明' }, office)
  if ((await status(7)) === 'pending') await markHonoured({ nominationId: id(7), level: 'province', title: '省级劳动模范', year: 2023 }, office)
  // 8 stays 待审核, for the office and for 文明区's reviewer (demo-district-reviewer holds the role from the identity seed)
  const reviewer = 'demo-district-reviewer'
  await platform.db.collection(C.delegations).doc(delegationId(reviewer, '文明区')).set({
    data: { openid: reviewer, district: '文明区', grantedBy: 'seed', grantedAt: platform.clock.now() },
  })

  const now = platform.clock.now()
  if (candidates.length === 3) {
    const opened = await openRound(
      {
        title: '文明区第四季度“身边好人”评选',
        startAt: now - DAY_MS,
        endAt: now + 6 * DAY_MS,
        candidateIds: candidates,
        seats: 2,
        votesPerDay: 10,
        perCandidatePerDay: 1,
        weights: { votes: 70, panel: 30 },
        anomaly: { nightVotes: 1000, freshAccountVotesPerHour: 100, candidateVotesPerHour: 300, burstFactor: 5 },
        requestId: rid(100),
      },
      office,
    )
    if ('ok' in opened) platform.log.error('rolemodel seed: round not opened', { code: opened.code })
  }

  // last quarter's result, so the 好人榜 has people on it
  const pastRound = 'round-demo-2026q3'
  if (!(await findById<RoundDoc>(platform.db, C.rounds, pastRound))) {
    const endAt = now - 60 * DAY_MS
    const honours: Array<Omit<HonourDoc, '_id' | 'roundId' | 'roundTitle' | 'honouredAt'> & { id: string }> = [
      { id: 'past-1', nomineeId: 'nominee-demo-past-1', name: '周大勇', categoryId: 'bravery', place: place('光明社区'), story: '周师傅在河边散步时跳入冰冷的河水，救起一名落水儿童，事后悄悄离开，直到孩子家长寻找才被大家知道。', photos: [], likes: 128 },
      { id: 'past-2', nomineeId: 'nominee-demo-past-2', name: '吴淑芬', categoryId: 'filial', place: place('和谐社区'), story: '吴大姐照顾患阿尔茨海默病的母亲八年，带着母亲参加社区活动，还发起了“陪伴家庭”互助小组。', photos: [], likes: 96 },
    ]
    for (const h of honours) {
      const { id: honourId, ...rest } = h
      await platform.db.collection(C.honours).doc(honourId).set({ data: { ...rest, roundId: pastRound, roundTitle: '文明区第三季度“身边好人”评选', honouredAt: endAt } })
    }
    await platform.db.collection(C.rounds).doc(pastRound).set({
      data: {
        title: '文明区第三季度“身边好人”评选',
        startAt: endAt - 14 * DAY_MS,
        endAt,
        seats: 2,
        rules: { votesPerDay: 10, perCandidatePerDay: 1, weights: { votes: 70, panel: 30 }, anomaly: { nightVotes: 1000, freshAccountVotesPerHour: 100, candidateVotesPerHour: 300, burstFactor: 5 } },
        candidateIds: honours.map((h) => h.nomineeId),
        status: 'closed',
        snapshotAt: endAt,
        snapshotDay: null,
        finalSnapshot: true,
        result: null,
        createdBy: 'seed',
        createdAt: endAt - 15 * DAY_MS,
      },
    })
  }
}
