import { NOTICE_VERSION } from './family'

/**
 * 致家长的一封信 of NOTICE_VERSION: what the family will do and what is stored. The join page shows
 * it before the guardian agrees (the server sends it in `family.preview`), and the teacher's print
 * view prints it beside the class code; a change to its text is a new NOTICE_VERSION. Zod-free, so
 * the client may import it.
 */
export const FAMILY_NOTICE = {
  version: NOTICE_VERSION,
  title: '致家长的一封信：小手拉大手，文明一起走',
  paragraphs: [
    '尊敬的家长：我市正在创建全国文明城市。“教育一个学生，带动一个家庭，影响一个社区”，学校邀请您和孩子一起参加“小手拉大手，文明一起走”家庭活动。',
    '每周，班主任会布置几项家庭任务：一起读一章《市民文明手册》、家庭答题、亲子志愿服务、签署文明家庭承诺书、听孩子讲创建、做一件家庭文明微行动，以及交回本信的回执。',
    '我们只保存：您的微信身份（用于识别您的家庭）、您同意本信的时间和版本、孩子的昵称和年级，以及家庭任务的完成记录。不收集孩子的真实姓名、照片、生日、学号或电话。',
    '老师和学校只能看到孩子的昵称和家庭任务完成情况，看不到您的微信信息。您可以随时移除孩子，孩子的信息随即删除；学期结束班级归档时，班级的孩子名单一并删除，您的家庭记录（承诺书、徽章）只有您自己能看到。',
    '点击“同意并加入”，即表示您作为孩子的监护人，已阅读并同意以上内容。',
  ],
} as const

/** Subscribe-message templates this area sends (configured in the mini-program console). */
export const FAMILY_TEMPLATES = {
  /** 家庭任务提醒: the teacher reminds families who have not done this week's tasks */
  weeklyReminder: 'FAMILY_WEEKLY_REMINDER_TEMPLATE',
} as const
