import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { awardPoints } from '../points'
import { seedQuiz } from './bank-store'
import { addToBoards, type Memberships } from './leaderboard'

/** The demo community and class of the local host's seed (DEMO_SCOPES there). */
const DEMO_GRID = 'grid-demo'
const DEMO_CLASS = 'class-demo'

/** Neighbours with some points, so the demo boards have company. */
const DEMO_NEIGHBOURS: ReadonlyArray<{ openid: string; nickname: string; points: number; inClass: boolean }> = [
  { openid: 'demo-neighbour-1', nickname: '张阿姨', points: 28, inClass: false },
  { openid: 'demo-neighbour-2', nickname: '李大爷', points: 19, inClass: false },
  { openid: 'demo-neighbour-3', nickname: '小明妈妈', points: 17, inClass: true },
  { openid: 'demo-neighbour-4', nickname: '快递小哥阿强', points: 12, inClass: false },
  { openid: 'demo-neighbour-5', nickname: '朵朵爸爸', points: 9, inClass: true },
  { openid: 'demo-neighbour-6', nickname: '退休教师王老师', points: 6, inClass: false },
]

const asPerson = (platform: Platform, openid: string): ActionContext => ({ ...platform, caller: { openid }, grants: [], isAdmin: false })

/**
 * The bank, demo memberships (the resident and the volunteer live in 网格 grid-demo and have a
 * child in class-demo) and a few neighbours with points. Idempotent: fixed ids and source ids.
 */
export async function seedQuizDemo(platform: Platform): Promise<void> {
  await seedQuiz(platform)
  const _ = platform.db.command
  const now = platform.clock.now()
  for (const openid of ['demo-resident', 'demo-volunteer']) {
    // only when unset: a developer's own changes survive a restart
    await platform.db
      .collection('users')
      .where({ _id: openid, groupIds: _.exists(false) })
      .update({ data: { gridId: DEMO_GRID, groupIds: [DEMO_CLASS] } })
  }
  for (const n of DEMO_NEIGHBOURS) {
    const memberships: Memberships = { gridId: DEMO_GRID, groupIds: n.inClass ? [DEMO_CLASS] : [] }
    const { total } = await platform.db.collection('users').where({ _id: n.openid }).count()
    if (total === 0) {
      await platform.db.collection('users').doc(n.openid).set({
        data: { nickname: n.nickname, settings: { largeText: false }, points: 0, createdAt: now, updatedAt: now, ...memberships },
      })
    }
    const ctx = asPerson(platform, n.openid)
    const sourceId = 'quiz.daily:demo'
    await awardPoints(ctx, { openid: n.openid, delta: n.points, reason: 'quiz.daily', sourceId })
    await addToBoards(ctx, { openid: n.openid, delta: n.points, sourceId, memberships })
  }
}
