import { CONTRACT } from '@/shared/contract'
import { answer, get, openList } from '../../domain/survey/answer'
import { exportAnswers } from '../../domain/survey/export'
import { adminGet, adminList, close, communities, createDraft, createFromTemplate, publish, updateDraft } from '../../domain/survey/office'
import { results, textAnswers } from '../../domain/survey/results'
import { defineFunction } from '../../runtime/define-function'

/** 创文民意调查: the office's anonymous survey, answered by residents, read from counters. */
export const surveyFunction = defineFunction(
  'survey',
  CONTRACT.survey,
  {
    createDraft: (input, ctx) => createDraft(input, ctx),
    createFromTemplate: (input, ctx) => createFromTemplate(input, ctx),
    updateDraft: (input, ctx) => updateDraft(input, ctx),
    publish: (input, ctx) => publish(input, ctx),
    close: (input, ctx) => close(input, ctx),
    adminList: (input, ctx) => adminList(input, ctx),
    adminGet: (input, ctx) => adminGet(input, ctx),
    communities: (_input, ctx) => communities(ctx),
    results: (input, ctx) => results(input, ctx),
    textAnswers: (input, ctx) => textAnswers(input, ctx),
    exportAnswers: (input, ctx) => exportAnswers(input, ctx),
    openList: (_input, ctx) => openList(ctx),
    get: (input, ctx) => get(input, ctx),
    answer: (input, ctx) => answer(input, ctx),
  },
  ['security.msgSecCheck'],
)

export default surveyFunction
