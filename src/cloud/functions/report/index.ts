import { CONTRACT } from '@/shared/contract'
import { routing, setRoute, updateSettings } from '../../domain/report/office'
import { feed, getReport, ledger, mine, queue, reveal } from '../../domain/report/queries'
import { cityMap, confirm, nearby, prepare, submit } from '../../domain/report/submit'
import { addNote } from '../../domain/report/notes'
import { phraseBook, phrases, setPhrases } from '../../domain/report/phrases'
import { recategorize } from '../../domain/report/recategorize'
import { markOverdue } from '../../domain/report/now'
import { applyMediaVerdict, retryVideoChecks } from '../../domain/report/video'
import { backfillTicketNumbers, byTicket } from '../../domain/report/ticket'
import { backfillReportClocks, closeRatingWindows, expireContacts, remindRatings } from '../../domain/report/timers'
import { approve, dispatch, forget, keepClosed, rate, reject, reopen, requestReopen, resolve, sendBack, start } from '../../domain/report/transitions'
import { defineFunction } from '../../runtime/define-function'

/** 随手拍: residents report and follow; grid workers and units move reports along; the office supervises. */
export const reportFunction = defineFunction(
  'report',
  CONTRACT.report,
  {
    prepare: (_input, ctx) => prepare(ctx),
    map: (_input, ctx) => cityMap(ctx),
    nearby: (input, ctx) => nearby(input, ctx),
    submit: (input, ctx) => submit(input, ctx),
    confirm: (input, ctx) => confirm(input, ctx),
    mine: (input, ctx) => mine(input, ctx),
    get: (input, ctx) => getReport(input, ctx),
    byTicket: (input, ctx) => byTicket(input, ctx),
    feed: (input, ctx) => feed(input, ctx),
    rate: (input, ctx) => rate(input, ctx),
    requestReopen: (input, ctx) => requestReopen(input, ctx),
    reopen: (input, ctx) => reopen(input, ctx),
    keepClosed: (input, ctx) => keepClosed(input, ctx),
    recategorize: (input, ctx) => recategorize(input, ctx),
    forget: (input, ctx) => forget(input, ctx),
    queue: (input, ctx) => queue(input, ctx),
    dispatch: (input, ctx) => dispatch(input, ctx),
    reject: (input, ctx) => reject(input, ctx),
    approve: (input, ctx) => approve(input, ctx),
    start: (input, ctx) => start(input, ctx),
    sendBack: (input, ctx) => sendBack(input, ctx),
    resolve: (input, ctx) => resolve(input, ctx),
    addNote: (input, ctx) => addNote(input, ctx),
    phrases: (input, ctx) => phrases(input, ctx),
    phraseBook: (_input, ctx) => phraseBook(ctx),
    setPhrases: (input, ctx) => setPhrases(input, ctx),
    ledger: (input, ctx) => ledger(input, ctx),
    reveal: (input, ctx) => reveal(input, ctx),
    routing: (_input, ctx) => routing(ctx),
    setRoute: (input, ctx) => setRoute(input, ctx),
    updateSettings: (input, ctx) => updateSettings(input, ctx),
  },
  ['security.msgSecCheck', 'security.imgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'],
  {
    // hourly is fine-grained enough for windows counted in days; each run pages and is idempotent
    closeRatingWindows: { cron: '0 5 * * * * *', everyMs: 60 * 60_000, run: (ctx) => closeRatingWindows(ctx) },
    remindRatings: { cron: '0 15 * * * * *', everyMs: 60 * 60_000, run: (ctx) => remindRatings(ctx) },
    // retention is counted in months: once a night (03:30 Shanghai is 19:30 UTC)
    expireContacts: { cron: '0 30 19 * * * *', everyMs: 24 * 60 * 60_000, run: (ctx) => expireContacts(ctx) },
    // reports from before these clocks existed get them; two index reads a night once none are left
    backfillReportClocks: { cron: '0 0 19 * * * *', everyMs: 24 * 60 * 60_000, run: (ctx) => backfillReportClocks(ctx) },
    // 超时标记 for the dashboard's overdue-now count: every 10 minutes, paged and idempotent
    markOverdue: { cron: '0 */10 * * * * *', everyMs: 10 * 60_000, run: async (ctx) => void (await markOverdue(ctx)) },
    // reports from before 受理编号 existed get one; resumes from its cursor, one read a run once done
    backfillTicketNumbers: { cron: '0 40 * * * * *', everyMs: 60 * 60_000, run: (ctx) => backfillTicketNumbers(ctx) },
    // a video check WeChat left unanswered (it answers within 30 min) is asked again, three times in all
    retryVideoChecks: { cron: '0 25 * * * * *', everyMs: 60 * 60_000, run: (ctx) => retryVideoChecks(ctx) },
  },
  undefined,
  // 随手拍 video: the cloud console's 消息推送 routes the `wxa_media_check` event here (README)
  { mediaCheck: (verdict, ctx) => applyMediaVerdict(verdict, ctx) },
)

export default reportFunction
