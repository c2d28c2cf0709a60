import type { CsvExportView, MinuteSource, SignupState } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { csvCell } from '../csv'
import { managedShift } from './activities'
import { closeEndedShift } from './attendance'
import { ID_TYPE_LABEL } from './identity'
import { C, findMany, type ActivityDoc, type ProfileDoc, type ShiftDoc, type SignupDoc } from './model'
import { loadSettings } from './settings'
import { shanghaiDateTime, shanghaiDay } from './time'

/**
 * The fields of a service record under 《志愿服务记录与证明出具办法》 and the national volunteer
 * information system's import: the volunteer (name, document type and number, phone), the
 * service (activity, category, place, organization, date, start, end, hours), and how the
 * record came to be (sources of the minutes, confirmation, adjustments).
 */
export const CSV_HEADER = [
  '记录编号',
  '志愿者姓名',
  '证件类型',
  '证件号码',
  '联系电话',
  '志愿服务活动名称',
  '服务类别',
  '服务地点',
  '志愿服务组织',
  '服务日期',
  '服务开始时间',
  '服务结束时间',
  '签到时间',
  '签退时间',
  '服务时长（小时）',
  '服务时长（分钟）',
  '记录状态',
  '时长来源',
  '确认时间',
  '备注',
] as const

const TYPE_LABEL: Record<ActivityDoc['type'], string> = {
  traffic: '文明交通',
  tourism: '文明旅游',
  community: '文明社区',
  integrity: '诚信建设',
  environment: '环境整治',
}

const SOURCE_LABEL: Record<MinuteSource, string> = { code: '扫码/签到码', geofence: '定位', auto: '自动签退', manual: '人工' }

const STATE_LABEL: Record<SignupState, string> = {
  waitlisted: '候补',
  signed: '已报名',
  checkedIn: '已签到',
  checkedOut: '待确认',
  confirmed: '已确认',
  cancelled: '已取消',
  noShow: '缺席',
}

function sourcesOf(s: SignupDoc): string {
  const parts: string[] = []
  if (s.checkIn) parts.push(`签到:${SOURCE_LABEL[s.checkIn.source]}`)
  if (s.checkOut) parts.push(`签退:${SOURCE_LABEL[s.checkOut.source]}`)
  if (s.adjustments.length > 0) parts.push(`调整:${SOURCE_LABEL.manual}`)
  return parts.join(' ')
}

export function csvRow(s: SignupDoc, shift: ShiftDoc, activity: ActivityDoc, p: ProfileDoc | undefined): string {
  const last = s.adjustments[s.adjustments.length - 1]
  const notes = [
    s.autoClosed ? '未签退，按班次结束时间自动签退' : '',
    s.noShowReason === 'lateCancel' ? '截止后取消' : '',
    last ? `人工调整 ${last.fromMinutes}→${last.toMinutes} 分钟：${last.reason}` : '',
  ].filter(Boolean)
  const cells: Array<string | number> = [
    s._id,
    p?.realName ?? '',
    p ? ID_TYPE_LABEL[p.idType] : '',
    p?.idNumber ?? '',
    p?.phone ?? '',
    activity.title,
    TYPE_LABEL[activity.type],
    `${activity.place.name} ${activity.place.address}`,
    activity.teamName,
    shanghaiDay(shift.startAt),
    shanghaiDateTime(shift.startAt),
    shanghaiDateTime(shift.endAt),
    s.checkIn ? shanghaiDateTime(s.checkIn.at) : '',
    s.checkOut ? shanghaiDateTime(s.checkOut.at) : '',
    (s.minutes / 60).toFixed(2),
    s.minutes,
    STATE_LABEL[s.state],
    sourcesOf(s),
    s.confirmedAt ? shanghaiDateTime(s.confirmedAt) : '',
    notes.join('；'),
  ]
  return cells.map(csvCell).join(',')
}

const EXPORTED_STATES: SignupState[] = ['signed', 'checkedIn', 'checkedOut', 'confirmed', 'noShow']

/**
 * The shift's records as CSV (UTF-8 with BOM so Excel reads the Chinese). Full document numbers
 * and phones are in it, because the national system needs them: the export is audited. Inline
 * for the H5 download; to cloud storage with a temporary link in the mini-program, which cannot
 * save a string as a file.
 */
export async function exportShiftCsv(input: { shiftId: string; delivery: 'inline' | 'storage' }, ctx: ActionContext): Promise<CsvExportView | Fail> {
  const managed = await managedShift(ctx, input.shiftId)
  if ('ok' in managed) return managed
  const { shift, activity } = managed
  await closeEndedShift(ctx, shift, await loadSettings(ctx))
  const lines = [CSV_HEADER.join(',')]
  const _ = ctx.db.command
  for (let skip = 0; ; skip += 100) {
    const { data } = await ctx.db
      .collection(C.signups)
      .where({ shiftId: shift._id, state: _.in(EXPORTED_STATES) })
      .orderBy('queueKey', 'asc')
      .skip(skip)
      .limit(100)
      .get()
    const signups = data as unknown as SignupDoc[]
    const profiles = await findMany<ProfileDoc>(ctx.db, C.profiles, signups.map((s) => s.openid))
    for (const s of signups) lines.push(csvRow(s, shift, activity, profiles.get(s.openid)))
    if (data.length < 100) break
  }
  const csv = `\uFEFF${lines.join('\r\n')}\r\n`
  const filename = `志愿服务记录_${shanghaiDay(shift.startAt)}_${shift._id}.csv`
  const rows = lines.length - 1
  await writeAudit(ctx, { subjectType: 'volunteer_shift', subjectId: shift._id, action: 'exportShiftCsv', detail: { rows, delivery: input.delivery } })
  if (input.delivery === 'inline') return { filename, rows, csv, fileID: null, tempUrl: null }
  const cloudPath = `volunteer/exports/${shift._id}-${ctx.clock.now()}.csv`
  const { fileID } = await ctx.storage.uploadFile({ cloudPath, fileContent: Buffer.from(csv, 'utf8') })
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { filename, rows, csv: null, fileID, tempUrl: fileList[0]?.tempFileURL ?? null }
}
