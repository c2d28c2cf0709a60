import { CONTRACT } from '@/shared/contract'
import { home } from '../../domain/inspect/home'
import { assign, importStandards, sheetTemplate, standards, units } from '../../domain/inspect/standards'
import { evidenceQueue, myTasks, reviewEvidence, submitEvidence, task } from '../../domain/inspect/tasks'
import { addSiteType, importSites, map, saveSite, site, siteTypes, sites } from '../../domain/inspect/sites'
import { inspectorHome, saveTeam, submitInspection, teams } from '../../domain/inspect/inspections'
import { markOverdueOrders, order, orders, recheck, rechecks, rectify } from '../../domain/inspect/orders'
import { board, escalations, publishBoard, publishRatings, ratings, rules, setRules, unitScore } from '../../domain/inspect/scores'
import { defineFunction } from '../../runtime/define-function'

/**
 * 创文督查: the 测评体系 as a task list per unit with 材料审核, assessment sites and 包联, on-site
 * inspections raising 督办单, rectification checked by 回头看, unit scores, the weekly 整改率 红黑榜
 * with escalation, and 星级评定.
 */
export const inspectFunction = defineFunction(
  'inspect',
  CONTRACT.inspect,
  {
    home: (input, ctx) => home(input, ctx),
    importStandards: (input, ctx) => importStandards(input, ctx),
    sheetTemplate: (input, ctx) => sheetTemplate(input, ctx),
    standards: (input, ctx) => standards(input, ctx),
    assign: (input, ctx) => assign(input, ctx),
    units: (input, ctx) => units(input, ctx),
    myTasks: (input, ctx) => myTasks(input, ctx),
    task: (input, ctx) => task(input, ctx),
    submitEvidence: (input, ctx) => submitEvidence(input, ctx),
    evidenceQueue: (input, ctx) => evidenceQueue(input, ctx),
    reviewEvidence: (input, ctx) => reviewEvidence(input, ctx),
    siteTypes: (input, ctx) => siteTypes(input, ctx),
    addSiteType: (input, ctx) => addSiteType(input, ctx),
    saveSite: (input, ctx) => saveSite(input, ctx),
    importSites: (input, ctx) => importSites(input, ctx),
    sites: (input, ctx) => sites(input, ctx),
    site: (input, ctx) => site(input, ctx),
    map: (input, ctx) => map(input, ctx),
    teams: (input, ctx) => teams(input, ctx),
    saveTeam: (input, ctx) => saveTeam(input, ctx),
    inspectorHome: (input, ctx) => inspectorHome(input, ctx),
    submitInspection: (input, ctx) => submitInspection(input, ctx),
    orders: (input, ctx) => orders(input, ctx),
    order: (input, ctx) => order(input, ctx),
    rectify: (input, ctx) => rectify(input, ctx),
    rechecks: (input, ctx) => rechecks(input, ctx),
    recheck: (input, ctx) => recheck(input, ctx),
    unitScore: (input, ctx) => unitScore(input, ctx),
    board: (input, ctx) => board(input, ctx),
    publishBoard: (input, ctx) => publishBoard(input, ctx),
    escalations: (input, ctx) => escalations(input, ctx),
    ratings: (input, ctx) => ratings(input, ctx),
    publishRatings: (input, ctx) => publishRatings(input, ctx),
    rules: (input, ctx) => rules(input, ctx),
    setRules: (input, ctx) => setRules(input, ctx),
  },
  ['security.imgSecCheck'],
  {
    // hourly: 督办单 past their deadline count on their site's overdue figure (resumable, idempotent)
    overdue: { cron: '0 0 * * * * *', everyMs: 60 * 60_000, run: async (ctx) => void (await markOverdueOrders(ctx)) },
  },
)

export default inspectFunction
