import fs from 'node:fs'
import path from 'node:path'
import { checkHandbook } from '@/cloud/domain/handbook/publish'
import { HANDBOOK_CONTENT, REPO_EDITION } from '@/cloud/domain/handbook/content'
import { sectionBody } from '@/cloud/domain/handbook/search'
import { chapterContentSchema, chapterChars, HANDBOOK_LIMITS } from '@/shared/contract/handbook'
import { HANDBOOK_CHAPTERS, HANDBOOK_SECTION_IDS } from '@/shared/handbook/ids'

/** The section titles the quiz engineer and the handbook agreed on (handbook-sections brief). */
const SECTION_TITLES: Record<string, string> = {
  'civic-pact-values': '社会主义核心价值观',
  'civic-pact-convention': '市民文明公约',
  'civic-pact-integrity': '诚信建设',
  'traffic-pedestrian': '行人',
  'traffic-nonmotor': '电动自行车与头盔',
  'traffic-driving': '机动车礼让与停车',
  'travel-public-transport': '公共交通',
  'travel-tourism': '文明旅游',
  'travel-queue': '排队与礼让',
  'dining-clean-plate': '光盘行动',
  'dining-serving-chopsticks': '公筷公勺',
  'dining-etiquette': '餐桌礼仪',
  'waste-four-categories': '四分类总览',
  'waste-recyclable': '可回收物',
  'waste-hazardous': '有害垃圾',
  'waste-kitchen': '厨余垃圾',
  'waste-other': '其他垃圾',
  'dogs-registration': '登记与免疫',
  'dogs-leash': '牵绳与避让',
  'dogs-cleanup': '及时清理',
  'etiquette-public-order': '不随地吐痰、不乱扔垃圾',
  'etiquette-noise': '控制音量',
  'etiquette-facilities': '爱护公共设施与盲道',
  'online-speech': '文明上网',
  'online-rumors': '不信谣不传谣',
  'online-fraud': '防范网络诈骗',
  'volunteer-spirit': '志愿精神',
  'volunteer-join': '如何参与',
  'volunteer-hours': '服务时长与记录',
  'family-small-hands': '小手拉大手',
  'family-minors': '未成年人保护',
  'family-tradition': '好家风',
  'campaign-what': '什么是全国文明城市',
  'campaign-assessment': '测评与知晓率',
  'campaign-take-part': '市民如何参与',
}

const sectionText = (id: string) => {
  const section = HANDBOOK_CONTENT.flatMap((c) => c.sections).find((s) => s.id === id)
  if (!section) throw new Error(`no section ${id}`)
  return sectionBody(section.blocks)
}

describe('the shipped handbook content', () => {
  test.each(HANDBOOK_CONTENT.map((c) => [c.id, c] as const))('chapter %s passes the content schema', (_id, chapter) => {
    const parsed = chapterContentSchema.safeParse(chapter)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
  })

  test('has exactly the fixed chapters, in order, with their titles', () => {
    expect(HANDBOOK_CONTENT.map((c) => [c.id, c.title])).toEqual(HANDBOOK_CHAPTERS.map((c) => [c.id, c.title]))
  })

  test('each chapter has exactly its fixed sections, in order, with the agreed titles', () => {
    for (const chapter of HANDBOOK_CONTENT) {
      const fixed = HANDBOOK_CHAPTERS.find((c) => c.id === chapter.id)
      expect({ chapter: chapter.id, sections: chapter.sections.map((s) => s.id) }).toEqual({
        chapter: chapter.id,
        sections: [...(fixed?.sections ?? [])],
      })
      for (const section of chapter.sections) expect([section.id, section.title]).toEqual([section.id, SECTION_TITLES[section.id]])
    }
    expect(Object.keys(SECTION_TITLES).sort()).toEqual([...HANDBOOK_SECTION_IDS].sort())
  })

  test('keeps the rules of a whole handbook (fixed sections present, ids unique)', () => {
    expect(checkHandbook(HANDBOOK_CONTENT)).toBeNull()
  })

  test('every section is real guidance: at least two blocks and 120 characters', () => {
    for (const section of HANDBOOK_CONTENT.flatMap((c) => c.sections)) {
      expect({ id: section.id, blocks: section.blocks.length >= 2, long: sectionBody(section.blocks).length >= 120 }).toEqual({
        id: section.id,
        blocks: true,
        long: true,
      })
    }
  })

  test('every chapter fits the size a single publish call may carry', () => {
    for (const chapter of HANDBOOK_CONTENT) expect(chapterChars(chapter)).toBeLessThanOrEqual(HANDBOOK_LIMITS.chapterChars)
    expect(Buffer.byteLength(JSON.stringify(HANDBOOK_CONTENT[0]))).toBeLessThan(100 * 1024)
  })

  test('states the facts a resident is quizzed on', () => {
    const values = sectionText('civic-pact-values')
    for (const word of ['富强', '民主', '文明', '和谐', '自由', '平等', '公正', '法治', '爱国', '敬业', '诚信', '友善']) {
      expect(values).toContain(word)
    }
    const overview = sectionText('waste-four-categories')
    for (const pair of ['可回收物——蓝色', '有害垃圾——红色', '厨余垃圾——绿色', '其他垃圾——灰色']) expect(overview).toContain(pair)
    expect(sectionText('traffic-nonmotor')).toContain('头盔')
    expect(sectionText('dining-clean-plate')).toContain('反食品浪费法')
    expect(sectionText('dining-serving-chopsticks')).toContain('公筷')
    expect(sectionText('dogs-leash')).toContain('犬绳')
    expect(sectionText('online-rumors')).toContain('不转发')
    expect(sectionText('volunteer-spirit')).toContain('奉献、友爱、互助、进步')
    expect(sectionText('campaign-take-part')).toContain('随手拍')
  })

  test('has an edition number for seeding', () => {
    expect(Number.isInteger(REPO_EDITION) && REPO_EDITION >= 1).toBe(true)
  })
})

// The quiz bank lives in another area; once it is in the tree, every section its explanations
// link to must exist in the shipped handbook.
const QUIZ_BANK_FILE = path.join(__dirname, '../../src/cloud/domain/quiz/bank/index.ts')
const bankTest = fs.existsSync(QUIZ_BANK_FILE) ? test : test.skip
bankTest('every section a quiz question links to exists in the handbook', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bank = require(QUIZ_BANK_FILE) as { QUIZ_BANK: ReadonlyArray<{ id: string; sectionId: string }> }
  const sections = new Set(HANDBOOK_CONTENT.flatMap((c) => c.sections.map((s) => s.id)))
  expect(bank.QUIZ_BANK.length).toBeGreaterThan(0)
  expect(bank.QUIZ_BANK.filter((q) => !sections.has(q.sectionId)).map((q) => q.id)).toEqual([])
})
