import { FRONTAGE_ERRORS, type BusinessTypeId, type FrontageErrorCode, type FrontageGeometry, type ShopKind, type ShopStage, type ShopStatus } from '@/shared/contract/frontage'
import type { frontageActions } from '@/shared/contract/frontage'
import type { OutputOf, ParsedInputOf } from '@/shared/contract/define'
import { fail, type Fail } from '@/shared/errors'

/**
 * 门前三包's stored shapes shared across the area, named once. Files that own a narrower part
 * (inspections and scores) keep their own document types next to their code.
 */
export const M = {
  shops: 'frontage_shops',
  shopCells: 'frontage_shop_cells',
  seq: 'frontage_seq',
  members: 'frontage_members',
  templates: 'frontage_templates',
  signatures: 'frontage_signatures',
  streets: 'frontage_streets',
  zones: 'frontage_zones',
  zoneCells: 'frontage_zone_cells',
  shopReports: 'frontage_shop_reports',
  inspections: 'frontage_inspections',
  findings: 'frontage_findings',
  lastFindings: 'frontage_last_findings',
  months: 'frontage_months',
  boards: 'frontage_boards',
  rules: 'frontage_rules',
} as const

export const frontageFail = (code: FrontageErrorCode, message: string = FRONTAGE_ERRORS[code]): Fail => fail(code, message)

export interface ShopDoc {
  _id: string
  /** MQ-00042: from the atomic counter in frontage_seq */
  code: string
  name: string
  kind: ShopKind
  businessType: BusinessTypeId
  address: string
  frontage: FrontageGeometry
  /** bounding box of the frontage (lines buffered by FRONTAGE_LIMITS.lineBufferM) */
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
  /** a point on the frontage: where a report from the door page is pinned */
  anchor: { lat: number; lng: number }
  gridId: string
  district: string
  /** the 街道办事处 unit whose street office registers and confirms it */
  streetUnitId: string
  status: ShopStatus
  ownerName: string
  ownerPhone: string
  /** who applied (an owner's own registration) or null (registered by the street office) */
  applicantOpenid: string | null
  templateId: string
  /** the template version in force for this shop: a newer template version asks to sign again */
  pledgeVersion: number
  signedVersion: number | null
  signedAt: number | null
  termFrom: number
  termTo: number
  waitingReports: number
  /** stars of the last published month, and which month */
  stars: number | null
  starsMonth: string | null
  createdAt: number
  updatedAt: number
}

/** A 随手拍 at a frontage (`_id` the report id): the shop's stage of it. */
export interface ShopReportDoc {
  _id: string
  shopId: string
  categoryId: string
  stage: ShopStage
  createdAt: number
  shopDueAt: number
  answeredAt: number | null
  /** escalated: 'timeout' (the shop did not answer in time) or 'unhappy' (the resident was not satisfied) */
  escalatedAt: number | null
  escalation: 'timeout' | 'unhappy' | null
  /** fixed by the shop within its limit (and not escalated afterwards) */
  fixedInTime: boolean | null
}

// ---- handler signatures, from the contract ----
type Actions = typeof frontageActions
export type In<K extends keyof Actions> = ParsedInputOf<Actions[K]>
export type Out<K extends keyof Actions> = Promise<OutputOf<Actions[K]> | Fail>
