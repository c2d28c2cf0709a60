import { createHash } from 'node:crypto'
import {
  INSPECT_ERRORS,
  type AssessmentMethod,
  type BoardRule,
  type EvidenceStatus,
  type InspectErrorCode,
  type InspectLevel,
  type ItemResult,
  type OrderStatus,
  type ScoreRule,
  type Severity,
  type TaskRole,
} from '@/shared/contract/inspect'
import type { inspectActions } from '@/shared/contract/inspect'
import type { OutputOf, ParsedInputOf } from '@/shared/contract/define'
import { fail, type Fail } from '@/shared/errors'

/**
 * 创文督查's stored shapes, named once. Every file of the area reads and writes these; the
 * counters (`inspect_periods`, `inspect_totals`, a site's and a task's own figures) are kept on
 * write by the code that changes what they count, so no view counts documents.
 */
export const I = {
  standards: 'inspect_standards',
  tasks: 'inspect_tasks',
  evidence: 'inspect_evidence',
  siteTypes: 'inspect_site_types',
  sites: 'inspect_sites',
  siteCells: 'inspect_site_cells',
  siteReports: 'inspect_site_reports',
  teams: 'inspect_teams',
  inspections: 'inspect_inspections',
  orders: 'inspect_orders',
  /** last finding per site and standard: repeat detection is one key lookup */
  lastFindings: 'inspect_last_findings',
  orderSeq: 'inspect_order_seq',
  periods: 'inspect_periods',
  boards: 'inspect_boards',
  escalations: 'inspect_escalations',
  ratings: 'inspect_ratings',
  rules: 'inspect_rules',
  totals: 'inspect_totals',
  /** one per site type (`_id` the type): its checklist, kept by the standards import */
  checklists: 'inspect_checklists',
  /** one per unit (`_id` the unit): its task and open-order figures, kept on write */
  unitCounts: 'inspect_unit_counts',
} as const

export const inspectFail = (code: InspectErrorCode, message: string = INSPECT_ERRORS[code]): Fail => fail(code, message)

/** A short stable id from parts (an ASCII id for keys made of Chinese text or numbers with dots). */
export const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)

/** One standard of the imported 测评体系. `_id` is keyOf('std', number): re-imports update in place. */
export interface StandardDoc {
  _id: string
  number: string
  /** the number padded for ordering (1.2.10 after 1.2.9) */
  sortKey: string
  project: string
  content: string
  text: string
  methods: AssessmentMethod[]
  evidence: string
  siteTypeIds: string[]
  leadUnitId: string | null
  supportUnitIds: string[]
  deadline: number | null
  status: 'active' | 'withdrawn'
  importedAt: number
  updatedAt: number
}

/**
 * One unit's part of one standard. `_id` is `${standardId}__${unitId}`. Reassigning a standard
 * withdraws the tasks of units no longer on it (status 'withdrawn') and keeps their evidence.
 */
export interface TaskDoc {
  _id: string
  standardId: string
  unitId: string
  role: TaskRole
  deadline: number | null
  /** copied from the standard for the unit's list query: material review is one of its methods */
  needsMaterial: boolean
  evidenceStatus: EvidenceStatus
  returnReason: string | null
  status: 'active' | 'withdrawn'
  /** the standard's sortKey, so a unit's list reads in the catalogue's order */
  sortKey: string
  updatedAt: number
}

export interface EvidenceFile {
  fileId: string
  name: string
  kind: 'image' | 'document'
  /** the image content check held it: the office sees it marked, nobody else */
  held: boolean
}

export interface EvidenceDoc {
  _id: string
  taskId: string
  standardId: string
  unitId: string
  files: EvidenceFile[]
  note: string
  status: 'submitted' | 'accepted' | 'returned'
  reason: string | null
  submittedBy: string
  submittedAt: number
  reviewedBy: string | null
  reviewedAt: number | null
}

export interface SiteTypeDoc {
  _id: string
  name: string
  order: number
  /** standards whose 适用点位类型 names this type, kept by the standards import */
  checklistSize: number
  siteCount: number
}

export interface SiteDoc {
  _id: string
  name: string
  typeId: string
  place: { lat: number; lng: number }
  polygon: Array<[number, number]> | null
  /** bounding box of the polygon (or the point ± radius) for the report link */
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
  address: string
  gridId: string
  district: string
  unitId: string
  pairUnitId: string | null
  contactName: string
  contactPhone: string
  openOrders: number
  /** open orders whose deadline passed, kept by the overdue timer and the order transitions */
  overdueOrders: number
  oldestOpenAt: number | null
  openReports: number
  lastInspectedAt: number | null
  lastResult: { pass: number; fail: number; na: number } | null
  /** standardId → the item's verdict at the last inspection */
  lastItems: Record<string, ItemResult>
  /** for the map's order: open problems, most first */
  problemKey: number
  status: 'active' | 'removed'
  createdAt: number
  updatedAt: number
}

/** 督查组: its level weighs what it finds; a district or street team's area bounds where it inspects. */
export interface TeamDoc {
  _id: string
  name: string
  level: InspectLevel
  area: string | null
  createdAt: number
}

export interface InspectionItem {
  standardId: string
  result: ItemResult
  severity: Severity | null
  note: string
  photos: StoredPhoto[]
}

export interface StoredPhoto {
  fileId: string
  takenAt: number | null
  lat: number | null
  lng: number | null
}

/** `_id` is the phone's inspectionId: the same inspection sent twice is stored once. */
export interface InspectionDoc {
  _id: string
  siteId: string
  teamId: string
  level: InspectLevel
  inspectorOpenid: string
  startedAt: number
  finishedAt: number
  receivedAt: number
  items: InspectionItem[]
  counts: { pass: number; fail: number; na: number }
  orderIds: string[]
}

export interface OrderEvent {
  at: number
  action: 'found' | 'answered' | 'closed' | 'sent_back'
  role: 'inspector' | 'liaison' | 'admin'
  note: string
}

/**
 * 督办单: one per problem, `_id` `${inspectionId}__${standardId}`. `deduction` (centi-points, an
 * integer) is what it takes off its unit's score now; every change of it is applied as a delta to
 * the unit's and district's period counters of the week and month it was found in.
 */
export interface OrderDoc {
  _id: string
  code: string
  inspectionId: string
  siteId: string
  siteName: string
  district: string
  unitId: string
  standardId: string
  level: InspectLevel
  severity: Severity
  description: string
  photos: StoredPhoto[]
  status: OrderStatus
  repeat: boolean
  falseCount: number
  foundAt: number
  dueAt: number
  /** set once an inspector closes it: the accepted answer came by the deadline */
  onTime: boolean | null
  answer: { note: string; photos: StoredPhoto[]; at: number; by: string } | null
  history: OrderEvent[]
  /** the weights at the time it was found, so a rule change does not rewrite the past */
  weight: number
  repeatFactor: number
  falseFactor: number
  onTimeFactor: number
  deduction: number
  /** counted in the overdue counters of its site (the timer sets it once the deadline passes) */
  overdueCounted: boolean
  updatedAt: number
}

/** The last problem found at a site for a standard (`_id` keyOf(siteId, standardId)). */
export interface LastFindingDoc {
  _id: string
  orderId: string
  foundAt: number
}

/**
 * Counters of one scope (a unit or a district) in one period (a week or a month), `_id`
 * `${scope}:${scopeId}:${period}` where period is 2026-11-30 or 2026-11. Found/deduction count by
 * the week and month a problem was found; due/onTime by the week and month its deadline falls in.
 */
export interface PeriodDoc {
  _id: string
  scope: 'unit' | 'district'
  scopeId: string
  kind: 'week' | 'month'
  period: string
  found: number
  foundByLevel: Record<InspectLevel, number>
  repeats: number
  falseFound: number
  /** Σ of the problems' current deductions, centi-points */
  deduction: number
  materialReturns: number
  ratings: number
  satisfied: number
  due: number
  onTime: number
  updatedAt: number
}

export interface RulesDoc {
  _id: 'current'
  score: ScoreRule
  board: BoardRule
  stars: Array<{ min: number; stars: number }>
  severityDays: Record<Severity, number>
  updatedAt: number
  updatedBy: string
}

/** A published 红黑榜 (`_id` the week): the rows as they were, never recomputed. */
export interface BoardDoc {
  _id: string
  week: string
  rule: BoardRule
  units: Array<{ id: string; name: string; due: number; onTime: number; rate: number | null; rank: number | null; list: 'red' | 'black' | null }>
  districts: Array<{ id: string; name: string; due: number; onTime: number; rate: number | null; rank: number | null; list: 'red' | 'black' | null }>
  publishedAt: number
  publishedBy: string
}

export interface EscalationDoc {
  _id: string
  unitId: string
  week: string
  streak: number
  step: string
  detail: string
  at: number
}

/** A published 星级评定 (`_id` the month): each unit's score lines as they were. */
export interface RatingDoc {
  _id: string
  month: string
  bands: Array<{ min: number; stars: number }>
  rows: Array<{ unitId: string; name: string; score: number; stars: number; lines: Array<{ label: string; count: number; points: number; how: string }> }>
  publishedAt: number
  publishedBy: string
}

/** One checklist entry: what the site detail and the phone show of a standard. */
export interface ChecklistEntry {
  _id: string
  number: string
  content: string
  text: string
}

/**
 * A site type's checklist (`_id` the type id): the active standards whose 适用点位类型 names it,
 * in catalogue order (≤ standardsPerSheet entries). The standards import rewrites it whenever the
 * catalogue changes, so the site detail and an inspection read one document, not the catalogue.
 */
export interface ChecklistDoc {
  _id: string
  items: ChecklistEntry[]
  updatedAt: number
}

/**
 * A unit's figures (`_id` the unit id), kept by every write of its tasks and of its sites' open
 * orders, so the office's unit list reads one document per unit instead of counting.
 * `pendingByDeadline` counts the active tasks still owing 材料 (needsMaterial, not accepted) by
 * their deadline (ms, as a string key): overdue at any moment is the sum of the keys below now, so
 * the clock needs no timer and no count.
 */
export interface UnitCountsDoc {
  _id: string
  tasks: number
  material: number
  accepted: number
  pendingByDeadline: Record<string, number>
  /** open or answered 督办单 at the sites the unit answers for now (Σ of their openOrders) */
  openOrders: number
  updatedAt: number
}

/** City-wide figures (`_id` 'city'): standards, assigned, sites, open orders, evidence waiting. */
export interface TotalsDoc {
  _id: 'city'
  standards: number
  assigned: number
  sites: number
  openOrders: number
  evidenceWaiting: number
}

// ---- handler signatures, from the contract ----
type Actions = typeof inspectActions
/** The parsed input of an inspect action. */
export type In<K extends keyof Actions> = ParsedInputOf<Actions[K]>
/** What an inspect action's handler resolves to. */
export type Out<K extends keyof Actions> = Promise<OutputOf<Actions[K]> | Fail>
