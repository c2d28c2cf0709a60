import { CONTRACT } from '@/shared/contract'
import { board, overview, remind, schoolOverview } from '../../domain/family/board'
import { archiveClass, archiveEndedTerms, classCode, createClass, createSchool, grantTeacher, listSchools, myClasses } from '../../domain/family/classes'
import { addChild, home, join, preview, removeChild } from '../../domain/family/membership'
import { plan, setWeek, useDefaultPlan } from '../../domain/family/plan'
import { complete, signPledge } from '../../domain/family/progress'
import { defineFunction } from '../../runtime/define-function'
import { exportOverview } from '../../domain/family/export'

/** 小手拉大手: teachers run classes, families do weekly civility tasks, schools and the office watch the figures. */
export const familyFunction = defineFunction(
  'family',
  CONTRACT.family,
  {
    schools: (_input, ctx) => listSchools(ctx),
    createSchool: (input, ctx) => createSchool(input, ctx),
    createClass: (input, ctx) => createClass(input, ctx),
    myClasses: (_input, ctx) => myClasses(ctx),
    classCode: (input, ctx) => classCode(input, ctx),
    plan: (input, ctx) => plan(input, ctx),
    setWeek: (input, ctx) => setWeek(input, ctx),
    useDefaultPlan: (input, ctx) => useDefaultPlan(input, ctx),
    board: (input, ctx) => board(input, ctx),
    remind: (input, ctx) => remind(input, ctx),
    archive: (input, ctx) => archiveClass(input, ctx),
    grantTeacher: (input, ctx) => grantTeacher(input, ctx),
    school: (input, ctx) => schoolOverview(input, ctx),
    overview: (_input, ctx) => overview(ctx),
    exportOverview: (input, ctx) => exportOverview(input, ctx),
    preview: (input, ctx) => preview(input, ctx),
    join: (input, ctx) => join(input, ctx),
    home: (_input, ctx) => home(ctx),
    addChild: (input, ctx) => addChild(input, ctx),
    removeChild: (input, ctx) => removeChild(input, ctx),
    complete: (input, ctx) => complete(input, ctx),
    signPledge: (input, ctx) => signPledge(input, ctx),
  },
  ['security.msgSecCheck', 'wxacode.getUnlimited', 'subscribeMessage.send'],
  {
    // once a night (02:10 Shanghai): classes two weeks past their term lose their children's list
    archiveEndedTerms: { cron: '0 10 18 * * * *', everyMs: 24 * 60 * 60_000, run: (ctx) => archiveEndedTerms(ctx) },
  },
)

export default familyFunction
