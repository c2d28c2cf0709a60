import { keysetPage } from '@/cloud/domain/report/paging'
import { startTestCloud, type TestCloud } from '../support/cloud'

/**
 * The keyset pager reads one row past the page to know whether another follows. A read is capped
 * at 100 rows, so at a page size of 100 that look-ahead row does not fit: the pager must still
 * offer a next page rather than stop after the first hundred.
 */
describe('keysetPage at the read cap', () => {
  let cloud: TestCloud
  beforeEach(async () => {
    cloud = startTestCloud()
    const reports = cloud.platform.db.collection('reports')
    // 230 rows, some sharing a sort value so the tie-break by _id is crossed at page edges
    for (let i = 0; i < 230; i++) {
      await reports.add({ data: { _id: `r${String(i).padStart(4, '0')}`, gridId: 'g1', status: 'pending', createdAt: 1_000 + Math.floor(i / 3) } })
    }
  })
  afterEach(() => cloud.close())

  async function walk(pageSize: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await keysetPage<{ _id: string }>(cloud.platform.db, {
        collection: 'reports',
        where: { gridId: 'g1' },
        field: 'createdAt',
        order: 'desc',
        pageSize,
        cursor,
      })
      pages++
      ids.push(...page.docs.map((d) => d._id))
      cursor = page.next ?? undefined
    } while (cursor && pages < 50)
    return { ids, pages }
  }

  it.each([20, 99, 100])('walks every row once at page size %i', async (pageSize) => {
    const { ids } = await walk(pageSize)
    expect(ids).toHaveLength(230)
    expect(new Set(ids).size).toBe(230)
  })

  it('at 100 a table that ends on a page edge ends with one empty page, not a repeat', async () => {
    const reports = cloud.platform.db.collection('reports')
    for (let i = 230; i < 300; i++) await reports.add({ data: { _id: `r${i}`, gridId: 'g1', status: 'pending', createdAt: 5_000 } })
    const { ids, pages } = await walk(100)
    expect(ids).toHaveLength(300)
    expect(new Set(ids).size).toBe(300)
    expect(pages).toBe(4)
  })
})
