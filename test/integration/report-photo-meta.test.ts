import { expectOk } from '../support/cloud'
import { P, startReportCloud, storedReport, type ReportCloud } from './report-fixtures'

/**
 * Each 随手拍 photo is stamped on the phone with its time and place; the capture time is also kept
 * as data beside the photo, so staff can tell a photo taken on the spot from one picked from the album.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

test('the capture time and source of each photo are stored in order and shown with the photo', async () => {
  const [a, b] = [await cloud.photo(P.alice), await cloud.photo(P.alice)]
  const takenA = cloud.clock.now() - 5 * 60_000
  const takenB = cloud.clock.now() - 3 * 24 * 60 * 60_000
  const report = await cloud.submit(P.alice, { photos: [a, b], photoMeta: [{ takenAt: takenA, source: 'camera' }, { takenAt: takenB, source: 'album' }] })
  const stored = await storedReport(cloud, report.id)
  expect(stored.photos.map((p) => [p.fileId, p.takenAt, p.source])).toEqual([
    [a, takenA, 'camera'],
    [b, takenB, 'album'],
  ])
  const seen = await cloud.view(P.grid, report.id)
  expect(seen.photos.map((p) => [p.takenAt, p.source])).toEqual([
    [takenA, 'camera'],
    [takenB, 'album'],
  ])
})

test('a capture time in the future is not believed; a report without any keeps null', async () => {
  const a = await cloud.photo(P.alice)
  const report = await cloud.submit(P.alice, { photos: [a], photoMeta: [{ takenAt: cloud.clock.now() + 60 * 60_000, source: 'camera' }] })
  expect((await storedReport(cloud, report.id)).photos[0]).toMatchObject({ takenAt: null, source: 'camera' })
  const plain = await cloud.submit(P.alice)
  expect((await cloud.view(P.alice, plain.id)).photos[0]).toMatchObject({ takenAt: null, source: null })
})

test('photo details that do not match the photos are refused and nothing is stored', async () => {
  const before = (await cloud.platform.db.collection('reports').count()).total
  const a = await cloud.photo(P.alice)
  const result = await cloud.trySubmit(P.alice, { photos: [a], photoMeta: [{ takenAt: 1, source: 'camera' }, { takenAt: 2, source: 'album' }] })
  expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  expect((await cloud.platform.db.collection('reports').count()).total).toBe(before)
  expectOk(await cloud.as(P.alice).call('report', 'prepare', {}))
})
