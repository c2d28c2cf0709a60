import { CONTRACT } from '@/shared/contract'
import { applyShop, closeShop, confirmShop, doorCard, importShops, myShops, registerShop, setOwner, shop, shopPublic, shops, streetHome } from '../../domain/frontage/registry'
import { addStaff, pledge, removeStaff, saveTemplate, signPledge, templates } from '../../domain/frontage/pledge'
import { placeCheck, removeZone, saveZone, zones } from '../../domain/frontage/places'
import { answerReport, escalateShopReports, shopReports } from '../../domain/frontage/shop-reports'
import { findings, fixFinding, inspectShop } from '../../domain/frontage/inspections'
import { publishShopBoard, setShopRules, shopBoard, shopRules, shopScore } from '../../domain/frontage/scores'
import { defineFunction } from '../../runtime/define-function'

/**
 * 门前三包: the registry of street-front shops and units, the 责任书 signed in the app, the door
 * code, 随手拍 at a frontage answered by the shop first, shop inspections on the 告诫 → 限期整改 →
 * 移交执法 ladder, and the monthly shop scores, stars and street 红黑榜.
 */
export const frontageFunction = defineFunction(
  'frontage',
  CONTRACT.frontage,
  {
    streetHome: (input, ctx) => streetHome(input, ctx),
    registerShop: (input, ctx) => registerShop(input, ctx),
    applyShop: (input, ctx) => applyShop(input, ctx),
    confirmShop: (input, ctx) => confirmShop(input, ctx),
    importShops: (input, ctx) => importShops(input, ctx),
    shops: (input, ctx) => shops(input, ctx),
    shop: (input, ctx) => shop(input, ctx),
    setOwner: (input, ctx) => setOwner(input, ctx),
    closeShop: (input, ctx) => closeShop(input, ctx),
    doorCard: (input, ctx) => doorCard(input, ctx),
    myShops: (input, ctx) => myShops(input, ctx),
    shopPublic: (input, ctx) => shopPublic(input, ctx),
    pledge: (input, ctx) => pledge(input, ctx),
    signPledge: (input, ctx) => signPledge(input, ctx),
    addStaff: (input, ctx) => addStaff(input, ctx),
    removeStaff: (input, ctx) => removeStaff(input, ctx),
    templates: (input, ctx) => templates(input, ctx),
    saveTemplate: (input, ctx) => saveTemplate(input, ctx),
    placeCheck: (input, ctx) => placeCheck(input, ctx),
    zones: (input, ctx) => zones(input, ctx),
    saveZone: (input, ctx) => saveZone(input, ctx),
    removeZone: (input, ctx) => removeZone(input, ctx),
    shopReports: (input, ctx) => shopReports(input, ctx),
    answerReport: (input, ctx) => answerReport(input, ctx),
    inspectShop: (input, ctx) => inspectShop(input, ctx),
    findings: (input, ctx) => findings(input, ctx),
    fixFinding: (input, ctx) => fixFinding(input, ctx),
    shopScore: (input, ctx) => shopScore(input, ctx),
    shopBoard: (input, ctx) => shopBoard(input, ctx),
    publishShopBoard: (input, ctx) => publishShopBoard(input, ctx),
    shopRules: (input, ctx) => shopRules(input, ctx),
    setShopRules: (input, ctx) => setShopRules(input, ctx),
  },
  ['security.msgSecCheck', 'security.imgSecCheck', 'wxacode.getUnlimited'],
  {
    // a shop's limit is counted in working hours: every 10 minutes keeps a late report's wait short;
    // each run pages over by_stage_due and is idempotent
    escalateShopReports: { cron: '0 */10 * * * * *', everyMs: 10 * 60_000, run: (ctx) => escalateShopReports(ctx) },
  },
)

export default frontageFunction
