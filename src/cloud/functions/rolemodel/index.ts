import { CONTRACT } from '@/shared/contract'
import { board, honour, like } from '../../domain/rolemodel/board'
import { consent, consentPreview, nominees, reissueCode } from '../../domain/rolemodel/consent'
import { delegate, delegations, reviewScope } from '../../domain/rolemodel/delegation'
import { amend, getNomination, markHonoured, merge, myNominations, nominate, queue, review } from '../../domain/rolemodel/nominations'
import { closeRound, object, objections, openRound, panelScores, roundOffice, rounds, roundView } from '../../domain/rolemodel/rounds'
import { anomalies, takeSnapshots, vote, voidVotes } from '../../domain/rolemodel/votes'
import { defineFunction } from '../../runtime/define-function'

/** 身边好人: nominate, review and consent; rounds with server-enforced votes and daily snapshots; the 好人榜. */
export const rolemodelFunction = defineFunction(
  'rolemodel',
  CONTRACT.rolemodel,
  {
    nominate: (input, ctx) => nominate(input, ctx),
    myNominations: (input, ctx) => myNominations(input, ctx),
    amend: (input, ctx) => amend(input, ctx),
    reviewScope: (_input, ctx) => reviewScope(ctx),
    queue: (input, ctx) => queue(input, ctx),
    get: (input, ctx) => getNomination(input, ctx),
    review: (input, ctx) => review(input, ctx),
    delegate: (input, ctx) => delegate(input, ctx),
    delegations: (_input, ctx) => delegations(ctx),
    merge: (input, ctx) => merge(input, ctx),
    markHonoured: (input, ctx) => markHonoured(input, ctx),
    nominees: (input, ctx) => nominees(input, ctx),
    consentCode: (input, ctx) => reissueCode(input, ctx),
    consentPreview: (input, ctx) => consentPreview(input, ctx),
    consent: (input, ctx) => consent(input, ctx),
    openRound: (input, ctx) => openRound(input, ctx),
    rounds: (_input, ctx) => rounds(ctx),
    round: (input, ctx) => roundView(input, ctx),
    vote: (input, ctx) => vote(input, ctx),
    roundOffice: (input, ctx) => roundOffice(input, ctx),
    anomalies: (input, ctx) => anomalies(input, ctx),
    voidVotes: (input, ctx) => voidVotes(input, ctx),
    object: (input, ctx) => object(input, ctx),
    objections: (input, ctx) => objections(input, ctx),
    panelScores: (input, ctx) => panelScores(input, ctx),
    closeRound: (input, ctx) => closeRound(input, ctx),
    board: (input, ctx) => board(input, ctx),
    honour: (input, ctx) => honour(input, ctx),
    like: (input, ctx) => like(input, ctx),
  },
  ['security.msgSecCheck', 'security.imgSecCheck'],
  {
    // hourly: the snapshot itself is taken once a day from the snapshot hour on, and once at a round's end
    snapshot: { cron: '0 0 * * * * *', everyMs: 60 * 60_000, run: async (ctx) => void (await takeSnapshots(ctx)) },
  },
)

export default rolemodelFunction
