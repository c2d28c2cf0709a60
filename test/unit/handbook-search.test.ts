import { HANDBOOK_CONTENT } from '@/cloud/domain/handbook/content'
import { buildSearchIndex, normalise, queryTerms, searchIndex, snippetOf } from '@/cloud/domain/handbook/search'
import type { HandbookChapterContent, HandbookSearchHit } from '@/shared/handbook/types'

const index = buildSearchIndex('shipped', HANDBOOK_CONTENT)
const search = (query: string, offset = 0, limit = 20) => searchIndex(index, 1, query, offset, limit)
const ids = (items: HandbookSearchHit[]) => items.map((h) => h.sectionId)

/** Every highlighted range covers the query text (or one of its terms), case- and width-insensitively. */
function expectHighlightsOn(hit: HandbookSearchHit, terms: string[]) {
  for (const part of [hit.sectionTitle, hit.snippet]) {
    for (const m of part.matches) expect(terms).toContain(normalise(part.text.slice(m.start, m.start + m.length)))
  }
}

describe('ranking on fixed queries over the shipped handbook', () => {
  test('头盔: the section titled with it comes first', () => {
    const page = search('头盔')
    expect(page.items[0].sectionId).toBe('traffic-nonmotor')
    expect(page.items[0].titleHits).toBeGreaterThan(0)
    expectHighlightsOn(page.items[0], ['头盔'])
  })

  test('公筷: 公筷公勺 first, its title highlighted', () => {
    const page = search('公筷')
    expect(page.items[0].sectionId).toBe('dining-serving-chopsticks')
    expect(page.items[0].sectionTitle).toEqual({ text: '公筷公勺', matches: [{ start: 0, length: 2 }] })
  })

  test('垃圾: every section with it in its title ranks above every body-only hit', () => {
    const page = search('垃圾', 0, 20)
    const titled = page.items.filter((h) => h.titleHits > 0)
    const firstBodyOnly = page.items.findIndex((h) => h.titleHits === 0)
    expect(titled.length).toBeGreaterThanOrEqual(5)
    expect(page.items.slice(0, titled.length).every((h) => h.titleHits > 0)).toBe(true)
    expect(firstBodyOnly).toBe(titled.length)
    // a section title hit (有害垃圾) outranks a hit only in the chapter title (垃圾分类 · 可回收物)
    expect(ids(page.items).indexOf('waste-hazardous')).toBeLessThan(ids(page.items).indexOf('waste-recyclable'))
    expect(ids(page.items).indexOf('etiquette-public-order')).toBeLessThan(ids(page.items).indexOf('waste-recyclable'))
  })

  test('among body-only hits, more hits rank above fewer', () => {
    const page = search('诈骗')
    const bodyOnly = page.items.filter((h) => h.titleHits === 0)
    for (let i = 1; i < bodyOnly.length; i += 1) expect(bodyOnly[i - 1].bodyHits).toBeGreaterThanOrEqual(bodyOnly[i].bodyHits)
    expect(page.items[0].sectionId).toBe('online-fraud')
  })

  test('several terms must all appear: 电梯 犬 finds 牵绳与避让', () => {
    const page = search('电梯 犬')
    expect(ids(page.items)[0]).toBe('dogs-leash')
    for (const hit of page.items) expectHighlightsOn(hit, ['电梯', '犬'])
  })

  test('Latin and full-width input match regardless of case and width', () => {
    expect(ids(search('ａｐｐ').items)).toEqual(ids(search('App').items))
    expect(search('app').total).toBeGreaterThan(0)
  })

  test('a query found nowhere returns an empty page', () => {
    expect(search('量子计算机')).toEqual({ version: 1, query: '量子计算机', total: 0, items: [], nextOffset: null })
    expect(search('  ，。 ').total).toBe(0)
  })

  test('pages follow one another without overlap or loss', () => {
    const all = search('文明', 0, 20)
    const first = search('文明', 0, 7)
    const second = search('文明', 7, 7)
    expect(first.nextOffset).toBe(7)
    expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(all.items).slice(0, 14))
    const last = search('文明', all.total - 1, 7)
    expect(last.items).toHaveLength(1)
    expect(last.nextOffset).toBeNull()
  })
})

describe('ranking rules on a small fixture', () => {
  const chapter = (id: string, title: string, sections: Array<[string, string, string]>): HandbookChapterContent => ({
    id,
    title,
    summary: '测试',
    glyph: '测',
    sections: sections.map(([sid, stitle, text]) => ({ id: sid, title: stitle, blocks: [{ type: 'paragraph', text }] })),
  })
  const fixture = buildSearchIndex('fixture', [
    chapter('a', '第一章', [
      ['one-hit', '普通小节', '这里提到一次头盔。'],
      ['three-hits', '另一小节', '头盔、头盔，还是头盔。'],
    ]),
    chapter('b', '第二章', [['title-hit', '戴好头盔', '正文没有那个词。']]),
  ])

  test('title hits first, then more body hits, then fewer', () => {
    expect(ids(searchIndex(fixture, 3, '头盔').items)).toEqual(['title-hit', 'three-hits', 'one-hit'])
  })

  test('a title-only hit gets the start of the body as its snippet, without highlights', () => {
    const hit = searchIndex(fixture, 3, '头盔').items[0]
    expect(hit.snippet).toEqual({ text: '正文没有那个词。', matches: [] })
  })
})

describe('snippets', () => {
  test('a window around the first hit, with ellipses and offsets into the snippet text', () => {
    const body = '甲'.repeat(100) + '目标' + '乙'.repeat(100)
    const snippet = snippetOf(body, [{ start: 100, length: 2 }])
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    const [m] = snippet.matches
    expect(snippet.text.slice(m.start, m.start + m.length)).toBe('目标')
  })

  test('line breaks between blocks show as spaces, keeping offsets', () => {
    const snippet = snippetOf('第一行\n目标行', [{ start: 4, length: 2 }])
    expect(snippet).toEqual({ text: '第一行 目标行', matches: [{ start: 4, length: 2 }] })
  })
})

test('query terms split on spaces and Chinese punctuation, de-duplicated', () => {
  expect(queryTerms(' 垃圾，分类  垃圾 ')).toEqual(['垃圾', '分类'])
})
