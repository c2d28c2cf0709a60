import { SEED_TEMPLATES } from '@/shared/frontage'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import { DISTRICT_UNIT } from '../report/demo-city'
import { DEMO_SHOPS, DEMO_ZONE } from './demo-shops'
import { putZone } from './places'
import { insertShop, loadShop, loadTemplate, memberId, placeFrontage, type MemberDoc, type TemplateDoc } from './registry'
import { M } from './model'

const YEAR = 365 * 24 * 60 * 60 * 1000

/**
 * What every city starts from: the 三包 and 五包 责任书 at version 1 (a template the office has
 * edited since is left as it is), and which 街道办事处 is the street office of which 街道.
 */
export async function seedFrontageBase(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  for (const t of SEED_TEMPLATES) {
    if (await findById<TemplateDoc>(platform.db, M.templates, t.id)) continue
    await platform.db.collection(M.templates).doc(t.id).set({ data: { name: t.name, version: 1, duties: t.duties.map((d) => ({ ...d, items: d.items.map((i) => ({ ...i })), categories: [...d.categories] })), updatedAt: now } })
  }
  for (const [district, unitId] of Object.entries(DISTRICT_UNIT)) {
    await platform.db.collection(M.streets).doc(unitId).set({ data: { district } })
  }
}

/**
 * The demo city's 门前三包: the base, the shops along 文明路 and 人民路 (the tea shop demo-shop
 * runs, its 责任书 unsigned; one owner's application waiting), and a painted vending zone in
 * front of the fruit shop. A shop already stored keeps what happened to it since.
 */
export async function seedFrontage(platform: Platform): Promise<void> {
  await seedFrontageBase(platform)
  const now = platform.clock.now()
  for (const s of DEMO_SHOPS) {
    if (await loadShop(platform.db, s.id)) continue
    const placed = await placeFrontage(platform, s.frontage)
    if ('ok' in placed) throw new Error(`demo shop ${s.id}: ${placed.message}`)
    const template = await loadTemplate(platform.db, s.templateId)
    await insertShop(platform, {
      shopId: s.id,
      fields: { name: s.name, kind: s.kind, businessType: s.businessType, address: s.address, frontage: s.frontage, ownerName: s.ownerName, ownerPhone: s.ownerPhone },
      placed,
      status: s.status,
      applicantOpenid: s.applicant ?? null,
      template: s.status === 'active' ? template : null,
      termFrom: s.status === 'active' ? now : 0,
      termTo: s.status === 'active' ? now + YEAR : 0,
    })
    if (s.owner) {
      const member: MemberDoc = { _id: memberId(s.id, s.owner), shopId: s.id, openid: s.owner, role: 'owner', at: now }
      const { _id, ...data } = member
      await platform.db.collection(M.members).doc(_id).set({ data })
    }
  }
  if (!(await findById(platform.db, M.zones, DEMO_ZONE.id))) {
    const zone = await putZone(platform, DEMO_ZONE.id, DEMO_ZONE)
    if ('ok' in zone) throw new Error(`demo zone: ${zone.message}`)
  }
}
