/**
 * 小手拉大手: the pure constants both sides need (task kinds, micro-actions, explain topics, pledge
 * items, grades, limits). No zod here, so the mini-program can import them without pulling the
 * contract's schemas into its bundle; the family contract re-exports everything.
 */

/** The kinds of family task a teacher can set; each completes on evidence that needs no photo of a child. */
export const FAMILY_TASK_KINDS = ['chapter', 'quiz', 'shift', 'pledge', 'explain', 'microAction', 'receipt', 'free'] as const
export type FamilyTaskKind = (typeof FAMILY_TASK_KINDS)[number]

export const FAMILY_TASK_KIND_LABEL: Record<FamilyTaskKind, string> = {
  chapter: '一起读一章文明手册',
  quiz: '家庭答题',
  shift: '亲子志愿服务',
  pledge: '签署家庭文明承诺书',
  explain: '我给家长讲创建',
  microAction: '家庭文明微行动',
  receipt: '致家长的一封信回执',
  free: '自定任务',
}

/** 家庭文明微行动: what a family can do in a week, as schools list them. */
export const MICRO_ACTIONS = {
  'low-carbon': '低碳环保：一周少用一次性用品',
  'civil-travel': '文明出行：全家步行或公交出行一次',
  'filial-piety': '孝老敬亲：陪长辈聊天、做一次家务',
  'neighbourly': '邻里互助：帮邻居一个小忙',
  'garbage-sorting': '垃圾分类：全家分类投放一周',
  'clean-plate': '光盘行动：一周不剩饭菜',
  'polite-words': '文明用语：全家说好“请、谢谢、对不起”',
} as const
export type MicroActionId = keyof typeof MICRO_ACTIONS
export const MICRO_ACTION_IDS = Object.keys(MICRO_ACTIONS) as [MicroActionId, ...MicroActionId[]]

/** The topics 我给家长讲创建 offers (the child explains, the parent confirms). */
export const EXPLAIN_TOPICS = {
  'core-values': '社会主义核心价值观 24 字',
  'why-civilized-city': '为什么要创建文明城市',
  'civil-traffic': '文明交通：红灯停、绿灯行、不闯红灯',
  'garbage-sorting': '垃圾分类怎么分',
  'civil-dog': '文明养犬要做到什么',
  'online-civility': '网络文明：不传谣、不信谣',
} as const
export type ExplainTopicId = keyof typeof EXPLAIN_TOPICS
export const EXPLAIN_TOPIC_IDS = Object.keys(EXPLAIN_TOPICS) as [ExplainTopicId, ...ExplainTopicId[]]

/** 文明家庭承诺书: every item is ticked before the pledge can be signed. */
export const PLEDGE_ITEMS = [
  '践行社会主义核心价值观，做文明有礼的家庭',
  '遵守交通规则，文明出行，不闯红灯',
  '爱护公共环境，垃圾分类投放，不乱扔垃圾',
  '文明养犬，出门牵绳，及时清理',
  '尊老爱幼，邻里和睦，互帮互助',
  '勤俭节约，践行光盘行动',
  '文明上网，不造谣、不传谣',
  '积极参加志愿服务，为创建文明城市出力',
] as const
export const PLEDGE_VERSION = '2026-1'

/** The version of 致家长的一封信 a consent refers to; a new version asks families to agree again. */
export const NOTICE_VERSION = '2026-1'

export const FAMILY_LIMITS = {
  childrenPerFamily: 5,
  nicknameMax: 12,
  classNameMax: 20,
  schoolNameMax: 40,
  tasksPerWeek: 6,
  taskTitleMax: 30,
  taskDescriptionMax: 200,
  classSizeMax: 80,
  /** a term is at most this many weeks; the plan holds one entry per week */
  termWeeksMax: 26,
} as const

/** grade 1–9 is 一年级 … 九年级; 0 is 幼儿园 (kindergarten classes run it too) */
export const GRADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const
export const GRADE_LABEL: Record<number, string> = {
  0: '幼儿园',
  1: '一年级',
  2: '二年级',
  3: '三年级',
  4: '四年级',
  5: '五年级',
  6: '六年级',
  7: '初一',
  8: '初二',
  9: '初三',
}
