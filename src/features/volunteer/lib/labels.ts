import type { ActivityType, IdType, MinuteSource, MyRecordView, RosterEntryView, SignupState } from '@/shared/contract'

export const ACTIVITY_TYPE_LABEL: Record<ActivityType, string> = {
  traffic: '文明交通',
  tourism: '文明旅游',
  community: '文明社区',
  integrity: '诚信建设',
  environment: '环境整治',
}

export const ACTIVITY_TYPES = Object.keys(ACTIVITY_TYPE_LABEL) as ActivityType[]

/** one character for the type's badge: the type is said in words next to it as well */
export const ACTIVITY_TYPE_GLYPH: Record<ActivityType, string> = {
  traffic: '交',
  tourism: '旅',
  community: '社',
  integrity: '信',
  environment: '环',
}

export const ID_TYPE_LABEL: Record<IdType, string> = {
  resident: '居民身份证',
  hkMacau: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  passport: '护照',
}

export const SOURCE_LABEL: Record<MinuteSource, string> = {
  code: '签到码',
  geofence: '定位',
  auto: '自动签退',
  manual: '人工',
}

type Tone = 'ok' | 'warn' | 'muted' | 'info' | 'alert'

/** The word for a signup's state and its tone (the word always carries the meaning). */
export function stateLabel(r: Pick<MyRecordView | RosterEntryView, 'state' | 'noShowReason' | 'autoClosed'>): { text: string; tone: Tone } {
  const labels: Record<SignupState, { text: string; tone: Tone }> = {
    waitlisted: { text: '候补中', tone: 'warn' },
    signed: { text: '已报名', tone: 'info' },
    checkedIn: { text: '已签到', tone: 'ok' },
    checkedOut: { text: r.autoClosed ? '自动签退·待确认' : '已签退·待确认', tone: 'warn' },
    confirmed: { text: '时长已确认', tone: 'ok' },
    cancelled: { text: '已取消', tone: 'muted' },
    noShow: { text: r.noShowReason === 'lateCancel' ? '逾期取消·记缺席' : '缺席', tone: 'alert' },
  }
  return labels[r.state]
}
