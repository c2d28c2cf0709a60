import type { ReportView } from '@/shared/contract'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { JPEG, P, startReportCloud, type ReportCloud } from './report-fixtures'
import { HOUR, ORGANIZER, OTHER_ORGANIZER, publish, startVolunteerCloud } from './volunteer-fixtures'

/**
 * Nothing in a photo's URL ties it to who took it: a grid worker who sees a named and an
 * anonymous report of the same person must not be able to tell they are from one phone. Every
 * URL any viewer gets is split into its path segments; two photos may share the area and the
 * day folder, and nothing else.
 */
const FILE_URL = '/api/storage/file/'

/** Every stored-file URL anywhere in a response. */
function fileUrls(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith(FILE_URL) ? [value] : []
  if (Array.isArray(value)) return value.flatMap(fileUrls)
  if (value && typeof value === 'object') return Object.values(value).flatMap(fileUrls)
  return []
}

/** [area, day, file…] of a URL, with the file's extension cut off */
function segmentsOf(url: string): string[] {
  const segments = url.slice(FILE_URL.length).split('?')[0].split('/')
  segments[segments.length - 1] = segments[segments.length - 1].replace(/\.[a-z0-9]+$/, '')
  return segments
}

/**
 * Fails naming the two URLs if any two distinct ones share a segment other than the area (first)
 * and the day (second), or are not in the `<area>/<yyyymmdd>/<random>` shape at all.
 */
function expectUnlinkable(urls: string[], area: string): void {
  const distinct = [...new Set(urls)]
  for (const url of distinct) expect({ url, segments: segmentsOf(url) }).toEqual({ url, segments: [area, expect.stringMatching(/^\d{8}$/), expect.stringMatching(/^[0-9a-f]{24}$/)] })
  const ownerOf = new Map<string, string>()
  for (const url of distinct) {
    for (const segment of segmentsOf(url).slice(2)) {
      const other = ownerOf.get(segment)
      expect({ segment, shared: other ? [other, url] : [] }).toEqual({ segment, shared: [] })
      ownerOf.set(segment, url)
    }
  }
}

describe('report photos', () => {
  let cloud: ReportCloud
  beforeEach(async () => {
    cloud = await startReportCloud()
  })
  afterEach(() => cloud.close())

  /** Alice's named report and three anonymous ones, two photos each, carried to 已办结 (in the square). */
  async function aliceReports(): Promise<ReportView[]> {
    const reports: ReportView[] = []
    for (const anonymous of [false, true, true, true]) {
      const photos = [await cloud.photo(P.alice), await cloud.photo(P.alice)]
      reports.push(await cloud.submit(P.alice, { anonymous, photos }))
    }
    for (const r of reports) {
      expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: r.id }))
      expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: r.id }))
    }
    return reports
  }

  test('no two photo URLs shown to the grid, the unit, another resident or the square share more than area and day', async () => {
    const reports = await aliceReports()
    const seen: Record<string, string[]> = { grid: [], handler: [], resident: [], square: [], reporter: [] }
    for (const r of reports) seen.grid.push(...fileUrls(await cloud.view(P.grid, r.id)))
    seen.handler.push(...fileUrls(expectOk(await cloud.as(P.handler).call('report', 'queue', { as: 'handler', status: 'processing' }))))
    for (const r of reports) seen.handler.push(...fileUrls(await cloud.view(P.handler, r.id)))
    for (const r of reports) {
      expectOk(await cloud.as(P.handler).call('report', 'resolve', { reportId: r.id, afterPhotos: [await cloud.photo(P.handler)], note: '已清理小广告' }))
    }
    seen.grid.push(...fileUrls(expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'resolved' }))))
    seen.square.push(...fileUrls(expectOk(await cloud.as(P.bob).call('report', 'feed', {}))))
    for (const r of reports) seen.resident.push(...fileUrls(await cloud.view(P.bob, r.id)))
    for (const r of reports) seen.reporter.push(...fileUrls(await cloud.view(P.alice, r.id)))

    // every viewer saw photos (so the comparison below is not over nothing): 8 of Alice's, 4 after-photos
    for (const [viewer, urls] of Object.entries(seen)) expect({ viewer, some: urls.length > 0 }).toEqual({ viewer, some: true })
    const all = Object.values(seen).flat()
    expect(new Set(all).size).toBe(12)
    expectUnlinkable(all, 'reports')
    for (const url of all) expect(url).not.toMatch(/alice|handler|grid/i)
  })

  test('the same within one viewer: the grid worker’s named and anonymous reports of one person look unrelated', async () => {
    const named = await cloud.submit(P.alice, { anonymous: false, photos: [await cloud.photo(P.alice)] })
    const anonymous = [
      await cloud.submit(P.alice, { anonymous: true, photos: [await cloud.photo(P.alice)] }),
      await cloud.submit(P.alice, { anonymous: true, photos: [await cloud.photo(P.alice)] }),
    ]
    const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
    expect(queue.items).toHaveLength(3)
    const urls = [...fileUrls(queue), ...(await Promise.all([named, ...anonymous].map((r) => cloud.view(P.grid, r.id)))).flatMap(fileUrls)]
    expect(new Set(urls).size).toBe(3)
    expectUnlinkable(urls, 'reports')
  })

  test('once submitted, nothing but the report itself names the photos: the upload records are gone', async () => {
    const photos = [await cloud.photo(P.alice), await cloud.photo(P.alice)]
    const pending = (await cloud.snapshot()).uploads as Array<{ _id: string; openid: string }>
    expect(pending.map((u) => u.openid)).toEqual([P.alice, P.alice])
    await cloud.submit(P.alice, { anonymous: true, photos })
    const stored = await cloud.snapshot()
    expect(stored.uploads).toEqual([])
    const holders = Object.entries(stored)
      .filter(([, docs]) => photos.some((f) => JSON.stringify(docs).includes(f)))
      .map(([name]) => name)
    expect(holders).toEqual(['reports'])
  })

  test('the camera’s metadata (EXIF, XMP: make, serial, GPS) is gone from a photo once attached; the picture stays', async () => {
    const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
    const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('Make=WenmingPhone Serial=SN-ALICE-0042 GPS=30.27628,120.15019')]))
    const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>SN-ALICE-0042</x:xmpmeta>', 'latin1'))
    const picture = segment(0xdb, Buffer.from('quantisation-table-stand-in'))
    const shot = Buffer.concat([JPEG.subarray(0, 2), exif, xmp, picture, JPEG.subarray(2)])
    const { paths } = expectOk(await cloud.as(P.alice).call('storage', 'reserve', { area: 'reports', count: 1 }))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: shot })

    const report = await cloud.submit(P.alice, { anonymous: true, photos: [fileID] })
    const { fileContent } = await cloud.platform.storage.downloadFile({ fileID })
    const stored = Buffer.from(fileContent)
    expect(stored.includes('SN-ALICE-0042')).toBe(false)
    expect(stored.includes('Exif')).toBe(false)
    expect(stored.includes('30.27628')).toBe(false)
    // still the same picture: the image data and the JPEG markers are kept
    expect(stored.includes('quantisation-table-stand-in')).toBe(true)
    expect([...stored.subarray(0, 2)]).toEqual([0xff, 0xd8])
    expect((await cloud.view(P.grid, report.id)).photos).toHaveLength(1)
  })

  test('a reservation nobody used lapses with who made it', async () => {
    await cloud.photo(P.alice)
    expect((await cloud.snapshot()).uploads).toHaveLength(1)
    cloud.clock.advance(25 * HOUR)
    expectOk(await cloud.as(null).raw('storage', { Type: 'Timer', TriggerName: 'purgeLapsedUploads' }))
    expect((await cloud.snapshot()).uploads).toEqual([])
  })
})

describe('volunteer activity covers', () => {
  let cloud: TestCloud
  beforeEach(async () => {
    cloud = await startVolunteerCloud()
  })
  afterEach(() => cloud.close())

  async function cover(openid: string): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'volunteer', count: 1 }))
    return (await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: JPEG })).fileID
  }

  test('covers of one organizer’s activities share nothing but area and day, wherever they are shown', async () => {
    const published = []
    for (let i = 0; i < 3; i++) published.push(await publish(cloud, [{ startIn: 5 * HOUR }], { title: `路口文明交通劝导 ${i + 1}`, coverFileId: await cover(ORGANIZER) }))
    const day = new Date(cloud.clock.now() + 8 * HOUR + 5 * HOUR).toISOString().slice(0, 10)
    const urls = [
      ...fileUrls(expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: day }))),
      ...(await Promise.all(published.map((p) => cloud.as('amy').call('volunteer', 'getActivity', { activityId: p.activityId })))).flatMap((r) => fileUrls(expectOk(r))),
      ...fileUrls(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'teamActivities', {}))),
    ]
    expect(new Set(urls).size).toBe(3)
    expect(urls.length).toBeGreaterThan(3)
    expectUnlinkable(urls, 'volunteer')
    expect((await cloud.snapshot()).uploads).toEqual([])
  })

  test('a cover someone else uploaded is refused; the activity’s own cover can be kept when editing', async () => {
    const theirs = await cover(OTHER_ORGANIZER)
    expect(await cloud.as(ORGANIZER).call('volunteer', 'publishActivity', {
      teamId: 'team-a',
      type: 'traffic',
      title: '路口文明交通劝导',
      description: '协助劝导行人遵守信号灯',
      place: { name: '长江路口', address: '长江路与人民路交叉口', lat: 31.8206, lng: 117.2272 },
      geofenceRadiusM: 200,
      coverFileId: theirs,
      shifts: [{ startAt: cloud.clock.now() + 5 * HOUR, endAt: cloud.clock.now() + 7 * HOUR, capacity: 10 }],
    })).toMatchObject({ ok: false, code: 'UPLOAD.NOT_YOURS' })
    const mine = await cover(ORGANIZER)
    const { activityId } = await publish(cloud, [{ startIn: 5 * HOUR }], { coverFileId: mine })
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'updateActivity', { activityId, title: '改个名字', coverFileId: mine }))
    expect(await cloud.as(ORGANIZER).call('volunteer', 'updateActivity', { activityId, coverFileId: theirs })).toMatchObject({ ok: false, code: 'UPLOAD.NOT_YOURS' })
  })

  test('residents cannot reserve cover paths', async () => {
    expect(await cloud.as('amy').call('storage', 'reserve', { area: 'volunteer', count: 1 })).toMatchObject({ ok: false, code: 'UPLOAD.AREA_FORBIDDEN' })
    expect(await cloud.as(TEST_ADMIN).call('storage', 'reserve', { area: 'volunteer', count: 1 })).toMatchObject({ ok: true })
  })
})
