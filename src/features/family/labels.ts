import Taro from '@tarojs/taro'
import type { FamilyTaskView } from '@/shared/contract/family'
import { EXPLAIN_TOPICS, MICRO_ACTIONS, type ExplainTopicId, type MicroActionId } from '@/shared/family'
import { shanghaiTime } from '@/lib/time'

/**
 * Every family screen is a view of the subpackage's one page (`?view=`): the main package carries
 * each registered page's path twice (app.json and app.js), and it has no bytes to spare.
 */
export const FAMILY_PAGE = '/packages/family/pages/index/index'
export const FAMILY_VIEWS = ['home', 'join', 'pledge', 'teacher', 'class', 'plan', 'notice', 'school', 'overview'] as const
export type FamilyViewName = (typeof FAMILY_VIEWS)[number]

const view = (name: FamilyViewName) => (name === 'home' ? FAMILY_PAGE : `${FAMILY_PAGE}?view=${name}`)

export const FAMILY_PAGES = {
  home: view('home'),
  join: view('join'),
  pledge: view('pledge'),
  teacher: view('teacher'),
  klass: view('class'),
  plan: view('plan'),
  notice: view('notice'),
  school: view('school'),
  overview: view('overview'),
} as const

export const withQuery = (path: string, query: Record<string, string>): string =>
  `${path}${path.includes('?') ? '&' : '?'}${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`

const HANDBOOK_HOME = '/packages/handbook/pages/index/index'
const chapterUrl = (chapterId: string) => `/packages/handbook/pages/chapter/index?chapter=${encodeURIComponent(chapterId)}`
const DAILY_QUIZ = '/packages/quiz/pages/paper/index?mode=daily'
const VOLUNTEER_TAB = '/pages/volunteer/index'

/** What 去完成 does for a task: open a page, or ask the parent to confirm in one tap. */
export type TaskGo = { kind: 'open'; url: string } | { kind: 'confirm'; question: string }

export function taskGo(task: FamilyTaskView, familyId: string): TaskGo {
  switch (task.kind) {
    case 'chapter':
      return { kind: 'open', url: task.ref ? chapterUrl(task.ref) : HANDBOOK_HOME }
    case 'quiz':
      return { kind: 'open', url: DAILY_QUIZ }
    case 'shift':
      return { kind: 'open', url: VOLUNTEER_TAB }
    case 'pledge':
      return { kind: 'open', url: withQuery(FAMILY_PAGES.pledge, { familyId }) }
    case 'explain':
      return { kind: 'confirm', question: `孩子已经给您讲了「${refLabel(task) ?? task.title}」吗？确认后这项任务记为完成。` }
    case 'microAction':
      return { kind: 'confirm', question: `全家已经做到「${refLabel(task) ?? task.title}」了吗？确认后这项任务记为完成。` }
    case 'receipt':
      return { kind: 'confirm', question: '您已读完致家长的一封信，同意和孩子一起参加「小手拉大手」活动吗？确认即为回执。' }
    case 'free':
      return { kind: 'confirm', question: `「${task.title}」已经和孩子一起完成了吗？确认后这项任务记为完成。` }
  }
}

/** The item a microAction or explain task names, in words. */
export function refLabel(task: { kind: string; ref: string | null }): string | null {
  if (!task.ref) return null
  if (task.kind === 'microAction' && task.ref in MICRO_ACTIONS) return MICRO_ACTIONS[task.ref as MicroActionId]
  if (task.kind === 'explain' && task.ref in EXPLAIN_TOPICS) return EXPLAIN_TOPICS[task.ref as ExplainTopicId]
  return null
}

/** 2026-11-30 → 11月30日那周 */
export function weekLabel(week: string): string {
  const [, m, d] = week.split('-')
  return `${Number(m)}月${Number(d)}日那周`
}

/** 2026-11-30 → 11月30日–12月6日 */
export function weekRange(week: string): string {
  const start = Date.parse(`${week}T00:00:00+08:00`)
  return `${shanghaiTime(start, 'M月D日')}–${shanghaiTime(start + 6 * 86_400_000, 'M月D日')}`
}

export const dateText = (ms: number) => shanghaiTime(ms, 'YYYY年M月D日')

/** After joining: back to 我的家庭 if it opened the join flow, else replace the join flow with it. */
export function goFamilyHome(): void {
  const pages = Taro.getCurrentPages()
  const previous = pages.length > 1 ? pages[pages.length - 2] : null
  const fromHome = previous?.route?.includes('packages/family/pages/index/index') && !previous.options?.view
  void (fromHome ? Taro.navigateBack() : Taro.redirectTo({ url: FAMILY_PAGES.home }))
}
