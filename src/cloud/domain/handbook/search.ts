import type {
  HandbookBlock,
  HandbookChapterContent,
  HandbookSearchHit,
  HandbookSearchPage,
  HighlightedText,
} from '@/shared/handbook/types'

/**
 * Search over the handbook, in memory, one index per published version.
 *
 * Why in memory and not a bigram collection in the database: the whole handbook is a few tens of
 * thousands of characters in a dozen documents. A function instance reads them once per version
 * (one `_.in` query of ≤ 100 documents) and answers every later search from memory in well under a
 * millisecond; a bigram collection would cost one indexed query per bigram of every query, plus a
 * rewrite of thousands of postings on every publish, to save a read we only make once per version.
 *
 * Matching is on characters, not words (Chinese has no spaces): a bigram → sections map narrows
 * the candidates, then an exact substring scan counts the hits and finds their offsets.
 * Ranking: hits in the section title first, then hits in the chapter title, then hits in the body;
 * ties keep reading order. Several terms (separated by spaces or punctuation) must all appear.
 */
export interface IndexedSection {
  chapterId: string
  chapterTitle: string
  sectionId: string
  sectionTitle: string
  /** the section's text as the reader shows it, blocks joined by line breaks */
  body: string
  /** normalised copies (same length, so offsets carry over) */
  normChapterTitle: string
  normTitle: string
  normBody: string
}

export interface SearchIndex {
  key: string
  sections: IndexedSection[]
  bigrams: Map<string, Set<number>>
}

const SNIPPET_CHARS = 64
const SNIPPET_LEAD = 16
const MAX_TERMS = 5

/** The reader's text of one block: what search offsets point into. */
export function blockText(block: HandbookBlock): string {
  return block.type === 'bullets' || block.type === 'steps' ? block.items.join('\n') : block.text
}

export function sectionBody(blocks: readonly HandbookBlock[]): string {
  return blocks.map(blockText).join('\n')
}

/**
 * Case- and width-insensitive matching without changing the length of the text: full-width ASCII
 * (Ａ１) becomes half-width, A–Z become a–z. Every other character stays as it is.
 */
export function normalise(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** Terms of a query: split on spaces and punctuation, normalised, de-duplicated. */
export function queryTerms(query: string): string[] {
  const terms = normalise(query)
    .split(/[\s,.;:!?、，。；：！？“”"'‘’（）()《》<>【】[\]·…—-]+/)
    .filter((t) => t.length > 0)
  return [...new Set(terms)].slice(0, MAX_TERMS)
}

function bigramsOf(text: string): Set<string> {
  const grams = new Set<string>()
  for (let i = 0; i + 1 < text.length; i += 1) grams.add(text.slice(i, i + 2))
  return grams
}

export function buildSearchIndex(key: string, chapters: readonly HandbookChapterContent[]): SearchIndex {
  const sections: IndexedSection[] = []
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      const body = sectionBody(section.blocks)
      sections.push({
        chapterId: chapter.id,
        chapterTitle: chapter.title,
        sectionId: section.id,
        sectionTitle: section.title,
        body,
        normChapterTitle: normalise(chapter.title),
        normTitle: normalise(section.title),
        normBody: normalise(body),
      })
    }
  }
  const bigrams = new Map<string, Set<number>>()
  sections.forEach((s, index) => {
    for (const gram of bigramsOf(`${s.normChapterTitle}\n${s.normTitle}\n${s.normBody}`)) {
      const postings = bigrams.get(gram) ?? new Set<number>()
      postings.add(index)
      bigrams.set(gram, postings)
    }
  })
  return { key, sections, bigrams }
}

/** Start offsets of every non-overlapping occurrence of `term` in `text`. */
function occurrences(text: string, term: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) found.push(at)
  return found
}

function intersect(a: ReadonlySet<number> | null, b: ReadonlySet<number>): Set<number> {
  return a === null ? new Set(b) : new Set([...a].filter((i) => b.has(i)))
}

function candidates(index: SearchIndex, term: string): Set<number> | null {
  if (term.length < 2) return null // a single character: every section is a candidate
  let result: Set<number> | null = null
  for (const gram of bigramsOf(term)) {
    const postings = index.bigrams.get(gram)
    if (!postings) return new Set<number>()
    const narrowed: Set<number> = intersect(result, postings)
    if (narrowed.size === 0) return narrowed
    result = narrowed
  }
  return result
}

interface Scored {
  position: number
  section: IndexedSection
  titleHits: number
  chapterTitleHits: number
  bodyHits: number
  titleMatches: Array<{ start: number; length: number }>
  bodyMatches: Array<{ start: number; length: number }>
}

/** Merges overlapping ranges (two terms may overlap, e.g. 垃圾 and 圾分) so highlights stay clean. */
function mergeRanges(ranges: Array<{ start: number; length: number }>): Array<{ start: number; length: number }> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const merged: Array<{ start: number; length: number }> = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last && r.start <= last.start + last.length) {
      last.length = Math.max(last.length, r.start + r.length - last.start)
    } else {
      merged.push({ ...r })
    }
  }
  return merged
}

function score(section: IndexedSection, position: number, terms: readonly string[]): Scored | null {
  const scored: Scored = { position, section, titleHits: 0, chapterTitleHits: 0, bodyHits: 0, titleMatches: [], bodyMatches: [] }
  for (const term of terms) {
    const inTitle = occurrences(section.normTitle, term)
    const inChapter = occurrences(section.normChapterTitle, term)
    const inBody = occurrences(section.normBody, term)
    if (inTitle.length + inChapter.length + inBody.length === 0) return null
    scored.titleHits += inTitle.length
    scored.chapterTitleHits += inChapter.length
    scored.bodyHits += inBody.length
    scored.titleMatches.push(...inTitle.map((start) => ({ start, length: term.length })))
    scored.bodyMatches.push(...inBody.map((start) => ({ start, length: term.length })))
  }
  return scored
}

/** A window of the body around the first hit, with the hits inside it re-based for highlighting. */
export function snippetOf(body: string, matches: ReadonlyArray<{ start: number; length: number }>): HighlightedText {
  const flat = body.replace(/\n/g, ' ')
  const first = matches[0]
  const from = first ? Math.max(0, Math.min(first.start - SNIPPET_LEAD, flat.length - SNIPPET_CHARS)) : 0
  const to = Math.min(flat.length, from + SNIPPET_CHARS)
  const prefix = from > 0 ? '…' : ''
  const suffix = to < flat.length ? '…' : ''
  const inside = matches
    .filter((m) => m.start >= from && m.start + m.length <= to)
    .map((m) => ({ start: m.start - from + prefix.length, length: m.length }))
  return { text: prefix + flat.slice(from, to) + suffix, matches: inside }
}

export function searchIndex(
  index: SearchIndex,
  version: number,
  query: string,
  offset = 0,
  limit = 20,
): HandbookSearchPage {
  const terms = queryTerms(query)
  if (terms.length === 0) return { version, query, total: 0, items: [], nextOffset: null }

  let pool: Set<number> | null = null
  for (const term of terms) {
    const narrowed = candidates(index, term)
    if (narrowed) pool = intersect(pool, narrowed)
  }
  const positions = pool ? [...pool].sort((a, b) => a - b) : index.sections.map((_, i) => i)

  const hits = positions
    .map((position) => score(index.sections[position], position, terms))
    .filter((s): s is Scored => s !== null)
    .sort(
      (a, b) =>
        b.titleHits - a.titleHits ||
        b.chapterTitleHits - a.chapterTitleHits ||
        b.bodyHits - a.bodyHits ||
        a.position - b.position,
    )

  const items: HandbookSearchHit[] = hits.slice(offset, offset + limit).map((h) => {
    const bodyMatches = mergeRanges(h.bodyMatches)
    return {
      chapterId: h.section.chapterId,
      chapterTitle: h.section.chapterTitle,
      sectionId: h.section.sectionId,
      sectionTitle: { text: h.section.sectionTitle, matches: mergeRanges(h.titleMatches) },
      snippet: snippetOf(h.section.body, bodyMatches),
      titleHits: h.titleHits + h.chapterTitleHits,
      bodyHits: h.bodyHits,
    }
  })
  const next = offset + limit
  return { version, query, total: hits.length, items, nextOffset: next < hits.length ? next : null }
}
