import Taro from '@tarojs/taro'
import type { InspectResultView } from '@/shared/contract'
import type { ItemResult, Severity } from '@/shared/inspect'
import type { Result } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'
import { networkStore, watchNetwork } from '@/lib/network'
import { isRecord, readStored, writeStored } from '@/lib/storage'
import { uploadFile } from '@/lib/upload'

/**
 * 实地督查 on a weak signal: a market hall or a back street often has one bar or none. Every tap
 * is written to the phone's storage at once, so a dropped page, a killed app or a dead battery
 * loses nothing; photos stay as local paths until 完成督查. Sending uploads only the photos not yet
 * uploaded (each fileID is remembered the moment it arrives, so a retry never uploads twice) and
 * then submits with the inspectionId made when the inspection began: the server treats the same
 * inspection sent twice as one.
 */

export interface DraftPhoto {
  key: string
  path: string
  takenAt: number
  lat?: number
  lng?: number
  fileId: string | null
}

export interface DraftItem {
  standardId: string
  result: ItemResult | null
  severity: Severity | null
  note: string
  photos: DraftPhoto[]
}

export interface Draft {
  inspectionId: string
  siteId: string
  siteName: string
  startedAt: number
  /** set at 完成督查; a draft with it is waiting to be sent */
  finishedAt: number | null
  items: DraftItem[]
}

const draftKey = (siteId: string) => `inspect:draft:${siteId}`
const doneKey = (siteId: string) => `inspect:done:${siteId}`
const QUEUE_KEY = 'inspect:outbox'

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
const isDraft = (v: unknown): v is Draft =>
  isRecord(v) && typeof v.inspectionId === 'string' && typeof v.siteId === 'string' && typeof v.startedAt === 'number' && Array.isArray(v.items)
const isResult = (v: unknown): v is InspectResultView => isRecord(v) && typeof v.inspectionId === 'string' && isRecord(v.counts)

/** A v4 UUID: the mini-program has no crypto.randomUUID; uniqueness per inspector is all it needs. */
export function newId(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`
}

export const loadDraft = (siteId: string): Draft | null => readStored(draftKey(siteId), isDraft) ?? null

export function startDraft(siteId: string, siteName: string, standardIds: string[], now: number): Draft {
  const draft: Draft = {
    inspectionId: newId(),
    siteId,
    siteName,
    startedAt: now,
    finishedAt: null,
    items: standardIds.map((standardId) => ({ standardId, result: null, severity: null, note: '', photos: [] })),
  }
  saveDraft(draft)
  return draft
}

/** Written the moment anything changes: the draft on the phone is always what the screen shows. */
export function saveDraft(draft: Draft): void {
  writeStored(draftKey(draft.siteId), draft)
}

function queue(): string[] {
  return readStored(QUEUE_KEY, isStringArray) ?? []
}

function setQueued(siteId: string, on: boolean) {
  const rest = queue().filter((s) => s !== siteId)
  writeStored(QUEUE_KEY, on ? [...rest, siteId] : rest)
}

/** finished and waiting for a signal */
export const isQueued = (siteId: string) => queue().includes(siteId)

/**
 * WeChat may clean a temp file once the mini-program is closed; a photo waiting for a signal is
 * copied into the user-data folder, which stays until the draft is cleared. H5 photos are data:
 * URLs already kept in the draft itself.
 */
const userData = () => (process.env.TARO_ENV === 'weapp' ? (Taro.env.USER_DATA_PATH ?? null) : null)

export function keepFile(path: string): string {
  const dir = userData()
  if (!dir || path.startsWith(dir)) return path
  try {
    const kept = `${dir}/inspect-${newId()}.jpg`
    Taro.getFileSystemManager().copyFileSync(path, kept)
    return kept
  } catch {
    return path // storage full: the temp file still serves this session
  }
}

/** A kept photo the inspector removed, or of a draft that is done with. */
export function dropFile(path: string): void {
  const dir = userData()
  if (!dir || !path.startsWith(dir)) return
  try {
    Taro.getFileSystemManager().unlinkSync(path)
  } catch {
    // already gone
  }
}

function dropFiles(draft: Draft | null) {
  for (const p of draft?.items.flatMap((i) => i.photos) ?? []) dropFile(p.path)
}

export function clearDraft(siteId: string): void {
  dropFiles(loadDraft(siteId))
  writeStored(draftKey(siteId), null)
  setQueued(siteId, false)
}

/** The answer of an inspection sent while its page was closed, shown when the page opens again. */
export const lastResult = (siteId: string): InspectResultView | null => readStored(doneKey(siteId), isResult) ?? null
export const forgetResult = (siteId: string) => writeStored(doneKey(siteId), null)

/** A failure worth waiting out (no signal, the cloud unreachable) rather than one to show and fix. */
export const isNetworkFailure = (code: string) => code === 'NETWORK.OFFLINE' || code === 'CLOUD.UNAVAILABLE'

export const OFFLINE_WORDS = '网络不佳，已保存在手机上，恢复后自动提交'

export interface SendProgress {
  uploaded: number
  total: number
}

// one send per site at a time: the page and the network watcher asking together share one answer
const sending = new Map<string, Promise<Result<InspectResultView>>>()

/**
 * Sends one finished draft. Photos first (each fileID saved to storage before the next), then
 * the inspection. A network failure keeps the draft queued; any other failure leaves it on the
 * phone, not queued, for the inspector to correct.
 */
export function sendDraft(siteId: string, onProgress?: (p: SendProgress) => void): Promise<Result<InspectResultView>> {
  const running = sending.get(siteId)
  if (running) return running
  const run = sendOnce(siteId, onProgress).finally(() => sending.delete(siteId))
  sending.set(siteId, run)
  return run
}

async function sendOnce(siteId: string, onProgress?: (p: SendProgress) => void): Promise<Result<InspectResultView>> {
  const draft = loadDraft(siteId)
  if (!draft || draft.finishedAt === null) return { ok: false, code: 'INSPECT.NO_DRAFT', message: '没有待提交的督查记录' }
  {
    setQueued(siteId, true)
    const photos = draft.items.flatMap((i) => (i.result === 'fail' ? i.photos : []))
    let uploaded = photos.filter((p) => p.fileId !== null).length
    onProgress?.({ uploaded, total: photos.length })
    for (const photo of photos) {
      if (photo.fileId !== null) continue
      const up = await uploadFile({ area: 'inspect', filePath: photo.path })
      if (!up.ok) {
        if (!isNetworkFailure(up.code)) setQueued(siteId, false)
        return up
      }
      photo.fileId = up.data.fileID
      saveDraft(draft)
      uploaded += 1
      onProgress?.({ uploaded, total: photos.length })
    }
    const result = await callCloud('inspect', 'submitInspection', {
      inspectionId: draft.inspectionId,
      siteId: draft.siteId,
      startedAt: draft.startedAt,
      finishedAt: draft.finishedAt,
      items: draft.items.map((i) =>
        i.result === 'fail'
          ? {
              standardId: i.standardId,
              result: i.result,
              ...(i.severity ? { severity: i.severity } : {}),
              note: i.note.trim(),
              photos: i.photos.map((p) => ({
                fileId: p.fileId ?? '',
                takenAt: p.takenAt,
                ...(p.lat !== undefined && p.lng !== undefined ? { lat: p.lat, lng: p.lng } : {}),
              })),
            }
          : { standardId: i.standardId, result: i.result ?? 'na' },
      ),
    })
    if (result.ok) {
      clearDraft(siteId)
      writeStored(doneKey(siteId), result.data)
    } else if (!isNetworkFailure(result.code)) {
      setQueued(siteId, false)
    }
    return result
  }
}

/** Every queued inspection, one after another (the signal just came back; no need to hurry). */
export async function flushOutbox(): Promise<void> {
  for (const siteId of queue()) {
    const r = await sendDraft(siteId)
    if (!r.ok && isNetworkFailure(r.code)) return
  }
}

let watching = false

/** Retry the queue whenever the phone says it is connected again (Taro.onNetworkStatusChange). */
export function watchOutbox(): void {
  if (watching) return
  watching = true
  watchNetwork()
  let wasOnline = networkStore.get().online
  networkStore.subscribe(() => {
    const online = networkStore.get().online
    if (online && !wasOnline) void flushOutbox()
    wasOnline = online
  })
}
