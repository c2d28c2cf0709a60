import { CONTRACT } from '@/shared/contract'
import { consent, credits, expireConsents, outbox, setTemplate, templateIds, templates } from '../../domain/notify'
import { defineFunction } from '../../runtime/define-function'

/** 订阅消息: residents' consents (credits), the office's template ids and the outbox of what was sent. */
export const notifyFunction = defineFunction(
  'notify',
  CONTRACT.notify,
  {
    templateIds: (input, ctx) => templateIds(input, ctx),
    consent: (input, ctx) => consent(input, ctx),
    credits: (_input, ctx) => credits(ctx),
    templates: (_input, ctx) => templates(ctx),
    setTemplate: (input, ctx) => setTemplate(input, ctx),
    outbox: (input, ctx) => outbox(input, ctx),
  },
  [],
  {
    // 03:30 in Shanghai (19:30 UTC): old credits and outbox entries go; a second run removes nothing more
    expireConsents: { cron: '0 30 19 * * * *', everyMs: 24 * 60 * 60_000, run: async (ctx) => void (await expireConsents(ctx)) },
  },
)

export default notifyFunction
