/**
 * The fixed chapter and section ids of 《市民文明手册》. Quiz questions link their explanations to
 * these section ids, so an id here never changes meaning once published; the office may rewrite a
 * section's text and title, never its id. The text itself lives server-side
 * (`src/cloud/domain/handbook/content/`), not here.
 *
 * Each chapter's id doubles as its quiz topic: "test yourself" on a chapter opens practice with
 * `topic=<chapter id>`.
 */
export const HANDBOOK_CHAPTERS = [
  { id: 'civic-pact', title: '市民文明公约', sections: ['civic-pact-values', 'civic-pact-convention', 'civic-pact-integrity'] },
  { id: 'traffic', title: '文明交通', sections: ['traffic-pedestrian', 'traffic-nonmotor', 'traffic-driving'] },
  { id: 'travel', title: '文明出行与旅游', sections: ['travel-public-transport', 'travel-tourism', 'travel-queue'] },
  { id: 'dining', title: '文明就餐', sections: ['dining-clean-plate', 'dining-serving-chopsticks', 'dining-etiquette'] },
  {
    id: 'waste',
    title: '垃圾分类',
    sections: ['waste-four-categories', 'waste-recyclable', 'waste-hazardous', 'waste-kitchen', 'waste-other'],
  },
  { id: 'dogs', title: '文明养犬', sections: ['dogs-registration', 'dogs-leash', 'dogs-cleanup'] },
  {
    id: 'public-etiquette',
    title: '公共场所礼仪',
    sections: ['etiquette-public-order', 'etiquette-noise', 'etiquette-facilities'],
  },
  { id: 'online', title: '网络文明', sections: ['online-speech', 'online-rumors', 'online-fraud'] },
  { id: 'volunteer', title: '志愿服务', sections: ['volunteer-spirit', 'volunteer-join', 'volunteer-hours'] },
  { id: 'family', title: '未成年人与家庭文明', sections: ['family-small-hands', 'family-minors', 'family-tradition'] },
  { id: 'campaign', title: '创文知识', sections: ['campaign-what', 'campaign-assessment', 'campaign-take-part'] },
] as const

export type HandbookChapterId = (typeof HANDBOOK_CHAPTERS)[number]['id']
export type HandbookSectionId = (typeof HANDBOOK_CHAPTERS)[number]['sections'][number]

export const HANDBOOK_CHAPTER_IDS: readonly HandbookChapterId[] = HANDBOOK_CHAPTERS.map((c) => c.id)
export const HANDBOOK_SECTION_IDS: readonly HandbookSectionId[] = HANDBOOK_CHAPTERS.flatMap((c) => [...c.sections])

const SECTION_TO_CHAPTER = new Map<string, HandbookChapterId>(
  HANDBOOK_CHAPTERS.flatMap((c) => c.sections.map((s) => [s, c.id] as const)),
)

export function isHandbookChapterId(value: unknown): value is HandbookChapterId {
  return typeof value === 'string' && (HANDBOOK_CHAPTER_IDS as readonly string[]).includes(value)
}

export function isHandbookSectionId(value: unknown): value is HandbookSectionId {
  return typeof value === 'string' && SECTION_TO_CHAPTER.has(value)
}

/** The chapter a section belongs to, e.g. for a quiz explanation's "read more" link. */
export function chapterOfSection(sectionId: string): HandbookChapterId | null {
  return SECTION_TO_CHAPTER.get(sectionId) ?? null
}

/** Where a section opens in the app: the handbook page honours `chapter` and `section`. */
export function handbookSectionUrl(sectionId: HandbookSectionId): string {
  return `/packages/handbook/pages/index/index?chapter=${chapterOfSection(sectionId)}&section=${sectionId}`
}
