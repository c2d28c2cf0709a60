import { CONTRACT } from '@/shared/contract'
import {
  addShift,
  cancelActivity,
  cancelShift,
  getActivity,
  listActivities,
  publishActivity,
  teamActivities,
  updateActivity,
  updateShift,
} from '../../domain/volunteer/activities'
import { checkIn, checkOut, closeEndedShifts } from '../../domain/volunteer/attendance'
import { issueCertificate, verifyCertificate } from '../../domain/volunteer/certificate'
import { exportShiftCsv } from '../../domain/volunteer/export'
import { adjustMinutes, checkInCode, confirmHours, roster } from '../../domain/volunteer/organizer'
import { myProfile, register } from '../../domain/volunteer/profile'
import { myRecords } from '../../domain/volunteer/records'
import { loadSettings, updateSettings } from '../../domain/volunteer/settings'
import { cancelSignup, signUp } from '../../domain/volunteer/signup'
import { remindShifts } from '../../domain/notify/shift-reminder'
import { defineFunction } from '../../runtime/define-function'

/** 志愿服务: activities, sign-ups and the waitlist, check-in/out, hours, certificates. */
export const volunteerFunction = defineFunction(
  'volunteer',
  CONTRACT.volunteer,
  {
    listActivities: (input, ctx) => listActivities(input, ctx),
    getActivity: (input, ctx) => getActivity(input, ctx),
    register: (input, ctx) => register(input, ctx),
    myProfile: (_input, ctx) => myProfile(ctx),
    signUp: (input, ctx) => signUp(input, ctx),
    cancelSignup: (input, ctx) => cancelSignup(input, ctx),
    checkIn: (input, ctx) => checkIn(input, ctx),
    checkOut: (input, ctx) => checkOut(input, ctx),
    myRecords: (input, ctx) => myRecords(input, ctx),
    issueCertificate: (_input, ctx) => issueCertificate(ctx),
    verifyCertificate: (input, ctx) => verifyCertificate(input, ctx),
    teamActivities: (input, ctx) => teamActivities(input, ctx),
    publishActivity: (input, ctx) => publishActivity(input, ctx),
    updateActivity: (input, ctx) => updateActivity(input, ctx),
    addShift: (input, ctx) => addShift(input, ctx),
    updateShift: (input, ctx) => updateShift(input, ctx),
    cancelShift: (input, ctx) => cancelShift(input, ctx),
    cancelActivity: (input, ctx) => cancelActivity(input, ctx),
    checkInCode: (input, ctx) => checkInCode(input, ctx),
    roster: (input, ctx) => roster(input, ctx),
    confirmHours: (input, ctx) => confirmHours(input, ctx),
    adjustMinutes: (input, ctx) => adjustMinutes(input, ctx),
    exportShiftCsv: (input, ctx) => exportShiftCsv(input, ctx),
    getSettings: (_input, ctx) => loadSettings(ctx),
    updateSettings: (input, ctx) => updateSettings(input, ctx),
  },
  // wxacode.getUnlimited: the certificate's 小程序码 (scene v<code>) drawn on the saved image
  ['security.msgSecCheck', 'security.imgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited'],
  {
    // forgotten check-outs close at shift end + grace even when nobody opens the shift again
    closeEndedShifts: { cron: '0 */10 * * * * *', everyMs: 10 * 60_000, run: (ctx) => closeEndedShifts(ctx) },
    // 活动开始提醒: every 10 minutes, shifts starting within the hour; a per-signup mark makes a rerun send nothing
    remindShifts: { cron: '0 */10 * * * * *', everyMs: 10 * 60_000, run: async (ctx) => void (await remindShifts(ctx)) },
  },
)

export default volunteerFunction
