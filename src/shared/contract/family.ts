import { z } from 'zod'
import { id, noInput } from './common'
import { returns } from './define'
import { FAMILY_TASK_KINDS, FAMILY_LIMITS, PLEDGE_ITEMS } from '../family'
import type { FamilyTaskKind } from '../family'

/**
 * 小手拉大手，文明一起走: schools, classes, families and their weekly civility tasks.
 *
 * A child is a nickname and a grade, held inside the family record of one class and nothing
 * else: no real name, photo, birthday, school id or phone is asked for, and a request carrying any
 * other field for a child is refused whole (the schemas are strict). The guardian's consent to
 * the class's notice (致家长的一封信, by version) is recorded before any child is stored.
 */

// the pure constants live in src/shared/family.ts (zod-free, for the client); re-exported here
export {
  FAMILY_TASK_KINDS,
  FAMILY_TASK_KIND_LABEL,
  MICRO_ACTIONS,
  MICRO_ACTION_IDS,
  EXPLAIN_TOPICS,
  EXPLAIN_TOPIC_IDS,
  PLEDGE_ITEMS,
  PLEDGE_VERSION,
  NOTICE_VERSION,
  FAMILY_LIMITS,
  GRADES,
  GRADE_LABEL,
} from '../family'
export type { FamilyTaskKind, MicroActionId, ExplainTopicId } from '../family'
export { FAMILY_NOTICE, FAMILY_TEMPLATES } from '../family-notice'

export interface FamilyTaskSpec {
  /** stable within the class's plan, e.g. w12-t1 */
  id: string
  kind: FamilyTaskKind
  title: string
  /** chapter: the handbook chapter; microAction / explain: the item; free: nothing */
  ref: string | null
  description: string | null
}

export interface SchoolView {
  id: string
  name: string
  district: string
}

export interface ClassView {
  id: string
  schoolId: string
  schoolName: string
  grade: number
  gradeLabel: string
  name: string
  /** 三年级 3 班 · 文明小学 */
  title: string
  /** the code families type or scan (scene `s<code>`); null once archived */
  joinCode: string | null
  status: 'active' | 'archived'
  size: number
  termEndsAt: number
  teacherName: string | null
  createdAt: number
}

export interface ClassWeekPlan {
  /** Monday 00:00 Asia/Shanghai of the week, as YYYY-MM-DD */
  week: string
  tasks: FamilyTaskSpec[]
}

export interface ClassBoardWeek {
  week: string
  tasks: number
  /** families that did every task of the week */
  familiesDone: number
  /** task completions this week, all families */
  completions: number
}

export interface ClassBoardFamily {
  /** children's nicknames only, e.g. 小明、小红 */
  nicknames: string[]
  doneThisWeek: number
  tasksThisWeek: number
  receipt: boolean
}

export interface ClassBoard {
  classView: ClassView
  families: number
  children: number
  receipts: number
  /** average family quiz score, 0–100; null when no family has taken one */
  quizAverage: number | null
  thisWeek: string
  weeks: ClassBoardWeek[]
  /** at most one page; by nickname, never by a parent */
  familyRows: ClassBoardFamily[]
  /** when the teacher last reminded (once a week at most) */
  remindedAt: number | null
}

export interface ChildView {
  id: string
  nickname: string
  grade: number
  gradeLabel: string
}

export interface FamilyTaskView extends FamilyTaskSpec {
  done: boolean
  doneAt: number | null
  /** what counted as done, in words: 已读完「文明交通」, 答题 80 分, 志愿服务 2 小时（已确认） */
  evidence: string | null
  /** what the family does next, for an open task */
  how: string
}

export interface FamilyView {
  id: string
  classView: ClassView
  children: ChildView[]
  consent: { version: string; at: number }
  archived: boolean
  week: string
  tasks: FamilyTaskView[]
  /** completed weeks in a row up to last week (or this one, once done) */
  streak: number
  weeksDone: number
  badges: BadgeView[]
  pledge: PledgeView | null
}

export interface BadgeView {
  id: string
  name: string
  /** 连续 4 周完成家庭任务 */
  detail: string
  at: number
}

export interface PledgeView {
  items: string[]
  version: string
  signedAt: number
  /** the signer's nickname as it was then (the parent's, never a child's) */
  signedBy: string
}

export interface FamilyHome {
  families: FamilyView[]
}

export interface JoinPreview {
  classView: ClassView
  /** the notice the guardian agrees to, paragraph by paragraph */
  notice: { version: string; title: string; paragraphs: string[] }
  /** already joined: the family to open instead */
  familyId: string | null
}

export interface SchoolOverview {
  school: SchoolView
  classes: Array<ClassView & { families: number; receipts: number; doneThisWeek: number }>
  families: number
  receipts: number
}

/** A spreadsheet of the overview: inline for the H5 download, stored with a temporary link in the mini-program. */
export interface FamilyExportView {
  filename: string
  /** schools in it */
  rows: number
  csv: string | null
  fileID: string | null
  tempUrl: string | null
}

export interface FamilyOverviewWeek {
  week: string
  families: number
  familiesDone: number
  completions: number
}

export interface FamilyOverview {
  schools: number
  classes: number
  families: number
  children: number
  receipts: number
  thisWeek: string
  /** the last 8 weeks, oldest first */
  weeks: FamilyOverviewWeek[]
  /** one page of schools with their figures */
  bySchool: Array<{ school: SchoolView; classes: number; families: number; receipts: number }>
}

const nickname = z
  .string()
  .trim()
  .min(1, '请填写孩子的昵称')
  .max(FAMILY_LIMITS.nicknameMax, `昵称最多 ${FAMILY_LIMITS.nicknameMax} 个字`)
  // a nickname, not an identity: no digits runs that look like an id or phone number
  .refine((v) => !/\d{6,}/.test(v), '昵称里不要填写证件号、学号或电话号码')
const grade = z.number().int().min(0).max(9)
const joinCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,12}$/, '邀请码是 4–12 位字母或数字')
const week = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '周次格式不正确')
/** strict: a child is a nickname and a grade, and any other field refuses the whole request */
const child = z.object({ nickname, grade }).strict()
const taskSpec = z
  .object({
    kind: z.enum(FAMILY_TASK_KINDS),
    title: z.string().trim().min(2, '请填写任务名称').max(FAMILY_LIMITS.taskTitleMax),
    ref: z.string().max(64).nullable().optional(),
    description: z.string().trim().max(FAMILY_LIMITS.taskDescriptionMax).nullable().optional(),
  })
  .strict()

export const familyActions = {
  schools: returns<SchoolView[]>()({
    input: noInput,
    roles: ['admin', 'school_admin', 'teacher'],
    summary: '学校列表：文明办看全部，学校管理员和教师看本校',
  }),
  createSchool: returns<SchoolView>()({
    input: z.object({ name: z.string().trim().min(2).max(FAMILY_LIMITS.schoolNameMax), district: z.string().trim().min(2).max(20) }).strict(),
    roles: ['admin'],
    summary: '文明办登记参与学校',
  }),
  createClass: returns<ClassView>()({
    input: z
      .object({
        schoolId: id,
        grade,
        name: z.string().trim().min(1, '请填写班级名称').max(FAMILY_LIMITS.classNameMax),
        size: z.number().int().min(1).max(FAMILY_LIMITS.classSizeMax),
        termEndsAt: z.number().int().positive(),
      })
      .strict(),
    roles: ['teacher'],
    summary: '教师在本校创建班级，得到邀请码和班级码（场景值 s）',
  }),
  myClasses: returns<ClassView[]>()({
    input: noInput,
    roles: ['teacher'],
    summary: '教师自己的班级（含已归档）',
  }),
  classCode: returns<{ joinCode: string; scene: string; imageUrl: string }>()({
    input: z.object({ classId: id }).strict(),
    roles: ['teacher'],
    summary: '班级小程序码（场景值 s<邀请码>），用于打印致家长的一封信',
  }),
  plan: returns<ClassWeekPlan[]>()({
    input: z.object({ classId: id }).strict(),
    roles: ['teacher'],
    summary: '班级本学期每周的家庭任务',
  }),
  setWeek: returns<ClassWeekPlan>()({
    input: z.object({ classId: id, week, tasks: z.array(taskSpec).min(1).max(FAMILY_LIMITS.tasksPerWeek) }).strict(),
    roles: ['teacher'],
    summary: '教师设置某一周的家庭任务（整周替换）',
  }),
  useDefaultPlan: returns<ClassWeekPlan[]>()({
    input: z.object({ classId: id }).strict(),
    roles: ['teacher'],
    summary: '教师采用默认学期计划（只填尚未设置的周）',
  }),
  board: returns<ClassBoard>()({
    input: z.object({ classId: id }).strict(),
    roles: ['teacher', 'school_admin', 'admin'],
    summary: '班级看板：已加入家庭/班级人数、每周完成、家庭答题平均分、回执（只显示孩子昵称）',
  }),
  remind: returns<{ reminded: number }>()({
    input: z.object({ classId: id }).strict(),
    roles: ['teacher'],
    summary: '提醒本周未完成任务的家庭（订阅消息，每周最多一次）',
  }),
  archive: returns<ClassView>()({
    input: z.object({ classId: id }).strict(),
    roles: ['teacher'],
    summary: '学期结束归档：删除班级的孩子名单，邀请码失效，家庭保留自己的记录',
  }),
  grantTeacher: returns<{ openid: string; schoolId: string; granted: boolean }>()({
    input: z.object({ schoolId: id, openid: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'openid 格式不正确'), granted: z.boolean() }).strict(),
    roles: ['school_admin', 'admin'],
    summary: '学校管理员在本校授予或收回教师角色（记入审计）',
  }),
  school: returns<SchoolOverview>()({
    input: z.object({ schoolId: id }).strict(),
    roles: ['school_admin', 'admin'],
    summary: '学校管理员看本校各班参与情况',
  }),
  overview: returns<FamilyOverview>()({
    input: noInput,
    roles: ['admin'],
    summary: '文明办总览：参与学校、班级、家庭、每周完成与趋势、回执',
  }),
  exportOverview: returns<FamilyExportView>()({
    input: z.object({ delivery: z.enum(['inline', 'storage']) }).strict(),
    roles: ['admin'],
    summary: '文明办导出参与情况（CSV：各校班级、家庭、孩子、回执与近 8 周完成情况；不含任何家庭或孩子）',
  }),
  preview: returns<JoinPreview>()({
    input: z.object({ joinCode }).strict(),
    roles: ['resident'],
    summary: '家长扫码或输入邀请码：看班级和致家长的一封信',
  }),
  join: returns<FamilyView>()({
    input: z
      .object({
        joinCode,
        /** the guardian agrees to this version of the notice; the consent is stored before any child */
        consent: z.object({ noticeVersion: z.string().max(20), agreed: z.literal(true) }).strict(),
        children: z.array(child).min(1, '请至少添加一个孩子').max(FAMILY_LIMITS.childrenPerFamily),
      })
      .strict(),
    roles: ['resident'],
    summary: '家长同意致家长的一封信并带孩子加入班级（孩子只填昵称和年级）',
  }),
  home: returns<FamilyHome>()({
    input: noInput,
    roles: ['resident'],
    summary: '我的家庭：每个班级的孩子、本周任务与进度、徽章、承诺书',
  }),
  addChild: returns<FamilyView>()({
    input: z.object({ familyId: id, child }).strict(),
    roles: ['resident'],
    summary: '家长再添加一个孩子（只填昵称和年级）',
  }),
  removeChild: returns<FamilyView>()({
    input: z.object({ familyId: id, childId: id }).strict(),
    roles: ['resident'],
    summary: '家长移除孩子：删除这个孩子的全部信息；移除最后一个孩子即退出班级（家庭自己的记录保留）',
  }),
  complete: returns<FamilyView>()({
    input: z
      .object({
        familyId: id,
        taskId: z.string().max(40),
        /** explain / microAction / free / receipt: the parent confirms; the others are checked against the record */
        confirm: z.boolean().optional(),
      })
      .strict(),
    roles: ['resident'],
    summary: '完成本周一项家庭任务：阅读、答题、志愿记录、承诺书由系统核对；讲解、微行动、回执由家长确认',
  }),
  signPledge: returns<FamilyView>()({
    input: z.object({ familyId: id, items: z.array(z.number().int().min(0).max(PLEDGE_ITEMS.length - 1)).min(1) }).strict(),
    roles: ['resident'],
    summary: '签署文明家庭承诺书（每一条都须勾选）',
  }),
}

export const FAMILY_ERRORS = {
  'FAMILY.CODE_NOT_FOUND': '没有找到这个班级邀请码，请核对后重新输入',
  'FAMILY.CLASS_ARCHIVED': '这个班级已经结束本学期活动，邀请码已失效',
  'FAMILY.NOTICE_OUTDATED': '致家长的一封信已更新，请重新阅读后再同意',
  'FAMILY.NOT_FOUND': '没有找到这个家庭，可能已退出或班级已归档',
  'FAMILY.CLASS_NOT_FOUND': '没有找到这个班级',
  'FAMILY.SCHOOL_NOT_FOUND': '没有找到这所学校',
  'FAMILY.NOT_YOUR_SCHOOL': '只能在您任教的学校创建或查看班级',
  'FAMILY.TOO_MANY_CHILDREN': `每个家庭最多添加 ${FAMILY_LIMITS.childrenPerFamily} 个孩子`,
  'FAMILY.TASK_NOT_FOUND': '本周没有这项任务',
  'FAMILY.NOT_DONE_YET': '还没有查到完成记录',
  'FAMILY.ALREADY_REMINDED': '本周已经提醒过了，下周再提醒',
  'FAMILY.PLEDGE_INCOMPLETE': '请勾选承诺书的每一条后再签署',
  'FAMILY.WEEK_OUT_OF_TERM': '这一周不在本学期内',
  'FAMILY.TERM_INVALID': '学期结束日期应在今天之后、半年之内',
  'FAMILY.BAD_TASK': '任务设置不完整',
  'FAMILY.TEXT_REJECTED': '填写的内容未通过安全检查，请修改后再提交',
} as const

export type FamilyErrorCode = keyof typeof FAMILY_ERRORS
