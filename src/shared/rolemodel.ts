/**
 * 身边好人: the pure constants both sides need (categories, honour levels, statuses and their
 * labels, limits, default vote rules). No zod here, so the mini-program can import them without
 * pulling the contract's schemas into its bundle; the rolemodel contract re-exports everything.
 */

/**
 * The five categories of 中国好人榜, fixed nationally (some local texts say 孝老敬亲 / 乐于助人; we
 * use the national wording). `short` is the one-character abbreviation the SMS channel uses.
 */
export const ROLEMODEL_CATEGORIES = {
  helping: { label: '助人为乐', short: '助', hint: '长期主动无私帮助他人，积极参加公益' },
  bravery: { label: '见义勇为', short: '勇', hint: '关键时刻临危不惧、挺身而出' },
  honesty: { label: '诚实守信', short: '诚', hint: '诚信为本，履约践诺' },
  dedication: { label: '敬业奉献', short: '敬', hint: '认真负责，在本行业具有引领示范作用' },
  filial: { label: '孝老爱亲', short: '孝', hint: '注重家庭家风家教，孝敬父母、关爱子女、夫妻和睦' },
} as const
export type RolemodelCategoryId = keyof typeof ROLEMODEL_CATEGORIES
export const ROLEMODEL_CATEGORY_IDS = Object.keys(ROLEMODEL_CATEGORIES) as [RolemodelCategoryId, ...RolemodelCategoryId[]]

/**
 * Honour levels, lowest first. Our city's own list is `city`: a person already honoured at this
 * level or above (省道德模范、中国好人 …) is not selected again, as published calls for nominations say.
 */
export const HONOUR_LEVELS = ['city', 'province', 'national'] as const
export type HonourLevel = (typeof HONOUR_LEVELS)[number]
export const HONOUR_LEVEL_LABEL: Record<HonourLevel, string> = {
  city: '市级（本级）',
  province: '省级',
  national: '国家级',
}

/**
 * A nomination's life: 待审核 → 已采纳, or 需补充 (back to the nominator, then 待审核 again), 未采纳
 * (with a reason), 已合并 (the office confirmed it is the same person as another nomination),
 * 已获评 (already honoured at this or a higher level).
 */
export const NOMINATION_STATUSES = ['pending', 'needsMore', 'accepted', 'declined', 'merged', 'honoured'] as const
export type NominationStatus = (typeof NOMINATION_STATUSES)[number]
export const NOMINATION_STATUS_LABEL: Record<NominationStatus, string> = {
  pending: '待审核',
  needsMore: '需补充材料',
  accepted: '已采纳',
  declined: '未采纳',
  merged: '已合并',
  honoured: '已获评',
}

/** The nominee's own consent to being shown publicly; nothing about them is public before `given`. */
export const CONSENT_STATUSES = ['awaiting', 'given', 'refused'] as const
export type ConsentStatus = (typeof CONSENT_STATUSES)[number]
export const CONSENT_STATUS_LABEL: Record<ConsentStatus, string> = {
  awaiting: '待本人同意',
  given: '本人已同意',
  refused: '本人不同意公开',
}

/** A round: 未开始 → 公示投票中 → 投票已结束 (panel scores, objections) → 已公布结果. */
export const ROUND_STATUSES = ['scheduled', 'open', 'ended', 'closed'] as const
export type RoundStatus = (typeof ROUND_STATUSES)[number]
export const ROUND_STATUS_LABEL: Record<RoundStatus, string> = {
  scheduled: '未开始',
  open: '公示投票中',
  ended: '投票已结束',
  closed: '已公布结果',
}

export const ANOMALY_KINDS = ['night', 'freshAccounts', 'candidateBurst'] as const
export type AnomalyKind = (typeof ANOMALY_KINDS)[number]
export const ANOMALY_KIND_LABEL: Record<AnomalyKind, string> = {
  night: '凌晨 1–6 点集中投票',
  freshAccounts: '新注册账号集中投票',
  candidateBurst: '某候选人短时集中得票',
}

export const ROLEMODEL_LIMITS = {
  nameMax: 20,
  /** 事迹简述: the issue's ≤ 500 characters; at least a sentence so the office has something to check */
  accountMin: 10,
  accountMax: 500,
  placePartMax: 30,
  photosMax: 6,
  noteMax: 200,
  objectionMax: 500,
  honourTitleMax: 60,
  roundTitleMax: 60,
  candidatesMax: 100,
  seatsMax: 50,
  votesPerDayMax: 50,
  roundDaysMax: 60,
  /** a consent code works this long after the office issues it */
  consentCodeDays: 14,
  /** objections one person may file per round */
  objectionsPerRound: 5,
  pageSize: 20,
} as const

/**
 * Rules a round starts with unless the office sets others: 驻马店 allowed 10 votes a day, never twice
 * for one person; 感动重庆 weighted 社会投票 70% + 评委 30%; 长沙 voids candidates with more than 1,000
 * votes between 01:00 and 06:00. The burst thresholds are our own starting points.
 */
export const ROUND_DEFAULTS = {
  votesPerDay: 10,
  /** fixed: the unique key is (person, candidate, day), so one vote per candidate per day */
  perCandidatePerDay: 1,
  weights: { votes: 70, panel: 30 },
  anomaly: {
    /** votes one candidate got between 01:00 and 06:00 (Asia/Shanghai) in one night */
    nightVotes: 1000,
    /** votes in one hour for one candidate from accounts created within the last 24 hours */
    freshAccountVotesPerHour: 100,
    /** votes in one hour for one candidate, when also ≥ `burstFactor` × its hourly average that day */
    candidateVotesPerHour: 300,
    burstFactor: 5,
  },
  /** the daily snapshot residents see is taken at this hour (Asia/Shanghai), as 感动重庆 published at 18:00 */
  snapshotHour: 18,
} as const

/** Night hours for the night flag: 01:00 up to 06:00, Asia/Shanghai. */
export const NIGHT_HOURS = { from: 1, to: 6 } as const
