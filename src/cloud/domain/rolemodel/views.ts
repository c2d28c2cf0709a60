import type {
  CandidateView,
  HonourView,
  MyNominationView,
  NominationListItem,
  NominationOfficeView,
  NomineeView,
  RoundOfficeView,
  RoundSummary,
} from '@/shared/contract'
import type { Platform } from '../../platform'
import { roundStatusAt, type CandidateDoc, type HonourDoc, type NominationDoc, type NomineeDoc, type RoundDoc } from './model'

/** Temporary URLs for many stored files in one call (50 per call, the cloud's cap). */
export async function urlsOf(platform: Platform, fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)]
  const urls = new Map<string, string>()
  for (let i = 0; i < unique.length; i += 50) {
    const { fileList } = await platform.storage.getTempFileURL({ fileList: unique.slice(i, i + 50) })
    for (const f of fileList) if (f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
  }
  return urls
}

const urlList = (fileIds: readonly string[], urls: Map<string, string>) => fileIds.map((f) => urls.get(f)).filter((u): u is string => !!u)

export async function myNominationView(platform: Platform, doc: NominationDoc): Promise<MyNominationView> {
  const urls = await urlsOf(platform, doc.photos.map((p) => p.fileId))
  return baseNomination(doc, urls)
}

function baseNomination(doc: NominationDoc, urls: Map<string, string>): MyNominationView {
  return {
    id: doc._id,
    name: doc.name,
    categoryId: doc.categoryId,
    place: doc.place,
    account: doc.account,
    // the nominator sees their own photos, held or not (only they and the office ever do)
    photos: urlList(doc.photos.map((p) => p.fileId), urls),
    status: doc.status,
    officeNote: doc.officeNote,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  }
}

export function listItem(doc: NominationDoc, possibleDuplicates: number): NominationListItem {
  return {
    id: doc._id,
    name: doc.name,
    categoryId: doc.categoryId,
    place: doc.place,
    status: doc.status,
    excerpt: doc.account.slice(0, 60),
    photoCount: doc.photos.length,
    possibleDuplicates,
    createdAt: doc.createdAt,
  }
}

export async function officeNominationView(
  platform: Platform,
  doc: NominationDoc,
  merged: NominationDoc[],
  duplicates: NominationListItem[],
): Promise<NominationOfficeView> {
  const urls = await urlsOf(platform, doc.photos.map((p) => p.fileId))
  return {
    ...baseNomination(doc, urls),
    nominatorPhone: doc.phone,
    photoChecks: doc.photos.map((p) => ({ url: urls.get(p.fileId) ?? '', state: p.pass ? 'pass' : 'rejected' })),
    honour: doc.honour,
    nomineeId: doc.nomineeId,
    mergedInto: doc.mergedInto,
    merged: merged.map((m) => ({ id: m._id, account: m.account, createdAt: m.createdAt })),
    possibleDuplicates: duplicates,
    history: doc.history,
  }
}

export async function nomineeView(platform: Platform, doc: NomineeDoc): Promise<NomineeView> {
  const urls = await urlsOf(platform, doc.photos)
  return {
    id: doc._id,
    name: doc.name,
    categoryId: doc.categoryId,
    place: doc.place,
    story: doc.story,
    photos: urlList(doc.photos, urls),
    consent: doc.consent.status,
    consentAt: doc.consent.at,
    consentCodeExpiresAt: doc.consent.codeHash ? doc.consent.codeExpiresAt : null,
    nominationIds: doc.nominationIds,
    roundIds: doc.roundIds,
    chosen: doc.chosen,
  }
}

export function roundSummary(round: RoundDoc, now: number): RoundSummary {
  return {
    id: round._id,
    title: round.title,
    status: roundStatusAt(round, now),
    startAt: round.startAt,
    endAt: round.endAt,
    seats: round.seats,
    candidateCount: round.candidateIds.length,
  }
}

/** A candidate as residents see it: the snapshot count only, never the live one. */
export function candidateView(doc: CandidateDoc, urls: Map<string, string>, votedToday: boolean): CandidateView {
  return {
    id: doc.nomineeId,
    name: doc.name,
    categoryId: doc.categoryId,
    place: doc.place,
    story: doc.story,
    photos: urlList(doc.photos, urls),
    snapshotVotes: doc.snapshotVotes,
    votedToday,
  }
}

export function roundOfficeView(round: RoundDoc, candidates: CandidateDoc[], now: number): RoundOfficeView {
  return {
    ...roundSummary(round, now),
    rules: round.rules,
    candidates: candidates.map((c) => ({
      id: c.nomineeId,
      name: c.name,
      categoryId: c.categoryId,
      votes: c.votes,
      voided: c.voided,
      panelScore: c.panelScore,
      objections: c.objections,
    })),
    snapshotAt: round.snapshotAt,
    objections: candidates.reduce((sum, c) => sum + c.objections, 0),
  }
}

export function honourView(doc: HonourDoc, urls: Map<string, string>, likedByMe: boolean): HonourView {
  return {
    id: doc._id,
    nomineeId: doc.nomineeId,
    roundId: doc.roundId,
    roundTitle: doc.roundTitle,
    name: doc.name,
    categoryId: doc.categoryId,
    place: doc.place,
    story: doc.story,
    photos: urlList(doc.photos, urls),
    likes: doc.likes,
    likedByMe,
    honouredAt: doc.honouredAt,
  }
}
