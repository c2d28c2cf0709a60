/** Bounds of subscribe-message consent and credits (the rest of the notify tables are in notify.ts). */
export const NOTIFY_LIMITS = {
  /** WeChat shows at most three templates in one consent dialog */
  grantsPerConsent: 3,
  /** unused credits one person may hold per purpose: each is one consent tap, more is hoarding */
  creditsPerPurpose: 50,
  /** credits older than this are dropped by expireConsents (WeChat's one-time grants are not meant to be kept) */
  creditMaxAgeDays: 180,
  outboxPageSize: 20,
  templateIdMax: 64,
} as const
